--TEST--
Pool: getProcess() in the master and in workers: one Swoole\Process per id in $pool->workers, its pid following replacements, its pipe reaching the worker
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
$log = new PoolLog();
$pool = new Swoole\Process\Pool(2, SWOOLE_IPC_UNIXSOCK);
$pool->on('WorkerStart', function (Swoole\Process\Pool $pool, int $id) use ($log) {
    $log->say("start $id pid=" . getmypid());
    if ($id === 0) {
        $log->waitFor('/^worker 1 got: via the master$/');   // worker 1 started and read the master's line: the order below holds
        $own = $pool->getProcess();
        $one = $pool->getProcess(1);
        $log->say(sprintf('worker 0: own id=%d pid=%s; worker 1 pid=%d', $own->id, $own->pid === getmypid() ? 'mine' : 'other', $one->pid));
        $log->say('worker 0: write to worker 1: ' . $one->write('via worker 0'));
    }
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    if ($data === 'via worker 0') {
        $log->waitFor('/^worker 0: write to worker 1: /');   // the writer's own line first, whatever the scheduling
    }
    $log->say("worker {$pool->workerId} got: $data");
    if ($data === 'via worker 0') {
        exit(0);   // replaced; worker 0 then sees the new pid
    }
    if ($data === 'check') {
        $log->say('worker 0: worker 1 pid now ' . $pool->getProcess(1)->pid);
        $pool->shutdown();
    }
});
$pool->on('Start', function (Swoole\Process\Pool $pool) use ($log) {
    $p = $pool->getProcess(1);
    $log->say(sprintf('master: %s id=%d pid=%d (not forked yet) same object: %s, -1 is worker 0: %s, $pool->workers: %s',
        get_class($p), $p->id, $p->pid, var_export($p === $pool->getProcess(1), true),
        var_export($pool->getProcess(-1)->id === 0, true), implode(',', array_keys($pool->workers))));
    $log->say('master: getProcess(2) = ' . var_export(@$pool->getProcess(2), true) . ', ' . error_get_last()['message']);
    $log->say('master: write to worker 1: ' . $p->write('via the master'));
    Swoole\Timer::tick(10, function ($t) use ($pool, $log) {
        if ($log->grep('/^start 1 /') && count($log->grep('/^start /')) === 3) {
            Swoole\Timer::clear($t);
            $pool->sendMessage('check', 0);
        }
    });
});
var_dump($pool->start());
$lines = $log->lines();
$starts = pids_in(implode("\n", $log->grep('/^start 1 /')), '/./');
foreach ($lines as $l) {
    if (!str_starts_with($l, 'start ')) {
        echo strtr($l, [(string)$starts[0] => 'FIRST', (string)($starts[1] ?? 0) => 'SECOND']), "\n";
    }
}
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
NULL
master: Swoole\Process id=1 pid=0 (not forked yet) same object: true, -1 is worker 0: true, $pool->workers: 1,0
master: getProcess(2) = false, Swoole\Process\Pool::getProcess(): invalid worker_id[2]
master: write to worker 1: 14
worker 1 got: via the master
worker 0: own id=0 pid=mine; worker 1 pid=FIRST
worker 0: write to worker 1: 12
worker 1 got: via worker 0
worker 0 got: check
worker 0: worker 1 pid now SECOND
children left: 0
