<?php
/**
 * A SWOOLE_PROCESS server with one worker and two task workers (worker ids 1
 * and 2), for tasks in PROCESS mode. A task is [milliseconds to sleep,
 * value]; onTask prints a line and returns "result:<value>" (a 4 MiB string
 * task comes back reversed).
 *
 * usage: php process_msg_tasks.php PORT
 *
 * Commands (reply: one JSON line):
 *   callback   task([0, 'cb'], 0, <callback>): the callback prints its result   -> task id
 *   finish     task([0, 'plain'], 1): onFinish prints the result                 -> task id
 *   wait       taskwait([0, 'fast'], 2.0)                                        -> its result
 *   slow       taskwait([600, 'slow'], 0.2, 0)      -> [result, getLastError(), waited about 0.2 s]
 *   multi      taskWaitMulti of [0,'x'], [0,'y'] and a 600 ms task, 0.3 s timeout -> [results, waited about 0.3 s]
 *   big        a 4 MiB string through taskwait() and through task() with a callback: it comes
 *              back reversed -> {"wait":..., "async":...} once both are checked
 *   stats      the task keys of stats()
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

function big(): string
{
    static $big = null;
    if ($big === null) {
        mt_srand(7);
        $big = '';
        for ($i = 0; $i < (4 << 20) / 4; $i++) {
            $big .= pack('N', mt_rand());
        }
    }
    return $big;
}

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function (Swoole\Server $s, $id, $src, $data) {
    if (is_string($data)) {
        echo "onTask id=$id src=$src wid={$s->worker_id} 4 MiB: " . var_export($data === big(), true) . "\n";
        return strrev($data);
    }
    [$ms, $v] = $data;
    usleep($ms * 1000);
    echo "onTask id=$id src=$src wid={$s->worker_id} done: $v\n";
    return "result:$v";
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=" . json_encode($data) . " wid={$s->worker_id}\n";
});

function task_stats(Swoole\Server $s): array
{
    $st = $s->stats();
    $out = [];
    foreach (['task_worker_num', 'task_idle_worker_num', 'tasking_num', 'task_count'] as $k) {
        $out[$k] = $st[$k] ?? 'missing';
    }
    return $out;
}

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) use ($server) {
    switch (trim($data)) {
        case 'callback':
            $reply = $s->task([0, 'cb'], 0, function ($srv, $id, $result) use ($server) {
                echo "callback id=$id data=" . json_encode($result) . " server=" . var_export($srv === $server, true) . "\n";
            });
            break;
        case 'finish':
            $reply = $s->task([0, 'plain'], 1);
            break;
        case 'wait':
            $reply = $s->taskwait([0, 'fast'], 2.0);
            break;
        case 'slow':
            $t = hrtime(true);
            $r = $s->taskwait([600, 'slow'], 0.2, 0);
            $waited = (hrtime(true) - $t) / 1e9;
            $reply = [$r, $s->getLastError(), $waited > 0.15 && $waited < 0.5 ? 'about 0.2 s' : "$waited s"];
            break;
        case 'multi':
            $t = hrtime(true);
            $r = $s->taskWaitMulti([[0, 'x'], [0, 'y'], [600, 'slow multi']], 0.3);
            $waited = (hrtime(true) - $t) / 1e9;
            $reply = [$r, $waited > 0.25 && $waited < 0.6 ? 'about 0.3 s' : "$waited s"];
            break;
        case 'big':
            $r = $s->taskwait(big(), 5.0);
            $wait = $r === strrev(big()) ? 'same' : get_debug_type($r) . (is_string($r) ? ' of ' . strlen($r) . ' bytes' : '');
            $s->task(big(), -1, function ($srv, $id, $result) use ($fd, $wait) {
                $async = $result === strrev(big()) ? 'same' : get_debug_type($result) . (is_string($result) ? ' of ' . strlen($result) . ' bytes' : '');
                $srv->send($fd, json_encode(['wait' => $wait, 'async' => $async]) . "\n");
            });
            return;
        case 'stats':
            $reply = task_stats($s);
            break;
        default:
            $reply = 'unknown';
    }
    $s->send($fd, json_encode($reply) . "\n");
});

$server->start();
