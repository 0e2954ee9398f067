<?php
/** A UDP server in SWOOLE_PROCESS mode (issue 6): the workers serve the socket. usage: PORT */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS, SWOOLE_SOCK_UDP);
$server->set(['worker_num' => 2]);
$server->on('packet', function (Swoole\Server $s, $data, $client) {
    $s->sendto($client['address'], $client['port'], "w{$s->worker_id} pid=" . getmypid() . ":$data");
});
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
});
$server->start();
