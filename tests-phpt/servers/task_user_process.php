<?php
/**
 * One worker, one task worker and one user process (process id 2), for
 * one-way tasks. When it starts, the user process sends a task whose onTask
 * returns a value, then one whose onTask calls finish(), then tries
 * taskwait() and taskWaitMulti(); it prints every result.
 *
 * usage: php task_user_process.php PORT
 *
 * Command "task": the worker sends a task of its own (reply: "id=N").
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function (Swoole\Server $s, $id, $src, $data) {
    echo "onTask id=$id src=$src data=" . json_encode($data) . "\n";
    if ($data['how'] === 'finish') {
        echo "finish() = " . var_export($s->finish('result by finish'), true) . "\n";
        return null;
    }
    return "result of {$data['from']}";
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=" . json_encode($data) . " in wid={$s->worker_id}\n";
});

$server->addProcess(new Swoole\Process(function ($proc) use ($server) {
    // The refused calls first: their warnings are printed before any task
    // reaches the task worker, whose output would otherwise interleave.
    echo "user: taskwait() = " . var_export($server->taskwait(['from' => 'user', 'how' => 'return'], 0.5), true) . "\n";
    echo "user: taskWaitMulti() = " . var_export($server->taskWaitMulti([['from' => 'user', 'how' => 'return']], 0.5), true) . "\n";
    echo "user: task() = " . var_export($server->task(['from' => 'user', 'how' => 'return']), true) . "\n";
    echo "user: task() = " . var_export($server->task(['from' => 'user', 'how' => 'finish'], 0), true) . "\n";
    Swoole\Process::signal(SIGTERM, fn() => $proc->exit(0));
    Swoole\Timer::tick(1000, fn() => null);
}));

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $s->send($fd, "id=" . var_export($s->task(['from' => 'worker', 'how' => 'return']), true) . "\n");
});

$server->start();
