<?php
/** output_buffer_size (issue 6). usage: PORT base|process. Receive: tries 2000 then 1000 bytes. */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'output_buffer_size' => 1024]);
$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $big = $s->send($fd, str_repeat('b', 2000));
    $err = $s->getLastError();
    $small = $s->send($fd, str_repeat('s', 1000));
    $s->send($fd, "\nbig=" . var_export($big, true) . " error=$err small=" . var_export($small, true) . "\n");
});
$server->start();
