<?php
/**
 * max_connection 1 and one worker; prints "ready".
 *
 * usage: php max_conn_flood.php PORT base|process
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'max_connection' => 1]);
$server->on('workerStart', function () {
    echo "ready\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, $data);
});
$server->start();
