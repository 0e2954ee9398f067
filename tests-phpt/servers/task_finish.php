<?php
/**
 * One worker, two task workers (worker ids 1 and 2), for finish() and finish
 * callbacks. A task is ['finish' => [values to finish() one by one],
 * 'return' => onTask's return value]; onTask prints each finish() result,
 * onFinish and the callbacks print what they get.
 *
 * usage: php task_finish.php PORT
 *
 * Commands (reply: one line with the task ids):
 *   many      finish() three times, then return a value; to task worker 0
 *   none      a task returning null without finish(), then one returning "marker"; both to task worker 0
 *   callback  with a finish callback: finish() twice, then return a value; to task worker 1
 *   only      with a finish callback: just return a value; to any task worker
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function (Swoole\Server $s, $id, $src, $data) {
    echo "onTask id=$id src=$src wid={$s->worker_id}\n";
    foreach ($data['finish'] as $v) {
        echo "finish(" . json_encode($v) . ") = " . var_export($s->finish($v), true) . "\n";
    }
    return $data['return'];
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=" . json_encode($data) . " wid={$s->worker_id}\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) use ($server) {
    $cb = function ($srv, $id, $result) use ($server) {
        echo "callback id=$id data=" . json_encode($result) . " server=" . var_export($srv === $server, true) . "\n";
    };
    $ids = match (trim($data)) {
        'many' => [$s->task(['finish' => ['one', 'two', 3], 'return' => 'returned'], 0)],
        'none' => [$s->task(['finish' => [], 'return' => null], 0), $s->task(['finish' => [], 'return' => 'marker'], 0)],
        'callback' => [$s->task(['finish' => ['first', ['second']], 'return' => 'third'], 1, $cb)],
        'only' => [$s->task(['finish' => [], 'return' => 'only result'], -1, $cb)],
    };
    $s->send($fd, "ids=" . json_encode($ids) . "\n");
});

$server->start();
