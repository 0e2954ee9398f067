<?php
/**
 * A Swoole\Process\Pool for the pool_*.phpt tests, one line per event on
 * stdout. usage: pool_server.php IPC WORKERS [PORT|KEY] [MAX_WAIT_TIME]
 * [STOP_MS] IPC: none | unixsock | msgqueue | socket. onWorkerStop takes
 * STOP_MS (default 0) and prints when it ended (t=seconds). Messages are commands:
 * "slow:MS" sleeps, "spin:MS" keeps the CPU busy, "echo:X" answers X (socket), "stop", "shutdown",
 * "exception", "exit:N", "reload", anything else is just printed.
 */
$ipc = ['none' => SWOOLE_IPC_NONE, 'unixsock' => SWOOLE_IPC_UNIXSOCK, 'msgqueue' => SWOOLE_IPC_MSGQUEUE, 'socket' => SWOOLE_IPC_SOCKET][$argv[1]];
$pool = new Swoole\Process\Pool((int)$argv[2], $ipc, $ipc === SWOOLE_IPC_MSGQUEUE ? (int)$argv[3] : 0);
$pool->set(['max_wait_time' => (float)($argv[4] ?? 3)]);
if ($ipc === SWOOLE_IPC_SOCKET) {
    $pool->listen('127.0.0.1', (int)$argv[3]);
}
function say(string $line): void
{
    echo $line . "\n";   // one write per line: lines of several processes never mix
}
$pool->on('Start', fn($p) => say('onStart pid=' . getmypid()));
$pool->on('WorkerStart', function ($p, $id) {
    say("onWorkerStart id=$id pid=" . getmypid());
    // A timer keeps an IPC_NONE worker in its loop, where SIGTERM stops it
    // cleanly (a SIGTERM that comes during onWorkerStart ends it at once).
    Swoole\Timer::tick(1000, function () {});
    Swoole\Timer::after(1, fn() => say("in loop id=$id pid=" . getmypid()));
});
if ($ipc !== SWOOLE_IPC_NONE) {
    $pool->on('Message', function ($p, $msg) {
        say("onMessage id={$p->workerId} pid=" . getmypid() . " data=$msg");
        [$cmd, $arg] = explode(':', $msg, 2) + [1 => ''];
        switch ($cmd) {
            case 'slow': usleep((int)$arg * 1000); say("slow done id={$p->workerId} data=$msg"); break;
            case 'spin': for ($end = microtime(true) + $arg / 1000; microtime(true) < $end;); say("spin done id={$p->workerId}"); break;
            case 'echo': $p->write("echo:"); $p->write($arg); break;
            case 'stop': $p->stop(); break;
            case 'shutdown': $p->shutdown(); break;
            case 'exception': throw new RuntimeException("thrown in onMessage");
            case 'exit': exit((int)$arg);
            case 'reload': posix_kill($p->master_pid, SIGUSR1); break;
        }
    });
}
$stopMs = (int)($argv[5] ?? 0);
$pool->on('WorkerStop', function ($p, $id) use ($stopMs) {
    usleep($stopMs * 1000);
    say("onWorkerStop id=$id pid=" . getmypid() . sprintf(' t=%.3f', microtime(true)));
});
$pool->on('Shutdown', fn($p) => say('onShutdown pid=' . getmypid()));
$r = $pool->start();
require_once __DIR__ . '/../include/bootstrap.php';
say('after start: ' . var_export($r, true) . ' children=' . json_encode(child_pids(getmypid())));
