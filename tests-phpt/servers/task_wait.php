<?php
/**
 * One worker and ONE task worker (so tasks run one after another), for
 * taskwait()/taskWaitMulti() timeouts. A task is [milliseconds to sleep,
 * value]; onTask returns "result:<value>".
 *
 * usage: php task_wait.php PORT
 *
 * Commands (reply: one JSON line):
 *   slow       taskwait of a 600 ms task with a 0.2 s timeout  -> [result, getLastError(), waited about 0.2 s]
 *   fast       taskwait of a 0 ms task, 2 s timeout (the task worker may still be on an earlier slow task)
 *   dst        taskwait(..., 2.0, 0): to task worker 0
 *   multi      taskWaitMulti of two quick tasks and a 600 ms one (last), 0.3 s timeout
 *   list       taskWaitMulti of a list of three quick tasks, 2 s timeout
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function ($s, $id, $src, $data) {
    [$ms, $v] = $data;
    usleep($ms * 1000);
    echo "onTask id=$id done: $v\n";
    return "result:$v";
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=" . json_encode($data) . "\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    switch (trim($data)) {
        case 'slow':
            $t = hrtime(true);
            $r = $s->taskwait([600, 'slow'], 0.2);
            $waited = (hrtime(true) - $t) / 1e9;
            $reply = [$r, $s->getLastError(), $waited > 0.15 && $waited < 0.5 ? 'about 0.2 s' : "$waited s"];
            break;
        case 'fast':
            $reply = $s->taskwait([0, 'fast'], 2.0);
            break;
        case 'dst':
            $reply = $s->taskwait([0, 'dst'], 2.0, 0);
            break;
        case 'multi':
            $t = hrtime(true);
            $r = $s->taskWaitMulti(['a' => [0, 'a'], 7 => [0, 'seven'], 'slow' => [600, 'slow multi']], 0.3);
            $waited = (hrtime(true) - $t) / 1e9;
            $reply = [$r, $waited > 0.25 && $waited < 0.6 ? 'about 0.3 s' : "$waited s"];
            break;
        case 'list':
            $reply = $s->taskWaitMulti([[0, 'x'], [0, 'y'], [0, 'z']], 2.0);
            break;
    }
    $s->send($fd, json_encode($reply) . "\n");
});

$server->start();
