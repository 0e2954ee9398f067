<?php
/**
 * One worker, two task workers, with SETTING => true (task_object,
 * task_use_object or task_enable_coroutine): onTask gets a
 * Swoole\Server\Task and prints what it holds.
 *
 * usage: php task_object.php PORT SETTING
 *
 * Commands (reply: one line):
 *   str   task("hello"): onTask answers with $task->finish(strrev($data))   -> "id=N"
 *   arr   task(['a' => 1]): onTask answers by returning ['got' => $data]    -> "id=N"
 *   cb    task("cb", -1, callback): the callback prints the result          -> "id=N"
 *   wait  taskwait("w", 5.0): onTask uses $task->finish()                   -> the result
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 2, $argv[2] => true]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function (Swoole\Server $s, ...$args) {
    $task = $args[0];
    $t = microtime(true);
    printf(
        "onTask args=%d class=%s id=%s worker_id=%s flags=%s data=%s dispatch_time=%s\n",
        count($args) + 1,
        get_debug_type($task),
        var_export($task->id, true),
        var_export($task->worker_id, true),
        var_export($task->flags, true),
        json_encode($task->data),
        is_float($task->dispatch_time) && $task->dispatch_time <= $t && $task->dispatch_time > $t - 5 ? 'recent' : var_export($task->dispatch_time, true)
    );
    if (is_array($task->data)) {
        return ['got' => $task->data];
    }
    echo "finish() = " . var_export($task->finish(strrev($task->data)), true) . "\n";
    return null;
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=" . json_encode($data) . "\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $reply = match (trim($data)) {
        'str' => 'id=' . $s->task('hello'),
        'arr' => 'id=' . $s->task(['a' => 1]),
        'cb' => 'id=' . $s->task('cb', -1, function ($s, $id, $data) {
            echo "callback id=$id data=" . json_encode($data) . "\n";
        }),
        'wait' => json_encode($s->taskwait('w', 5.0)),
    };
    $s->send($fd, "$reply\n");
});

$server->start();
