<?php
/**
 * Misuses of the task API, for task_errors.phpt. Every call's result is
 * printed as "<call> = <result>" (warnings go to the same output).
 *
 * usage: php task_errors.php PORT MODE
 *   MODE no_ontask        task_worker_num set, no onTask: start() must fail
 *   MODE no_task_workers  no task_worker_num; "go" tries task(), taskwait(), taskWaitMulti()
 *   MODE normal           one worker, two task workers:
 *                           a task worker calls finish() in onWorkerStart;
 *                           "worker" tries finish(), taskCo() and bad task worker ids in a worker;
 *                           "intask" sends a task whose onTask tries task(), taskwait(),
 *                           taskWaitMulti() and taskCo()
 */
[, $port, $mode] = $argv;

// Several processes print at once, and PHP writes a displayed warning to
// stderr in several pieces, which another process's line can split: each
// warning is printed here in one write, in PHP's own words.
set_error_handler(function (int $no, string $msg, string $file, int $line): bool {
    echo ($no === E_WARNING ? 'Warning' : "Error $no") . ": $msg in $file on line $line\n";
    return true;
});

function show(string $call, mixed $result): void
{
    echo "$call = " . var_export($result, true) . "\n";
}

$server = new Swoole\Server('127.0.0.1', (int)$port, SWOOLE_BASE);
$server->set($mode === 'no_task_workers' ? ['worker_num' => 1] : ['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('workerStart', function (Swoole\Server $s, $id) {
    if ($s->taskworker) {
        show("task worker #$id: finish('x')", $s->finish('x'));
    }
    echo "onWorkerStart id=$id\n";
});

if ($mode !== 'no_ontask') {
    $server->on('task', function (Swoole\Server $s, $id, $src, $data) {
        show('onTask: task(\'x\')', $s->task('x'));
        show('onTask: taskwait(\'x\')', $s->taskwait('x'));
        show('onTask: taskWaitMulti([\'x\'])', $s->taskWaitMulti(['x']));
        show('onTask: taskCo([\'x\'])', $s->taskCo(['x']));
        return 'task done';
    });
    $server->on('finish', function ($s, $id, $data) {
        show('onFinish: finish(\'x\')', $s->finish('x'));
        echo "onFinish id=$id data=$data\n";
    });
}

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    switch (trim($data)) {
        case 'go':
            show('task(\'x\')', $s->task('x'));
            show('taskwait(\'x\')', $s->taskwait('x'));
            show('taskWaitMulti([\'x\'])', $s->taskWaitMulti(['x']));
            break;
        case 'worker':
            show('finish(\'x\')', $s->finish('x'));
            show('taskCo([\'x\'])', $s->taskCo(['x']));
            show('task(\'x\', 2)', $s->task('x', 2));
            show('taskwait(\'x\', 0.5, 2)', $s->taskwait('x', 0.5, 2));
            break;
        case 'intask':
            show('task(\'go\')', $s->task('go'));
            break;
    }
    $s->send($fd, "done\n");
});

show('start()', $server->start());
