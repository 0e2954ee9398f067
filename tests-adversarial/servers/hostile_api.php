<?php
/**
 * Hostile calls to every part of the API: wrong types, huge and negative
 * numbers, NUL bytes, closed and unknown fds, calls before start(), inside a
 * running server, and after shutdown. Each prints one line
 * "label: OUTCOME" (see attempt()); none may crash or hang the process.
 * The last line is "done".
 *
 * usage: php hostile_api.php PORT
 */
$port = (int)$argv[1];
$calls = 0;

/**
 * Runs $f and prints what came of it: the exception class, or the return
 * value's type (and the value, for false/true/null and small ints), with
 * "+warning" when PHP raised a warning/notice/deprecation on the way. With
 * $show, the messages too (to compare them with Swoole's).
 */
function attempt(string $label, callable $f, bool $show = false): void
{
    global $calls;
    $calls++;
    $notes = [];
    set_error_handler(function (int $no, string $msg) use (&$notes) {
        $notes[] = $msg;
        return true;
    });
    try {
        $r = $f();
        $out = match (true) {
            $r === false, $r === true, $r === null => var_export($r, true),
            is_int($r) => abs($r) < 100 ? "int $r" : 'int',
            is_string($r) => 'string',
            is_array($r) => 'array',
            is_object($r) => get_class($r),
            default => get_debug_type($r),
        };
    } catch (Throwable $e) {
        $out = get_class($e) . ($show ? ' "' . $e->getMessage() . '"' : '');
    }
    restore_error_handler();
    if ($notes) {
        $out .= $show ? ' +warning "' . implode('" "', $notes) . '"' : ' +warning';
    }
    echo "$label: $out\n";
}

echo "== functions\n";
attempt('swoole_strerror huge', fn() => swoole_strerror(PHP_INT_MAX));
attempt('swoole_strerror negative, bad type', fn() => swoole_strerror(-1, 99));
attempt('swoole_set_process_name NUL', fn() => swoole_set_process_name("a\0b"));
attempt('swoole_get_local_ip bad family', fn() => swoole_get_local_ip(12345));
attempt('swoole_timer_after negative', fn() => swoole_timer_after(-1, fn() => null), true);
attempt('swoole_event_del unknown', fn() => swoole_event_del(123456));

