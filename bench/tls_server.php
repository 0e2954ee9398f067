<?php
/**
 * The TLS echo server bench/tls.php measures (ours or real Swoole, the same
 * script): one worker, a SWOOLE_SSL port, every read echoed back.
 *
 * usage: php -d extension=SO bench/tls_server.php PORT base|process CERTDIR
 */
[$port, $mode, $dir] = [(int)$argv[1], $argv[2], $argv[3]];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE,
    SWOOLE_SOCK_TCP | SWOOLE_SSL);
$server->set([
    'worker_num' => 1,
    'reactor_num' => 1,
    'log_level' => SWOOLE_LOG_ERROR,
    'ssl_cert_file' => "$dir/server.crt",
    'ssl_key_file' => "$dir/server.key",
]);
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, $data);
});
$server->start();
