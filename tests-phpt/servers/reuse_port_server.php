<?php
/** enable_reuse_port (issue 6): BASE, 2 workers; each reply names its worker. usage: PORT [0|1] */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 2, 'enable_reuse_port' => ($argv[2] ?? '1') === '1']);
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, "w{$s->worker_id}\n");
});
$server->start();