echo "== Server before start\n";
attempt('new Server port -1', fn() => new Swoole\Server('127.0.0.1', -1), true);
attempt('new Server port 65536', fn() => new Swoole\Server('127.0.0.1', 65536));
attempt('new Server port PHP_INT_MAX', fn() => new Swoole\Server('127.0.0.1', PHP_INT_MAX));
attempt('new Server host with NUL', fn() => new Swoole\Server("127.0.0.1\0evil", 0));
attempt('new Server empty host', fn() => new Swoole\Server('', 0));
attempt('new Server mode 99', fn() => new Swoole\Server('127.0.0.1', 0, 99), true);
attempt('new Server sock_type 12345', fn() => new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, 12345));
attempt('new Server port array', fn() => new Swoole\Server('127.0.0.1', []));
$s = new Swoole\Server('127.0.0.1', $port);
foreach ([
    'worker_num PHP_INT_MAX' => ['worker_num' => PHP_INT_MAX],
    'worker_num array' => ['worker_num' => [1]],
    'worker_num float' => ['worker_num' => 1.5],
    'package_max_length -5' => ['package_max_length' => -5],
    'package_max_length 0' => ['package_max_length' => 0],
    'package_length_type x' => ['package_length_type' => 'x'],
    'package_length_type empty' => ['package_length_type' => ''],
    'package_eof empty' => ['package_eof' => ''],
    'package_eof 1000 bytes' => ['package_eof' => str_repeat('e', 1000)],
    'package_length_offset PHP_INT_MAX' => ['package_length_offset' => PHP_INT_MAX],
    'max_connection -1' => ['max_connection' => -1],
    'reactor_num 0' => ['reactor_num' => 0],
    'heartbeat_check_interval -1' => ['heartbeat_check_interval' => -1],
    'open_length_check object' => ['open_length_check' => new stdClass()],
    'log_file with NUL' => ['log_file' => "/tmp/x\0y"],
    'start_session_id negative' => ['start_session_id' => -1],
    'dispatch_mode 99' => ['dispatch_mode' => 99],
    'buffer_output_size -1' => ['buffer_output_size' => -1],
] as $label => $settings) {
    attempt("set $label", fn() => $s->set($settings));
}
attempt('on empty event', fn() => $s->on('', fn() => null), true);
attempt('on event with NUL', fn() => $s->on("receive\0x", fn() => null));
attempt('on int callback', fn() => $s->on('receive', 123));
attempt('getCallback unknown', fn() => $s->getCallback('nope'));
attempt('send before start', fn() => $s->send(1, 'x'), true);
attempt('send fd -1', fn() => $s->send(-1, 'x'));
attempt('send fd PHP_INT_MAX', fn() => $s->send(PHP_INT_MAX, 'x'));
attempt('send fd abc', fn() => $s->send('abc', 'x'));
attempt('close before start', fn() => $s->close(1), true);
attempt('exist before start', fn() => $s->exist(1));
attempt('getClientInfo before start', fn() => $s->getClientInfo(1));
attempt('getClientList -5 -5', fn() => $s->getClientList(-5, -5));
attempt('stats before start', fn() => $s->stats());
attempt('reload before start', fn() => $s->reload(), true);
attempt('stop before start', fn() => $s->stop());
attempt('task before start', fn() => $s->task('x'), true);
attempt('taskwait before start', fn() => $s->taskwait('x'));
attempt('finish outside onTask', fn() => $s->finish('x'));
attempt('sendMessage before start', fn() => $s->sendMessage('x', 0), true);
attempt('bind before start', fn() => $s->bind(1, 1));
attempt('pause before start', fn() => $s->pause(1));
attempt('resume before start', fn() => $s->resume(1));
attempt('heartbeat before start', fn() => $s->heartbeat());
attempt('getWorkerId before start', fn() => $s->getWorkerId());
attempt('getWorkerPid before start', fn() => $s->getWorkerPid());
attempt('getWorkerStatus 9999', fn() => $s->getWorkerStatus(9999));
attempt('sendfile before start', fn() => $s->sendfile(1, '/etc/hostname'));
attempt('protect before start', fn() => $s->protect(1));
attempt('command before start', fn() => $s->command('x', 0, 0, 'y'));
attempt('addCommand empty name', fn() => $s->addCommand('', 0, fn() => null));
attempt('addListener port -1', fn() => $s->addListener('127.0.0.1', -1, SWOOLE_SOCK_TCP));
attempt('addListener bad host', fn() => $s->addListener('::zz', 0, SWOOLE_SOCK_TCP));
attempt('addListener sock_type 99999', fn() => $s->listen('127.0.0.1', 0, 99999));

echo "== Port\n";
$p = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
attempt('Port set package_max_length -1', fn() => $p->set(['package_max_length' => -1]));
attempt('Port set unknown key', fn() => $p->set(['no_such_key' => 1]));
attempt('Port on unknown event', fn() => $p->on('nope', fn() => null));
attempt('Port on int callback', fn() => $p->on('receive', 5));
attempt('Port getCallback unknown', fn() => $p->getCallback('nope'));

echo "== Timer\n";
attempt('Timer after 0', fn() => Swoole\Timer::after(0, fn() => null), true);
attempt('Timer tick -5', fn() => Swoole\Timer::tick(-5, fn() => null));
attempt('Timer after PHP_INT_MAX', fn() => Swoole\Timer::clear(Swoole\Timer::after(PHP_INT_MAX, fn() => null)));
attempt('Timer after not callable', fn() => Swoole\Timer::after(10, 'no_such_function'));
attempt('Timer clear -1', fn() => Swoole\Timer::clear(-1));
attempt('Timer clear PHP_INT_MAX', fn() => Swoole\Timer::clear(PHP_INT_MAX));
attempt('Timer exists -1', fn() => Swoole\Timer::exists(-1));
attempt('Timer info PHP_INT_MAX', fn() => Swoole\Timer::info(PHP_INT_MAX));
attempt('Timer clearAll', fn() => Swoole\Timer::clearAll());
attempt('Timer clearAll again', fn() => Swoole\Timer::clearAll());

