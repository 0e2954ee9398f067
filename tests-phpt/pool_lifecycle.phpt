--TEST--
Pool: onStart and onShutdown in the master, onWorkerStart/onWorkerStop in each worker, properties, shutdown() from a worker
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

$log = new PoolLog();
pool_watchdog();
$master = getmypid();
$pool = new Swoole\Process\Pool(2);
$props = fn($p) => sprintf('running=%s workerRunning=%s', var_export($p->running, true), var_export($p->workerRunning, true));
$pool->on('Start', function (Swoole\Process\Pool $p) use ($log, $master, $props) {
    $log->say(sprintf('onStart in=%s master_pid=%s %s', getmypid() === $master ? 'master' : 'other',
        $p->master_pid === $master ? 'ok' : $p->master_pid, $props($p)));
});
$pool->on('WorkerStart', function (Swoole\Process\Pool $p, int $id) use ($log, $master, $props) {
    $log->say(sprintf('onWorkerStart id=%d pid=%d in=%s workerId=%d workerPid=%s master_pid=%s %s', $id, getmypid(),
        getmypid() === $master ? 'master' : 'worker', $p->workerId, $p->workerPid === getmypid() ? 'ok' : 'bad',
        $p->master_pid === $master ? 'ok' : 'bad', $props($p)));
    // The loop keeps the worker (and lets SIGTERM stop it cleanly).
    Swoole\Timer::tick(1000, function () {});
    if ($id === 1) {
        // From the loop: a SIGTERM that comes while onWorkerStart runs ends
        // the worker at once (as in Swoole), without onWorkerStop.
        Swoole\Timer::after(1, function () use ($p, $log) {
            $log->waitFor('/^onWorkerStart /', 2);
            $log->say('worker 1 calls shutdown(): ' . var_export($p->shutdown(), true));
        });
    }
});
$pool->on('WorkerStop', function (Swoole\Process\Pool $p, int $id) use ($log, $props) {
    $log->say(sprintf('onWorkerStop id=%d pid=%d %s', $id, getmypid(), $props($p)));
});
$pool->on('Shutdown', function (Swoole\Process\Pool $p) use ($log, $master, $props) {
    $log->say(sprintf('onShutdown in=%s %s', getmypid() === $master ? 'master' : 'other', $props($p)));
});
var_dump($pool->start());
$lines = $log->lines();
$starts = preg_grep('/^onWorkerStart /', $lines);
sort($starts);
foreach ($starts as $l) {
    echo preg_replace('/ pid=\d+/', '', $l), "\n";
}
foreach (['/^onStart /', '/calls shutdown/', '/^onShutdown /'] as $re) {
    echo implode("\n", preg_grep($re, $lines)), "\n";
}
$stops = preg_grep('/^onWorkerStop /', $lines);
$shutdownAt = key(preg_grep('/^onShutdown /', $lines));
echo "onShutdown before the workers stop: ", var_export($shutdownAt < min(array_keys($stops)), true), "\n";
sort($stops);
foreach ($stops as $l) {
    echo preg_replace('/ pid=\d+/', '', $l), "\n";
}
echo "worker pids: ", count(array_unique(pids_in(implode("\n", $starts), '/./'))), " distinct, none is the master\n";
printf("after start(): master_pid=%s running=%s workerRunning=%s workerId=%d\n", $pool->master_pid === $master ? 'ok' : 'bad',
    var_export($pool->running, true), var_export($pool->workerRunning, true), $pool->workerId);
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
NULL
onWorkerStart id=0 in=worker workerId=0 workerPid=ok master_pid=ok running=true workerRunning=true
onWorkerStart id=1 in=worker workerId=1 workerPid=ok master_pid=ok running=true workerRunning=true
onStart in=master master_pid=ok running=true workerRunning=true
worker 1 calls shutdown(): true
onShutdown in=master running=false workerRunning=false
onShutdown before the workers stop: true
onWorkerStop id=0 running=false workerRunning=false
onWorkerStop id=1 running=false workerRunning=false
worker pids: 2 distinct, none is the master
after start(): master_pid=ok running=false workerRunning=false workerId=-1
children left: 0
