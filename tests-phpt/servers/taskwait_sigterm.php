<?php
/**
 * One event worker whose onReceive waits up to 1 s for a task each time, and
 * one task worker; prints "ready", "stop W" in onWorkerStop, "down" after
 * start().
 *
 * usage: php taskwait_sigterm.php PORT base|process
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, var_export($s->taskwait($data, 1.0), true) . "\n");
});
$server->on('task', fn($s, $id, $from, $data) => $data);
$server->on('workerStart', function ($s, $id) {
    if (!$s->taskworker) {
        echo "ready\n";
    }
});
$server->on('workerStop', function ($s, $id) {
    echo "stop $id\n";
});
$server->start();
echo "down\n";
