--TEST--
Pool: SWOOLE_IPC_MSGQUEUE fed by another process (Swoole\Process::push); each message reaches one worker once; without onMessage, workers pop() the queue
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
$key = 0x51000000 + getmypid();

// Another process feeds the queue (it may run before the workers do).
$feeder = new Swoole\Process(function (Swoole\Process $p) use ($key) {
    $p->useQueue($key);
    foreach (range(1, 30) as $i) {
        $p->push("job $i");
    }
}, false, 0);
$feeder->start();

$pool = new Swoole\Process\Pool(2, SWOOLE_IPC_MSGQUEUE, $key);
$pool->on('Start', function (Swoole\Process\Pool $pool) use ($log) {
    // The master's own timer: shut down once every job was seen.
    Swoole\Timer::tick(10, function () use ($pool, $log) {
        if (count($log->grep('/ got job /')) >= 30) {
            $pool->shutdown();
        }
    });
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    $log->say("worker {$pool->workerId} got $data");
});
var_dump($pool->start());
$jobs = array_map(fn($l) => (int)substr($l, strrpos($l, ' ') + 1), $log->grep('/ got job /'));
sort($jobs);
echo "jobs seen once each: ", var_export($jobs === range(1, 30), true), "\n";

echo "-- without onMessage: getProcess()->pop()\n";
$log2 = new PoolLog();
$feeder->useQueue($key);
$feeder->push('popped by hand');
$pool = new Swoole\Process\Pool(1, SWOOLE_IPC_MSGQUEUE, $key);
$pool->on('WorkerStart', function (Swoole\Process\Pool $pool) use ($log2) {
    $p = $pool->getProcess();
    $log2->say(sprintf('msgQueueKey=%s pop=%s', var_export($p->msgQueueKey === $pool->getProcess()->msgQueueKey, true), $p->pop()));
    $pool->shutdown();
    sleep(5);
});
var_dump($pool->start());
echo implode("\n", $log2->lines()), "\n";
var_dump($feeder->statQueue()['queue_num']);
$feeder->freeQueue();
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
NULL
jobs seen once each: true
-- without onMessage: getProcess()->pop()
NULL
msgQueueKey=true pop=popped by hand
int(0)
children left: 0
