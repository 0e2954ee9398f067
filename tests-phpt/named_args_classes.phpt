--TEST--
Named arguments in Swoole 6.2.1's parameter names reach the methods of Client, Process, Timer, Event, Server\Task, Connection\Iterator, Table, Atomic, Lock, Process\Pool and the exceptions (in another order, optional ones skipped)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

function out(string $what, mixed $value): void
{
    echo $what, ': ', json_encode($value), "\n";
}

echo "--- Client\n";
$listener = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($listener, false), ':'), 1);
$c = new Swoole\Client(id: 'named', type: SWOOLE_SOCK_TCP);   // $async skipped
out('construct', [$c->type, $c->id]);
out('set', $c->set(settings: ['open_tcp_nodelay' => true]));
out('connect', $c->connect(timeout: 2.0, host: '127.0.0.1', port: $port));   // $sock_flag skipped
$peer = stream_socket_accept($listener, TEST_TIMEOUT);
out('send', $c->send(flag: 0, data: 'hello'));
out('sendfile', $c->sendfile(length: 4, filename: __FILE__, offset: 2));
out('peer got', fread($peer, 9));
fwrite($peer, 'abcdef');
out('recv', $c->recv(flag: 0, size: 3));
out('recv (flag skipped)', $c->recv(size: 3));
out('shutdown', $c->shutdown(how: Swoole\Client::SHUT_WR));
out('peer sees the end', fread($peer, 10) === '' && feof($peer));
out('close', $c->close(force: true));
$u = new Swoole\Client(type: SWOOLE_SOCK_UDP);
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$udpPort = (int)substr(strrchr(stream_socket_get_name($udp, false), ':'), 1);
out('sendto', $u->sendto(data: 'dgram', port: $udpPort, ip: '127.0.0.1'));
out('udp got', stream_socket_recvfrom($udp, 100));

echo "--- Process\n";
$p = new Swoole\Process(enable_coroutine: false, callback: function (Swoole\Process $w) {
    $w->name(process_name: 'named-args-child');
    $got = $w->read(size: 64);
    $w->write(data: "echo:$got");
    $w->exit(exit_code: 3);
}, pipe_type: SOCK_STREAM);   // $redirect_stdin_and_stdout skipped
out('setTimeout', $p->setTimeout(seconds: 5.0));
out('setBlocking', $p->setBlocking(blocking: true));
out('start', is_int($p->start()));
out('write', $p->write(data: 'ping'));
out('read', $p->read(size: 64));
out('wait', array_intersect_key(Swoole\Process::wait(blocking: true), ['code' => 1, 'signal' => 1]));
out('close', $p->close(which: 0));
out('kill', Swoole\Process::kill(signal_no: 0, pid: getmypid()));
out('wait, none left', Swoole\Process::wait(blocking: false));
out('signal', [Swoole\Process::signal(callback: function () {}, signal_no: SIGUSR2), Swoole\Process::signal(signal_no: SIGUSR2)]);
out('alarm', Swoole\Process::alarm(type: 0, usec: 0));
out('affinity', [Swoole\Process::setAffinity(cpu_settings: Swoole\Process::getAffinity()), count(Swoole\Process::getAffinity()) > 0]);
out('priority', [$p->setPriority(who: getmypid(), priority: pcntl_getpriority(), which: PRIO_PROCESS),
    $p->getPriority(who: getmypid(), which: PRIO_PROCESS) === pcntl_getpriority()]);
$q = new Swoole\Process(function () {});
out('useQueue', $q->useQueue(capacity: -1, mode: 2, key: 0x5e1f0000 + getmypid() % 0xffff));
out('push', $q->push(data: 'queued'));
out('pop', $q->pop(size: 100));
out('statQueue', array_keys($q->statQueue()));
out('freeQueue', $q->freeQueue());
$x = new Swoole\Process(function (Swoole\Process $w) {
    $w->exec(args: ['-r', 'echo "exec ok\n";'], exec_file: PHP_BINARY);
}, false, 0);
$x->start();
Swoole\Process::wait();

echo "--- Timer\n";
$fired = [];
$t = Swoole\Timer::tick(callback: function (int $id, ...$params) use (&$fired) {
    $fired[] = ['tick', $params];
    Swoole\Timer::clear(timer_id: $id);
}, ms: 5);
out('exists', Swoole\Timer::exists(timer_id: $t));
out('info', array_keys(Swoole\Timer::info(timer_id: $t)));
Swoole\Timer::after(ms: 10, callback: function (...$params) use (&$fired) {
    $fired[] = ['after', $params];
});
out('variadic params', is_int(Swoole\Timer::after(20, function (...$p) use (&$fired) {
    $fired[] = ['extra', $p];
}, 'x', 'y')));
Swoole\Event::wait();
out('fired', $fired);

