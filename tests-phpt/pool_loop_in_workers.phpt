--TEST--
Pool: Timer, Process::signal(), Event and defer work inside workers of every IPC type (the worker's event loop), and a script's SIGTERM handler wins over the pool's
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

function run(string $name, int $ipc): void
{
    $log = new PoolLog();
    $key = 0x55000000 + getmypid();
    $pool = new Swoole\Process\Pool(1, $ipc, $ipc === SWOOLE_IPC_MSGQUEUE ? $key : 0);
    $port = free_port();
    if ($ipc === SWOOLE_IPC_SOCKET) {
        $pool->listen('127.0.0.1', $port);
    }
    $pool->on('WorkerStart', function (Swoole\Process\Pool $pool) use ($log) {
        [$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
        Swoole\Event::add($r, function ($r) use ($log) {
            $log->say('event: ' . fread($r, 100));
            Swoole\Event::del($r);
        });
        Swoole\Process::signal(SIGUSR2, function ($sig) use ($log) {
            $log->say("signal $sig");
            Swoole\Process::signal(SIGUSR2, null);
        });
        Swoole\Timer::after(20, function () use ($w, $log) {
            $log->say('timer after');
            fwrite($w, 'readable');
            posix_kill(getmypid(), SIGUSR2);
            Swoole\Event::defer(fn() => $log->say('defer'));
        });
        $ticks = 0;
        Swoole\Timer::tick(30, function ($id) use (&$ticks, $log) {
            if (++$ticks === 2) {
                $log->say('tick twice');
                Swoole\Timer::clear($id);
            }
        });
        // (an IPC_NONE worker's loop, and the worker, end when nothing is left)
        Swoole\Timer::tick(1000, fn() => null);
        // The script handles SIGTERM itself: the pool does not stop the
        // worker, the handler does (after it is done).
        Swoole\Process::signal(SIGTERM, function () use ($pool, $log) {
            $log->say('own SIGTERM handler');
            $pool->stop();
        });
    });
    if ($ipc !== SWOOLE_IPC_NONE) {
        $pool->on('Message', fn() => null);
    }
    $pool->on('WorkerStop', fn() => $log->say('worker stops'));
    $pool->on('Start', function (Swoole\Process\Pool $pool) use ($log) {
        Swoole\Timer::tick(10, function ($id) use ($pool, $log) {
            if (count($log->grep('/^(event|signal|timer|defer|tick)/')) === 5) {
                Swoole\Timer::clear($id);
                $pool->shutdown();
            }
        });
    });
    $pool->start();
    $lines = $log->lines();
    sort($lines);
    echo "$name: ", implode(', ', $lines), "\n";
    if ($ipc === SWOOLE_IPC_MSGQUEUE) {
        $q = new Swoole\Process(fn() => null, false, 0);
        $q->useQueue($key);
        $q->freeQueue();
    }
}

pool_watchdog();
run('none', SWOOLE_IPC_NONE);
run('unixsock', SWOOLE_IPC_UNIXSOCK);
run('msgqueue', SWOOLE_IPC_MSGQUEUE);
run('socket', SWOOLE_IPC_SOCKET);
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
none: defer, event: readable, own SIGTERM handler, signal 12, tick twice, timer after, worker stops
unixsock: defer, event: readable, own SIGTERM handler, signal 12, tick twice, timer after, worker stops
msgqueue: defer, event: readable, own SIGTERM handler, signal 12, tick twice, timer after, worker stops
socket: defer, event: readable, own SIGTERM handler, signal 12, tick twice, timer after, worker stops
children left: 0
