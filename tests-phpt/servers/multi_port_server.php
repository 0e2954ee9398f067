<?php
/**
 * One server on five ports (issue 6, seed 003's multi-port example made
 * runnable): usage: PORT base|process SOCKET_DIR
 *  - port 0: TCP, the server's callbacks, no framing: "main:<data>"
 *  - port 1: TCP on a kernel port, its own onReceive and EOF framing ("\n"): "line:<line>"
 *  - port 2: UDP, its own onPacket: "udp:<data>" back with sendto()
 *  - port 3: Unix stream, the server's onReceive (inherits): "main:<data>"
 *  - port 4: Unix datagram, its own onPacket: "unix-dgram:<data>" back with send($address)
 * Once worker 0 starts it prints "ports <json of [type, port]...>".
 */
$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$dir = $argv[3];
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$server->set(['worker_num' => 2]);

$lines = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$lines->set(['open_eof_split' => true, 'package_eof' => "\n"]);
$lines->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $info = $s->getClientInfo($fd);
    $s->send($fd, "line:" . rtrim($data) . " server_port={$info['server_port']}\n");
});
$udp = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP);
$udp->on('packet', function (Swoole\Server $s, $data, $client) {
    $s->sendto($client['address'], $client['port'], "udp:$data", $client['server_socket']);
});
$server->addListener("$dir/stream.sock", 0, SWOOLE_UNIX_STREAM);
$dgram = $server->addListener("$dir/dgram.sock", 0, SWOOLE_UNIX_DGRAM);
$dgram->on('Packet', function (Swoole\Server $s, $data, $client) {
    $s->send($client['address'], "unix-dgram:$data", $client['server_socket']);
});
var_dump($lines->getCallback('receive') !== null, $lines->getCallback('connect'));
var_dump($lines->on('start', fn() => null));

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $s->send($fd, "main:$data");
});
$server->on('workerStart', function (Swoole\Server $s, $id) {
    if ($id === 0) {
        echo "ports ", json_encode(array_map(fn($p) => [$p->type, $p->port], $s->ports)), "\n";
    }
});
$server->start();
