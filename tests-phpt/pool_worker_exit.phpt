--TEST--
Pool: with enable_coroutine, onWorkerExit runs when a worker stops and its loop goes on until its timers are cleared (up to max_wait_time); without, a stopping worker leaves its loop at once; a worker stuck in PHP is killed
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

function run(string $case, bool $coroutine, bool $clear = false, bool $stuck = false): void
{
    $log = new PoolLog();
    $pool = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK, 0, $coroutine);
    $pool->set(['max_wait_time' => 0.5]);
    $pool->on('Start', function ($pool) use ($log) {
        Swoole\Timer::tick(5, function ($t) use ($pool, $log) {
            if ($log->grep('/^ready/')) {
                Swoole\Timer::clear($t);
                $pool->shutdown();
            }
        });
    });
    $pool->on('WorkerStart', function ($pool) use ($log, $stuck) {
        Swoole\Timer::tick(50, fn() => null);
        Swoole\Timer::after(1, function () use ($log, $stuck) {
            $log->say('ready');
            // Busy in PHP: SIGTERM waits for the callback, which never returns.
            while ($stuck);
        });
    });
    $pool->on('Message', fn() => null);
    if ($coroutine) {
        $pool->on('WorkerExit', function ($pool, $id) use ($log, $clear) {
            $log->say("onWorkerExit $id");
            Swoole\Timer::after(120, function () use ($log, $clear) {
                $log->say('a timer after onWorkerExit');
                if ($clear) {
                    Swoole\Timer::clearAll();
                }
            });
        });
    }
    $pool->on('WorkerStop', fn($pool, $id) => $log->say("onWorkerStop $id"));
    $t = microtime(true);
    $pool->start();
    $took = microtime(true) - $t;
    printf("%s: %s; took %s\n", $case, implode(', ', array_slice($log->lines(), 1)) ?: '(nothing)',
        $took < 0.4 ? '< 0.4 s' : ($took < 1.5 ? 'about max_wait_time' : 'too long'));
}

pool_watchdog();
run('no onWorkerExit', false);
run('onWorkerExit clears the timers', true, true);
run('onWorkerExit leaves them', true, false);
run('stuck in a callback', false, false, true);
echo "children left: ", count(my_children()), "\n";
?>
--EXPECTF--
no onWorkerExit: onWorkerStop 0; took < 0.4 s
onWorkerExit clears the timers: onWorkerExit 0, a timer after onWorkerExit, onWorkerStop 0; took < 0.4 s
onWorkerExit leaves them: onWorkerExit 0, a timer after onWorkerExit, onWorkerStop 0; took about max_wait_time
[%s]	WARNING	worker(pid=%d) exit timeout, forced termination
stuck in a callback: (nothing); took about max_wait_time
children left: 0
