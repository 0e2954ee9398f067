--TEST--
Pool: bad input gets Swoole's warnings, exceptions and return values, and leaves nothing running
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

function attempt(callable $f): void
{
    try {
        var_dump($f());
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), ' (', $e->getCode(), ")\n";
    }
}

echo "-- constructor\n";
attempt(fn() => new Swoole\Process\Pool(0));
attempt(fn() => new Swoole\Process\Pool(-3));
attempt(fn() => new Swoole\Process\Pool(1, SWOOLE_IPC_MSGQUEUE, 0, true));
attempt(fn() => (new Swoole\Process\Pool(1, 77))->listen('127.0.0.1', 0));

echo "-- on()\n";
$p = new Swoole\Process\Pool(1);
attempt(fn() => $p->on('bogus', function () {}));
attempt(fn() => $p->on('Message', function () {}));
attempt(fn() => $p->on('WorkerStart', 'no_such_function'));
attempt(fn() => $p->on('wOrKeRsTaRt', function () {}));

echo "-- IPC calls on a SWOOLE_IPC_NONE pool, and calls before start()\n";
attempt(fn() => $p->listen('127.0.0.1', 0));
attempt(fn() => $p->write('x'));
attempt(fn() => $p->sendMessage('x', 0));
attempt(fn() => $p->detach());
attempt(fn() => $p->getProcess());
attempt(fn() => $p->getProcess(0));
attempt(fn() => $p->stop());
attempt(fn() => $p->shutdown());
attempt(fn() => $p->set(['max_wait_time' => 1, 'max_package_size' => '1M', 'hook_flags' => 0, 'no_such_key' => 1]));

echo "-- listen()\n";
$port = free_port();
$s = new Swoole\Process\Pool(1, SWOOLE_IPC_SOCKET);
attempt(fn() => $s->listen('127.0.0.1', $port));
attempt(fn() => $s->listen('127.0.0.1', $port));
$busy = new Swoole\Process\Pool(1, SWOOLE_IPC_SOCKET);
attempt(fn() => $busy->listen('127.0.0.1', $port));
attempt(fn() => $busy->listen('127.0.0.1', 70000));

echo "-- start() that cannot start\n";
$nolisten = new Swoole\Process\Pool(1, SWOOLE_IPC_SOCKET);
$nolisten->on('Message', function () {});
attempt(fn() => $nolisten->start());
$exit = new Swoole\Process\Pool(1);
$exit->on('WorkerStart', function () {});
$exit->on('WorkerExit', function () {});
attempt(fn() => $exit->start());

echo "-- start() twice, from onStart and from a worker\n";
$log = new PoolLog();
pool_watchdog();
$twice = new Swoole\Process\Pool(1);
$twice->on('Start', function ($pool) use ($log) {
    $log->say('onStart: start() = ' . var_export(@$pool->start(), true) . ', ' . error_get_last()['message']);
    $log->say('onStart: listen() = ' . var_export(@$pool->listen('127.0.0.1', 1), true) . ', ' . error_get_last()['message']);
    $log->say('onStart: on() = ' . var_export(@$pool->on('WorkerStop', fn() => 1), true) . ', ' . error_get_last()['message']);
});
$twice->on('WorkerStart', function ($pool) use ($log) {
    $log->say('worker: start() = ' . var_export(@$pool->start(), true) . ', ' . error_get_last()['message']);
    $log->say('worker: sendMessage() = ' . var_export(@$pool->sendMessage('x', 0), true) . ', ' . error_get_last()['message']);
    $log->say('worker: getProcess(1) = ' . var_export(@$pool->getProcess(1), true) . ', ' . error_get_last()['message']);
    $pool->shutdown();
    sleep(5);
});
attempt(fn() => $twice->start());
echo implode("\n", $log->lines()), "\n";
echo "children left: ", count(my_children()), "\n";
?>
--EXPECTF--
-- constructor
Swoole\Exception: the parameter $worker_num must be greater than 0 (0)
Swoole\Exception: the parameter $worker_num must be greater than 0 (0)
Error: the parameter $ipc_type must be SWOOLE_IPC_UNIXSOCK when enable coroutine (0)

Warning: Swoole\Process\Pool::listen(): unsupported ipc type[0] in %s on line %d
bool(false)
-- on()

Warning: Swoole\Process\Pool::on(): unknown event type[bogus] in %s on line %d
bool(false)
Swoole\Exception: cannot set `onMessage` event with ipc_type=0 (505)

Warning: Swoole\Process\Pool::on(): function 'no_such_function' is not callable in %s on line %d
bool(false)
bool(true)
-- IPC calls on a SWOOLE_IPC_NONE pool, and calls before start()

Warning: Swoole\Process\Pool::listen(): unsupported ipc type[0] in %s on line %d
bool(false)

Warning: Swoole\Process\Pool::write(): unsupported ipc type[0] in %s on line %d
bool(false)

Warning: Swoole\Process\Pool::sendMessage(): process pool is not started. in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
NULL
Swoole\Exception: The process pool is not started (505)

Warning: Swoole\Process\Pool::set(): unknown setting 'no_such_key' (ignored; check its spelling) in %s on line %d
NULL
-- listen()
bool(true)
[%s]	WARNING	ProcessPool_listen() (ERRNO 509): the process pool is already listening
bool(false)
[%s]	WARNING	bind(127.0.0.1:%d, 2048) failed, Error: Address already in use[98]
bool(false)

Warning: Swoole\Process\Pool::listen(): invalid port [70000] in %s on line %d
bool(false)
-- start() that cannot start
[%s]	WARNING	ProcessPool::start_check() (ERRNO 509): must first listen to an tcp port
bool(false)
Swoole\Exception: cannot set `onWorkerExit` without enable_coroutine (505)
-- start() twice, from onStart and from a worker
NULL
onStart: start() = false, Swoole\Process\Pool::start(): process pool is started
onStart: listen() = false, Swoole\Process\Pool::listen(): process pool is started. unable to listen
onStart: on() = false, Swoole\Process\Pool::on(): process pool is started. unable to register event callback function
worker: start() = false, Swoole\Process\Pool::start(): process pool is started
worker: sendMessage() = false, Swoole\Process\Pool::sendMessage(): unsupported ipc type[0], sendMessage requires SWOOLE_IPC_UNIXSOCK
worker: getProcess(1) = false, Swoole\Process\Pool::getProcess(): invalid worker_id[1]
children left: 0