echo "== Event\n";
$closed = fopen('php://memory', 'r');
fclose($closed);
attempt('Event add -1', fn() => Swoole\Event::add(-1, fn() => null));
attempt('Event add 999999', fn() => Swoole\Event::add(999999, fn() => null));
attempt('Event add closed stream', fn() => Swoole\Event::add($closed, fn() => null));
attempt('Event add object', fn() => Swoole\Event::add(new stdClass(), fn() => null));
attempt('Event add no callbacks', fn() => Swoole\Event::add(STDIN));
attempt('Event set unknown', fn() => Swoole\Event::set(123456, fn() => null));
attempt('Event isset -1', fn() => Swoole\Event::isset(-1));
attempt('Event write -1', fn() => Swoole\Event::write(-1, 'x'));
attempt('Event write closed stream', fn() => Swoole\Event::write($closed, 'x'));
attempt('Event defer not callable', fn() => Swoole\Event::defer('no_such_function'));
attempt('Event cycle null', fn() => Swoole\Event::cycle(null));
attempt('Event exit outside a loop', fn() => Swoole\Event::exit());
attempt('Event dispatch with nothing', fn() => Swoole\Event::dispatch());
attempt('Event wait with nothing', fn() => Swoole\Event::wait());

echo "== Process\n";
attempt('new Process not callable', fn() => new Swoole\Process('no_such_function'));
attempt('new Process pipe type 99', fn() => new Swoole\Process(fn() => null, false, 99));
attempt('Process kill PHP_INT_MAX', fn() => Swoole\Process::kill(PHP_INT_MAX, 0));
attempt('Process kill no such pid', fn() => Swoole\Process::kill(999999999, 0));
attempt('Process kill bad signal', fn() => Swoole\Process::kill(getmypid(), 99999));
attempt('Process wait without children', fn() => Swoole\Process::wait(false));
attempt('Process signal 99999', fn() => Swoole\Process::signal(99999, fn() => null));
attempt('Process signal SIGKILL', fn() => Swoole\Process::signal(SIGKILL, fn() => null));
attempt('Process alarm -1', fn() => Swoole\Process::alarm(-1));
attempt('Process setAffinity 99999', fn() => Swoole\Process::setAffinity([99999]));
attempt('Process setAffinity strings', fn() => Swoole\Process::setAffinity(['x']));
$proc = new Swoole\Process(function () {});
attempt('Process write before start', fn() => $proc->write('x'));
attempt('Process setTimeout -1', fn() => $proc->setTimeout(-1));
// A blocking read of a pipe nobody writes to waits (as in Swoole): with a timeout.
$proc->setTimeout(0.2);
attempt('Process read before start', fn() => $proc->read());
attempt('Process close 99', fn() => $proc->close(99));
attempt('Process useQueue bad mode', fn() => $proc->useQueue(-1, 99));
attempt('Process setPriority 99', fn() => $proc->setPriority(99, 1));
attempt('Process getPriority 99', fn() => $proc->getPriority(99));
attempt('Process exec before start', fn() => $proc->exec('/nonexistent', []));
$gone = new Swoole\Process(function () {});
$gone->start();
Swoole\Process::wait(true);
$gone->setTimeout(0.2);
attempt('Process write to an exited child', fn() => $gone->write('x'));
attempt('Process read from an exited child', fn() => $gone->read());
attempt('Process close twice', fn() => [$gone->close(), $gone->close()][1]);
attempt('Process start twice', fn() => $gone->start());
Swoole\Process::wait(true);

echo "== Client\n";
attempt('new Client type 99', fn() => new Swoole\Client(99));
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
attempt('Client send before connect', fn() => $c->send('x'), true);
attempt('Client recv before connect', fn() => $c->recv());
attempt('Client recv -1', fn() => $c->recv(-1));
attempt('Client getsockname before connect', fn() => $c->getsockname());
attempt('Client connect empty host', fn() => $c->connect('', 0));
attempt('Client connect port -1', fn() => (new Swoole\Client(SWOOLE_SOCK_TCP))->connect('127.0.0.1', -1));
attempt('Client connect host with NUL', fn() => (new Swoole\Client(SWOOLE_SOCK_TCP))->connect("127.0.0.1\0x", 80));
attempt('Client connect refused', fn() => (new Swoole\Client(SWOOLE_SOCK_TCP))->connect('127.0.0.1', 1, 0.5));
attempt('Client set bad value', fn() => $c->set(['open_length_check' => new stdClass()]));
attempt('Client shutdown 99', fn() => $c->shutdown(99));
attempt('Client sendto on TCP', fn() => $c->sendto('127.0.0.1', -1, 'x'));
attempt('Client close twice', fn() => [$c->close(), $c->close()][1]);

