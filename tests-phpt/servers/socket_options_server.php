<?php
/**
 * Socket options (issue 6). usage: PORT base|process
 * Prints "onWorkerStart id=I pid=P" and "onConnect fd=F"; answers "pong".
 */
$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$server->set([
    'worker_num' => 2,
    'open_tcp_keepalive' => true,
    'tcp_keepidle' => 7,
    'tcp_keepinterval' => 3,
    'tcp_keepcount' => 2,
    'tcp_defer_accept' => 5,
    'open_cpu_affinity' => true,
]);
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
});
$server->on('connect', function ($s, $fd) {
    echo "onConnect fd=$fd\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, "pong");
});
$server->start();
