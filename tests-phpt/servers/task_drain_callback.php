<?php
/**
 * BASE, one worker, one task worker: the worker's task() with a callback is
 * still running when the worker is reloaded (it keeps draining: the client
 * holds its connection), so its result comes back after the successor started.
 *
 * usage: php task_drain_callback.php PORT MARKER_FILE
 *
 * "go": task() with a callback (the task waits until MARKER_FILE exists),
 * reply "dispatched", then reload().
 */
$marker = $argv[2];
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1, 'max_wait_time' => 10]);
$starts = new Swoole\Atomic(0);

$server->on('workerStart', function ($s, $id) use ($starts) {
    if ($id === 0) {
        $n = $starts->add(1);
        echo "onWorkerStart id=0 start=$n pid=", getmypid(), "\n";
    }
});

$server->on('task', function ($s, $id, $src, $data) use ($marker) {
    $until = microtime(true) + 10;
    while (!file_exists($marker) && microtime(true) < $until) {
        usleep(10000);
    }
    return "result of $data";
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish data=$data\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $s->task('cb', -1, function ($s, $id, $result) {
        echo "callback data=$result\n";
    });
    $s->send($fd, "dispatched\n");
    $s->reload();
});

$server->start();
