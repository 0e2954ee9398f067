<?php
// The benchmark's PHP echo server: Swoole's tcpServer.php example, minus the
// Connect/Close output so that stdout stays quiet under load.
//
// Usage: php -d extension=target/release/libswoole.so bench/echo_server.php [port] [worker_num] [base|process] [raw|eof|udp]
// (port 0 lets the kernel choose; the real port is printed on start).
// eof: one onReceive per "\n"-terminated packet (open_eof_split); udp: a UDP server.

$mode = ($argv[3] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$proto = $argv[4] ?? 'raw';
$server = new Swoole\Server('127.0.0.1', (int)($argv[1] ?? 9501), $mode, $proto === 'udp' ? SWOOLE_SOCK_UDP : SWOOLE_SOCK_TCP);
$server->set(['worker_num' => (int)($argv[2] ?? 1)] + match ($proto) {
    'eof' => ['open_eof_split' => true, 'package_eof' => "\n", 'package_max_length' => 1 << 20],
    default => [],
});

$server->on('Start', function ($server) {
    echo "listening on 127.0.0.1:{$server->port}\n";
});

$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    $server->send($fd, "Server: {$data}");
});

$server->on('Packet', function ($server, $data, $client) {
    $server->sendto($client['address'], $client['port'], "Server: {$data}");
});

$server->start();
