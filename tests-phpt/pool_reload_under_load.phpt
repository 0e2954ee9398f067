--TEST--
Pool: reloads while messages flow lose none (SWOOLE_IPC_UNIXSOCK and SWOOLE_IPC_MSGQUEUE): each one is handled exactly once
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

const TOTAL = 1500;

function run(int $ipc): void
{
    $log = new PoolLog();
    $key = 0x54000000 + getmypid();
    $pool = new Swoole\Process\Pool(3, $ipc, $ipc === SWOOLE_IPC_MSGQUEUE ? $key : 0);
    $queue = null;
    if ($ipc === SWOOLE_IPC_MSGQUEUE) {
        $queue = new Swoole\Process(function () {}, false, 0);
        $queue->useQueue($key);
    }
    $pool->on('Start', function (Swoole\Process\Pool $pool) use ($log, $queue) {
        $sent = 0;
        $reloads = 0;
        Swoole\Timer::tick(1, function () use ($pool, $log, $queue, &$sent, &$reloads) {
            for ($n = 0; $n < 25 && $sent < TOTAL; $n++) {
                $sent++;
                $queue ? $queue->push("$sent") : $pool->sendMessage("$sent", $sent % 3);
            }
            // The next reload once the last one has replaced all three workers
            // (a reload asked during another is refused, as Swoole's).
            if ($sent >= ($reloads + 1) * 400 && $reloads < 3 && count($log->grep('/^start /')) >= 3 + 3 * $reloads) {
                $reloads++;
                posix_kill(getmypid(), SIGUSR1);
            }
            if ($sent >= TOTAL && count($log->grep('/^got /')) >= TOTAL && count($log->grep('/^start /')) >= 3 + 3 * 3) {
                Swoole\Timer::clearAll();
                $pool->shutdown();
            }
        });
    });
    $pool->on('WorkerStart', function ($pool, $id) use ($log) {
        $log->say("start $id");
    });
    $pool->on('Message', function ($pool, $data) use ($log) {
        $log->say("got $data");
    });
    $pool->start();
    $got = array_map(fn($l) => (int)substr($l, 4), $log->grep('/^got /'));
    sort($got);
    echo ($ipc === SWOOLE_IPC_MSGQUEUE ? 'msgqueue' : 'unixsock'), ': ', count($log->grep('/^start /')) - 3, " workers restarted, ",
        $got === range(1, TOTAL) ? 'every message handled once' : 'lost or doubled: ' . (TOTAL - count(array_unique($got))) . ' missing, ' . (count($got) - count(array_unique($got))) . ' twice', "\n";
    $queue?->freeQueue();
}

pool_watchdog(40);
run(SWOOLE_IPC_UNIXSOCK);
run(SWOOLE_IPC_MSGQUEUE);
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
unixsock: 9 workers restarted, every message handled once
msgqueue: 9 workers restarted, every message handled once
children left: 0
