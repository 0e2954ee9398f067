<?php
// The benchmark's PHP echo server: Swoole's tcpServer.php example, minus the
// Connect/Close output so that stdout stays quiet under load.
//
// Usage: php -d extension=target/release/libswoole.so bench/echo_server.php [port] [worker_num] [base|process]
// (port 0 lets the kernel choose; the real port is printed on start).

$mode = ($argv[3] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', (int)($argv[1] ?? 9501), $mode);
$server->set(['worker_num' => (int)($argv[2] ?? 1)]);

$server->on('Start', function ($server) {
    echo "listening on 127.0.0.1:{$server->port}\n";
});

$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    $server->send($fd, "Server: {$data}");
});

$server->start();
