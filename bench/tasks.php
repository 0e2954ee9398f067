<?php
/**
 * Task benchmark (issue 4): one event worker, one task worker, trivial onTask.
 *  1. N sequential taskwait() calls: round trips per second.
 *  2. N task() calls, onFinish counting them: tasks per second (dispatch to
 *     the last onFinish).
 * Usage: tasks.php [N] [base|process]; prints one JSON line last and shuts
 * the server down.
 */
$n = (int)($argv[1] ?? 100000);
$mode = ($argv[2] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
echo $mode === SWOOLE_PROCESS ? "SWOOLE_PROCESS\n" : "SWOOLE_BASE\n";
$server = new Swoole\Server('127.0.0.1', 0, $mode);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);
$server->on('receive', function () {});
$server->on('task', function ($server, $id, $src, $data) {
    return $data;
});
$finished = 0;
$t_task = 0.0;
$results = [];
$server->on('finish', function ($server, $id, $data) use (&$finished, &$t_task, &$results, $n) {
    if (++$finished === $n) {
        $secs = (hrtime(true) - $t_task) / 1e9;
        $results['task_per_sec'] = round($n / $secs);
        printf("%d task() with onFinish: %.2f s, %d tasks/s\n", $n, $secs, $results['task_per_sec']);
        echo json_encode($results), "\n";
        $server->shutdown();
    }
});
$server->on('workerStart', function ($server, $id) use ($n, &$t_task, &$results) {
    if ($server->taskworker) {
        return;
    }
    Swoole\Timer::after(100, function () use ($server, $n, &$t_task, &$results) {
        $t = hrtime(true);
        $fails = 0;
        for ($i = 0; $i < $n; $i++) {
            if ($server->taskwait('x', 1.0) === false) {
                $fails++;
            }
        }
        $secs = (hrtime(true) - $t) / 1e9;
        $results['taskwait_per_sec'] = round($n / $secs);
        $results['taskwait_failures'] = $fails;
        printf("%d taskwait(): %.2f s, %d round trips/s, %d failed\n", $n, $secs, $results['taskwait_per_sec'], $fails);
        $t_task = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $server->task('x');
        }
    });
});
$server->start();
