<?php
// bench/haproxy.php's echo server: bench/echo_server.php's reply, with the
// PROXY protocol v2 required on its port when PROXY is 2 (HAProxy's
// send-proxy-v2). Prints "listening" once its worker runs.
//
// Usage: php -d extension=... bench/proxy_echo_server.php PORT [0|2]
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'open_proxy_protocol' => (int)($argv[2] ?? 0), 'log_level' => SWOOLE_LOG_WARNING]);
$server->on('WorkerStart', function () {
    echo "listening\n";
});
$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    $server->send($fd, "Server: {$data}");
});
$server->start();
