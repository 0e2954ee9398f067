--TEST--
Pool: detach() gets the worker replaced at once while it goes on; stop() ends a worker's loop (it is replaced) or, in the master, the pool; a later pool is not stopped by an earlier one's signals
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

pool_watchdog();
echo "-- detach()\n";
$log = new PoolLog();
$pool = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK);
$pool->on('WorkerStart', function (Swoole\Process\Pool $pool, int $id) use ($log) {
    $first = count($log->grep('/^start /')) === 0;
    if (!$first) {
        $log->waitFor('/^detach\(\)/');
    }
    $log->say('start pid=' . getmypid());
    if ($first) {
        $log->say('detach() = ' . var_export($pool->detach(), true) . ', again: ' . var_export($pool->detach(), true));
        // The replacement runs while this one still works.
        $log->waitFor('/^start /', 2);
        $log->say('detached worker still running, replacement started');
        return;
    }
    $log->waitFor('/still running/');
    $pool->sendMessage('for the replacement', 0);
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    $log->waitFor('/^stop /');
    $log->say('message ' . $data . ' in pid=' . getmypid());
    $pool->shutdown();
});
$pool->on('WorkerStop', function ($pool, $id) use ($log) {
    $log->say('stop pid=' . getmypid());
});
var_dump($pool->start());
$lines = $log->lines();
$pids = pids_in(implode("\n", $lines), '/^start /');
echo implode("\n", array_map(fn($l) => strtr($l, [" pid=$pids[0]" => ' pid=DETACHED', " pid=$pids[1]" => ' pid=NEW']), $lines)), "\n";

echo "-- stop() in a worker, then in the master\n";
$log = new PoolLog();
$pool = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK);
$pool->on('Start', function (Swoole\Process\Pool $pool) {
    $pool->sendMessage('stop', 0);
    $pool->sendMessage('after stop', 0);
});
$pool->on('WorkerStart', function ($pool, $id) use ($log) {
    $log->say('start');
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    $log->say("message $data");
    if ($data === 'stop') {
        $pool->stop();
        $log->say('stop() returned, workerRunning=' . var_export($pool->workerRunning, true));
    } else {
        // Three SIGTERMs: the pool needs one; the others must not reach the next pool.
        $pool->shutdown();
        $pool->shutdown();
        $pool->shutdown();
    }
});
$pool->on('WorkerStop', function ($pool, $id) use ($log) {
    $log->say('stop');
});
var_dump($pool->start());
echo implode("\n", $log->lines()), "\n";

$log = new PoolLog();
$pool = new Swoole\Process\Pool(1);
$pool->on('Start', function (Swoole\Process\Pool $pool) use ($log) {
    Swoole\Timer::after(300, function () use ($pool, $log) {
        $log->say('master calls stop()');
        $pool->stop();
    });
});
$pool->on('WorkerStart', function ($pool, $id) use ($log) {
    $log->say('start');
    Swoole\Timer::tick(1000, function () {});
});
$pool->on('WorkerStop', function ($pool, $id) use ($log) {
    $log->say('stop');
});
var_dump($pool->start());
echo implode("\n", $log->lines()), "\n";
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
-- detach()
NULL
start pid=DETACHED
detach() = true, again: false
start pid=NEW
detached worker still running, replacement started
stop pid=DETACHED
message for the replacement in pid=NEW
stop pid=NEW
-- stop() in a worker, then in the master
NULL
start
message stop
stop() returned, workerRunning=true
stop
start
message after stop
stop
NULL
start
master calls stop()
stop
children left: 0