echo "--- Event\n";
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$events = [];
out('add', is_int(Swoole\Event::add(events: SWOOLE_EVENT_WRITE, fd: $a, write_callback: function ($s) use (&$events) {
    $events[] = 'a writable';
    Swoole\Event::set(read_callback: function ($s) use (&$events) {
        $events[] = 'a read ' . fread($s, 10);
        Swoole\Event::del(fd: $s);
    }, events: SWOOLE_EVENT_READ, fd: $s);   // $write_callback skipped
})));
out('isset', [Swoole\Event::isset(events: SWOOLE_EVENT_WRITE, fd: $a), Swoole\Event::isset(fd: $a, events: SWOOLE_EVENT_READ)]);
out('add (callbacks skipped)', is_int(Swoole\Event::add(fd: $b, read_callback: function ($s) use (&$events) {
    $events[] = 'b read ' . fread($s, 10);
    fwrite($s, 'to a');
    Swoole\Event::del(fd: $s);
})));
out('write', Swoole\Event::write(data: 'to b', fd: $a));
out('defer', Swoole\Event::defer(callback: function () use (&$events) {
    $events[] = 'deferred';
}));
out('cycle', Swoole\Event::cycle(before: false, callback: null));
Swoole\Event::wait();
sort($events);
out('events', $events);

echo "--- Server\\Task\n";
$packed = Swoole\Server\Task::pack(data: ['k' => 1]);
out('pack/unpack', Swoole\Server\Task::unpack(data: $packed));
try {
    (new Swoole\Server\Task)->finish(data: 1);
} catch (Swoole\Error $e) {
    out('finish on an empty task', $e->getMessage());
}

echo "--- Connection\\Iterator\n";
$s = new Swoole\Server('127.0.0.1', 0);
out('offsetExists', $s->connections->offsetExists(fd: 1));
out('offsetGet', $s->connections->offsetGet(fd: 1));

echo "--- Table, Atomic, Lock, Process\\Pool\n";
$table = new Swoole\Table(conflict_proportion: 0.2, table_size: 8);
out('column', $table->column(size: 0, type: Swoole\Table::TYPE_INT, name: 'n'));
$table->create();
out('set', $table->set(value: ['n' => 5], key: 'a'));
out('incr', $table->incr(incrby: 2, column: 'n', key: 'a'));
out('get', $table->get(field: 'n', key: 'a'));
$atomic = new Swoole\Atomic(value: 10);
out('atomic', [$atomic->add(add_value: 5), $atomic->sub(sub_value: 3), $atomic->cmpset(new_value: 1, cmp_value: 12)]);
$lock = new Swoole\Lock(type: SWOOLE_MUTEX);
out('lock', [$lock->lock(timeout: -1, operation: LOCK_EX), $lock->unlock()]);
$pool = new Swoole\Process\Pool(msgqueue_key: 0, worker_num: 1);   // $ipc_type skipped
$pool->set(settings: ['enable_coroutine' => false]);
out('pool on', $pool->on(callback: function () {}, name: 'workerStart'));

echo "--- exceptions\n";
$e = new Swoole\Exception(code: 7, message: 'named');
out('Swoole\Exception', [$e->getMessage(), $e->getCode()]);
$e = new Swoole\Error(previous: $e, message: 'err');
out('Swoole\Error', [$e->getMessage(), $e->getPrevious()->getCode()]);
?>
--EXPECT--
--- Client
construct: [1,"named"]
set: true
connect: true
send: 5
sendfile: true
peer got: "hellophp\n"
recv: "abc"
recv (flag skipped): "def"
shutdown: true
peer sees the end: true
close: true
sendto: true
udp got: "dgram"
--- Process
setTimeout: true
setBlocking: true
start: true
write: 4
read: "echo:ping"
wait: {"code":3,"signal":0}
close: true
kill: true
wait, none left: false
signal: [true,true]
alarm: true
affinity: [true,true]
priority: [true,true]
useQueue: true
push: true
pop: "queued"
statQueue: ["queue_num","queue_bytes"]
freeQueue: true
exec ok
--- Timer
exists: true
info: ["exec_msec","exec_count","interval","round","removed"]
variadic params: true
fired: [["tick",[]],["after",[]],["extra",["x","y"]]]
--- Event
add: true
isset: [true,false]
add (callbacks skipped): true
write: true
defer: true
cycle: false
events: ["a read to a","a writable","b read to b","deferred"]
--- Server\Task
pack/unpack: {"k":1}
finish on an empty task: "Invalid instance of Swoole\\Server\\Task"
--- Connection\Iterator
offsetExists: false
offsetGet: false
--- Table, Atomic, Lock, Process\Pool
column: true
set: true
incr: 7
get: 7
atomic: [15,12,true]
lock: [true,true]
pool on: true
--- exceptions
Swoole\Exception: ["named",7]
Swoole\Error: ["err",7]
