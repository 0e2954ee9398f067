<?php
/**
 * A server that never replies, for clients that send and close at once.
 * Four ports: raw (the main one), a length-framed one and an EOF-framed one
 * (where the clients leave a partial packet), and a raw one whose
 * connections are paused on connect and resumed 50 ms later. Prints
 * "ports A B C D" once serving, one "close P" line per onClose (P the port).
 *
 * usage: php close_with_data.php PORT base|process
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$length = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$length->set(['open_length_check' => true, 'package_length_type' => 'N', 'package_length_offset' => 0,
              'package_body_offset' => 4]);
$eof = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$eof->set(['open_eof_check' => true, 'package_eof' => "\r\n"]);
$paused = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$server->on('workerStart', function ($s) use ($port, $length, $eof, $paused) {
    echo "ports $port {$length->port} {$eof->port} {$paused->port}\n";
});
$server->on('connect', function ($s, $fd) use ($paused) {
    if ($s->getClientInfo($fd)['server_port'] === $paused->port) {
        $s->pause($fd);
        Swoole\Timer::after(50, fn() => $s->resume($fd));
    }
});
$server->on('receive', function () {});
$server->on('close', function ($s, $fd) {
    echo "close {$s->getClientInfo($fd)['server_port']}\n";
});
$server->start();
