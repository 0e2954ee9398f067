--TEST--
Pool: SWOOLE_IPC_UNIXSOCK: sendMessage() from the master and between workers, getProcess()->write(), message order and limits
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
$pool = new Swoole\Process\Pool(2, SWOOLE_IPC_UNIXSOCK);
$pool->set(['max_package_size' => 200000]);
$pool->on('Start', function (Swoole\Process\Pool $pool) use ($log) {
    // The workers do not run yet: the messages wait in their sockets.
    foreach (range(1, 5) as $i) {
        $pool->sendMessage("to-1 #$i", 1);
    }
    $log->say('master: big ' . var_export($pool->sendMessage(str_repeat('b', 150000), 1), true));
    $log->say('master: empty ' . var_export($pool->sendMessage('', 1), true));
    $log->say('master: too big ' . var_export(@$pool->sendMessage(str_repeat('x', 200001), 1), true) . ', ' . error_get_last()['message']);
    $log->say('master: to -1 ' . var_export(@$pool->sendMessage('x', -1), true) . ', ' . error_get_last()['message']);
    $log->say('master: to 2 ' . var_export(@$pool->sendMessage('x', 2), true) . ', ' . error_get_last()['message']);
});
$pool->on('WorkerStart', function (Swoole\Process\Pool $pool, int $id) use ($log) {
    if ($id === 0) {
        $log->say('worker 0: to 1 ' . var_export($pool->sendMessage('from worker 0', 1), true));
        $log->say('worker 0: via getProcess(1)->write() ' . var_export($pool->getProcess(1)->write('written to the process'), true));
    }
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    $log->say(sprintf('worker %d got %d bytes: %s', $pool->workerId, strlen($data), strlen($data) > 40 ? substr($data, 0, 3) . '...' : $data));
    if ($data === 'written to the process') {
        $pool->shutdown();
    }
});
var_dump($pool->start());
foreach ($log->grep('/^master/') as $l) {
    echo $l, "\n";
}
echo implode("\n", $log->grep('/^worker 0:/')), "\n";
echo implode("\n", $log->grep('/^worker 1 got/')), "\n";
echo "worker 0 got: ", count($log->grep('/^worker 0 got/')), "\n";
echo "children left: ", count(my_children()), "\n";
?>
--EXPECTF--
NULL
master: big true
master: empty false
master: too big false, Swoole\Process\Pool::sendMessage(): the message (200001 bytes) is larger than max_package_size (200000)
master: to -1 false, Swoole\Process\Pool::sendMessage(): invalid worker_id[-1]
master: to 2 false, Swoole\Process\Pool::sendMessage(): invalid worker_id[2]
worker 0: to 1 true
worker 0: via getProcess(1)->write() 22
worker 1 got 7 bytes: to-1 #1
worker 1 got 7 bytes: to-1 #2
worker 1 got 7 bytes: to-1 #3
worker 1 got 7 bytes: to-1 #4
worker 1 got 7 bytes: to-1 #5
worker 1 got 150000 bytes: bbb...
worker 1 got 13 bytes: from worker 0
worker 1 got 22 bytes: written to the process
worker 0 got: 0
children left: 0
