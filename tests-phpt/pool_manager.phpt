--TEST--
Process\Manager: add()/addBatch() callables run as supervised pool workers with ($pool, $workerId); setters/getters; a subclass overriding start() sees Swoole's protected state
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

use Swoole\Process\Manager;
use Swoole\Process\Pool;

pool_watchdog();
$log = new PoolLog();
$m = new Manager();
var_dump($m->getIPCType(), $m->getMsgQueueKey());
var_dump($m->setIPCType(SWOOLE_IPC_UNIXSOCK) === $m, $m->getIPCType(), $m->setMsgQueueKey(0x1234)->getMsgQueueKey());
$m->setIPCType(SWOOLE_IPC_NONE)->setMsgQueueKey(0);

$m->add(function (Pool $pool, int $workerId) use ($log) {
    $log->say("single id=$workerId pool=" . get_class($pool) . " pid=" . getmypid());
    // Supervised: the first run exits, and a replacement runs under the same id.
    if (count($log->grep('/^single /')) === 1) {
        exit(3);
    }
    $log->waitFor('/^batch /', 2);
    $pool->shutdown();
    Swoole\Timer::tick(1000, fn() => null);
});
$m->addBatch(2, function (Pool $pool, int $workerId) use ($log) {
    $log->say("batch id=$workerId");
    Swoole\Timer::tick(1000, fn() => null);
}, true);
$m->start();
$lines = $log->lines();
sort($lines);
echo implode("\n", preg_replace('/ pid=\d+/', '', $lines)), "\n";
echo "two pids for id 0: ", count(array_unique(pids_in(implode("\n", $lines), '/^single /'))), "\n";

echo "-- no worker\n";
try {
    (new Manager())->start();
} catch (Swoole\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- a subclass\n";
class MyManager extends Manager
{
    public function start(): void
    {
        echo 'workers=', count($this->startFuncMap), ' ipc=', $this->ipcType, ' key=', $this->msgQueueKey,
            ' coroutine flags=', json_encode(array_column($this->startFuncMap, 1)), ' pool=', var_export($this->pool, true), "\n";
    }
}
(new MyManager(SWOOLE_IPC_MSGQUEUE, 77))->add(fn() => null)->addBatch(2, fn() => null, true)->start();
echo "children left: ", count(my_children()), "\n";
?>
--EXPECTF--
int(0)
int(0)
bool(true)
int(1)
int(4660)
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=0) abnormal exit, status=3, signal=0
batch id=1
batch id=2
single id=0 pool=Swoole\Process\Pool
single id=0 pool=Swoole\Process\Pool
two pids for id 0: 2
-- no worker
Swoole\Exception: the parameter $worker_num must be greater than 0
-- a subclass
workers=3 ipc=2 key=77 coroutine flags=[false,true,true] pool=NULL
children left: 0