echo "== Server running\n";
$s = new Swoole\Server('127.0.0.1', $port);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
$s->on('task', fn() => null);
$s->on('receive', function () {});
$s->on('workerStart', function (Swoole\Server $s, int $id) {
    if ($s->taskworker) {
        return;
    }
    attempt('send unknown fd', fn() => $s->send(9999, 'x'), true);
    attempt('send fd 0', fn() => $s->send(0, 'x'));
    attempt('send empty data', fn() => $s->send(1, ''));
    attempt('close PHP_INT_MAX', fn() => $s->close(PHP_INT_MAX));
    attempt('getClientInfo -1', fn() => $s->getClientInfo(-1));
    attempt('getClientList huge', fn() => $s->getClientList(PHP_INT_MAX, PHP_INT_MAX));
    attempt('getClientList count -1', fn() => $s->getClientList(0, -1));
    attempt('task to task worker PHP_INT_MAX', fn() => $s->task('x', PHP_INT_MAX));
    attempt('taskwait timeout -1', fn() => $s->taskwait('x', -1));
    attempt('taskWaitMulti empty', fn() => $s->taskWaitMulti([]));
    attempt('sendMessage to 9999', fn() => $s->sendMessage('x', 9999), true);
    attempt('sendMessage to -1', fn() => $s->sendMessage('x', -1));
    attempt('bind PHP_INT_MAX', fn() => $s->bind(PHP_INT_MAX, PHP_INT_MAX));
    attempt('stop worker 9999', fn() => $s->stop(9999));
    attempt('getWorkerPid 9999', fn() => $s->getWorkerPid(9999));
    attempt('getWorkerStatus -5', fn() => $s->getWorkerStatus(-5));
    attempt('pause unknown fd', fn() => $s->pause(9999));
    attempt('protect unknown fd', fn() => $s->protect(9999));
    attempt('confirm unknown fd', fn() => $s->confirm(9999));
    attempt('sendfile unknown fd', fn() => $s->sendfile(9999, '/etc/hostname'));
    attempt('sendwait unknown fd', fn() => $s->sendwait(9999, 'x'));
    attempt('set while running', fn() => $s->set(['worker_num' => 2]));
    attempt('on while running', fn() => $s->on('receive', fn() => null));
    attempt('addListener while running', fn() => $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP));
    attempt('start while running', fn() => $s->start());
    attempt('server after PHP_INT_MAX', fn() => $s->clearTimer($s->after(PHP_INT_MAX, fn() => null)));
    // A connection to itself, closed by the server: every call on the stale fd.
    $me = stream_socket_client("tcp://127.0.0.1:{$s->port}");
    Swoole\Timer::after(50, function () use ($s, $me) {
        $fd = array_values($s->getClientList(0, 10) ?: [0])[0];
        attempt('close own connection', fn() => $s->close($fd));
        Swoole\Timer::after(50, function () use ($s, $fd, $me) {
            attempt('send closed fd', fn() => $s->send($fd, 'x'), true);
            attempt('close closed fd', fn() => $s->close($fd));
            attempt('exist closed fd', fn() => $s->exist($fd));
            attempt('getClientInfo closed fd', fn() => $s->getClientInfo($fd));
            attempt('pause closed fd', fn() => $s->pause($fd));
            attempt('resume closed fd', fn() => $s->resume($fd));
            attempt('sendfile closed fd', fn() => $s->sendfile($fd, '/etc/hostname'));
            attempt('bind closed fd', fn() => $s->bind($fd, 1));
            fclose($me);
            $s->shutdown();
        });
    });
});
attempt('start', fn() => $s->start());

echo "== Server after shutdown\n";
attempt('send after shutdown', fn() => $s->send(1, 'x'));
attempt('close after shutdown', fn() => $s->close(1));
attempt('exist after shutdown', fn() => $s->exist(1));
attempt('stats after shutdown', fn() => $s->stats());
attempt('getClientList after shutdown', fn() => $s->getClientList());
attempt('shutdown after shutdown', fn() => $s->shutdown());
attempt('reload after shutdown', fn() => $s->reload());
attempt('task after shutdown', fn() => $s->task('x'));
attempt('set after shutdown', fn() => $s->set(['worker_num' => 1]));
attempt('on after shutdown', fn() => $s->on('receive', fn() => null));
attempt('addListener after shutdown', fn() => $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP));
attempt('start after shutdown', fn() => $s->start(), true);
echo "$calls calls\ndone\n";
