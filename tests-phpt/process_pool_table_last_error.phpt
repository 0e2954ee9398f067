--TEST--
Process, Process\Pool and Table refusals leave Swoole's last error: 503 after their warnings, the errno after a failed system call (with "Error: <strerror>[<errno>]"), 510 after the warnings Swoole emits through php_swoole_error() (also when swoole.display_errors hides them), 509 for a socket pool started before listen()
--EXTENSIONS--
swoole
--FILE--
<?php
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        error_clear_last();
        $r = @$call();
        $w = error_get_last()['message'] ?? '-';
        printf("%s: %s %d %s\n", $name, json_encode($r), swoole_last_error(), $w);
    }
}
$none = new Swoole\Process(function () {}, false, 0);
$gone = new Swoole\Process(function () {}, false, 0);
$gone_pid = $gone->start();
Swoole\Process::wait();
$p = new Swoole\Process(function () {});
echo "-- Process\n";
probe([
    'read(0)' => fn() => $p->read(0),
    'read no pipe' => fn() => $none->read(),
    'write empty' => fn() => $p->write(''),
    'write no pipe' => fn() => $none->write('x'),
    'setTimeout no pipe' => fn() => $none->setTimeout(1),
    'setBlocking no pipe' => fn() => $none->setBlocking(true),
    'exportSocket no pipe' => fn() => $none->exportSocket(),
    'close no pipe' => fn() => $none->close(),
    'exit in parent' => fn() => $p->exit(0) ?? false,
    'exec empty' => fn() => $p->exec('', []),
    'exec missing' => fn() => $p->exec('/nonexistent/binary', []),
    'kill a reaped pid' => fn() => Swoole\Process::kill($gone_pid, SIGTERM),
    'kill 0 a reaped pid' => fn() => Swoole\Process::kill($gone_pid, 0),
    'signal(-1)' => fn() => Swoole\Process::signal(-1, fn() => 1),
    'signal not callable' => fn() => Swoole\Process::signal(SIGUSR1, 'no_such_function'),
    'signal unset none' => fn() => Swoole\Process::signal(SIGUSR1),
    'alarm bad type' => fn() => Swoole\Process::alarm(1000, 99),
    'setAffinity []' => fn() => Swoole\Process::setAffinity([]),
    'setAffinity too many' => fn() => Swoole\Process::setAffinity(range(0, swoole_cpu_num())),
    'setAffinity bad cpu' => fn() => Swoole\Process::setAffinity([swoole_cpu_num()]),
    'push empty' => fn() => $p->push(''),
    'push too big' => fn() => $p->push(str_repeat('x', 65536)),
    'push no queue' => fn() => $p->push('x'),
    'pop no queue' => fn() => $p->pop(),
    'statQueue no queue' => fn() => $p->statQueue(),
    'freeQueue no queue' => fn() => $p->freeQueue(),
    'getPriority null who' => fn() => $p->getPriority(PRIO_PGRP),
    'read non-blocking, nothing there' => function () use ($p) {
        $p->setBlocking(false);
        return $p->read();
    },
]);
echo "-- Process\\Pool\n";
$pool = new Swoole\Process\Pool(1);
$unix = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK);
$sock = new Swoole\Process\Pool(1, SWOOLE_IPC_SOCKET);
probe([
    'set max_package_size -2k' => fn() => $pool->set(['max_package_size' => '-2k']),
    'on unknown' => fn() => $pool->on('nope', fn() => 1),
    'on not callable' => fn() => $pool->on('workerStart', 'no_such_function'),
    'listen not socket' => fn() => $pool->listen('127.0.0.1', 0),
    'write not socket' => fn() => $pool->write('x'),
    'write outside onMessage' => fn() => $sock->write('x'),
    'sendMessage not started' => fn() => $unix->sendMessage('x', 0),
    'start before listen' => function () use ($sock) {
        $sock->set(['log_level' => SWOOLE_LOG_NONE]);
        $sock->on('message', fn() => 1);
        return $sock->start();
    },
]);
swoole_async_set(['display_errors' => false]);
probe(['on unknown, display_errors off' => fn() => $pool->on('nope', fn() => 1)]);
swoole_async_set(['display_errors' => true]);
echo "-- Table\n";
$t = new Swoole\Table(64);
probe([
    'column size 0' => fn() => $t->column('s', Swoole\Table::TYPE_STRING, 0),
    'column' => fn() => $t->column('s', Swoole\Table::TYPE_STRING, 8) && $t->column('i', Swoole\Table::TYPE_INT),
    'create' => fn() => $t->create(),
    'column after create' => fn() => $t->column('z', Swoole\Table::TYPE_INT),
    'set empty key' => fn() => $t->set('', ['i' => 1]),
    'get long key' => fn() => $t->get(str_repeat('k', 64)),
    'exists empty key' => fn() => $t->exists(''),
    'incr unknown column' => fn() => $t->incr('a', 'nope'),
    'decr string column' => fn() => $t->decr('a', 's'),
    'cmpset empty expected' => fn() => $t->cmpset('a', [], ['i' => 2]),
    'cmpset positional' => fn() => $t->cmpset('a', [1], ['i' => 2]),
    'cmpdel unknown column' => fn() => $t->cmpdel('a', ['nope' => 1]),
    'get unknown key' => fn() => $t->get('nokey'),
]);
for ($i = 0; $i < 1000; $i++) {
    @$t->set("k$i", ['i' => 1]);
}
probe([
    'set when full' => fn() => $t->set('one_more', ['i' => 1]),
    'add when full' => fn() => $t->add('one_more', ['i' => 1]),
    'incr when full' => fn() => $t->incr('one_more', 'i'),
]);
?>
--EXPECTF--
-- Process
read(0): false 503 Swoole\Process::read(): size must be greater than 0
read no pipe: false 503 Swoole\Process::read(): no pipe, cannot read from pipe
write empty: false 503 Swoole\Process::write(): the data to send is empty
write no pipe: false 503 Swoole\Process::write(): no pipe, cannot write into pipe
setTimeout no pipe: false 503 Swoole\Process::setTimeout(): no pipe, cannot setTimeout the pipe
setBlocking no pipe: false 503 Swoole\Process::setBlocking(): no pipe, cannot setBlocking the pipe
exportSocket no pipe: false 503 Swoole\Process::exportSocket(): no pipe, cannot export stream
close no pipe: false 503 Swoole\Process::close(): no pipe, cannot close the pipe
exit in parent: false 503 Swoole\Process::exit(): not current process
exec empty: false 503 Swoole\Process::exec(): exec file name is empty
exec missing: false 2 Swoole\Process::exec(): execv(/nonexistent/binary) failed, Error: No such file or directory[2]
kill a reaped pid: false 3 Swoole\Process::kill(): kill(%d, 15) failed, Error: No such process[3]
kill 0 a reaped pid: false 0 -
signal(-1): false 503 Swoole\Process::signal(): invalid signal number [-1]
signal not callable: false 503 Swoole\Process::signal(): function 'no_such_function' is not callable
signal unset none: false 510 Swoole\Process::signal(): unable to find the callback of signal [10]
alarm bad type: false 22 Swoole\Process::alarm(): setitimer() failed, Error: Invalid argument[22]
setAffinity []: false 0 -
setAffinity too many: false 503 Swoole\Process::setAffinity(): More than the number of CPU
setAffinity bad cpu: false 503 Swoole\Process::setAffinity(): invalid cpu id [%d]
push empty: false 503 Swoole\Process::push(): the data to push is empty
push too big: false 503 Swoole\Process::push(): the data to push is too big
push no queue: false 503 Swoole\Process::push(): no msgqueue, cannot use push()
pop no queue: false 503 Swoole\Process::pop(): no msgqueue, cannot use pop()
statQueue no queue: false 503 Swoole\Process::statQueue(): no queue, can't get stats of the queue
freeQueue no queue: false 0 -
getPriority null who: false 505 Swoole\Process::getPriority(): $who parameter must not be null
read non-blocking, nothing there: false 0 -
-- Process\Pool
set max_package_size -2k: null 503 Swoole\Process\Pool::set(): max_package_size must be greater than or equal to 0, got -2048
on unknown: false 510 Swoole\Process\Pool::on(): unknown event type[nope]
on not callable: false 503 Swoole\Process\Pool::on(): function 'no_such_function' is not callable
listen not socket: false 503 Swoole\Process\Pool::listen(): unsupported ipc type[0]
write not socket: false 503 Swoole\Process\Pool::write(): unsupported ipc type[0]
write outside onMessage: false 505 -
sendMessage not started: false 503 Swoole\Process\Pool::sendMessage(): process pool is not started.
start before listen: false 509 -
on unknown, display_errors off: false 510 -
-- Table
column size 0: false 503 Swoole\Table::column(): the length of string type values has to be more than zero
column: true 0 -
create: true 0 -
column after create: false 503 Swoole\Table::column(): unable to add column after table has been created
set empty key: false 503 Swoole\Table::set(): key must not be empty
get long key: false 503 Swoole\Table::get(): key length exceeds the limit of 63 bytes
exists empty key: false 503 Swoole\Table::exists(): key must not be empty
incr unknown column: false 503 Swoole\Table::incr(): column[nope] does not exist
decr string column: false 503 Swoole\Table::decr(): can't execute 'decr' on a string type column
cmpset empty expected: false 503 Swoole\Table::cmpset(): expected values must not be empty
cmpset positional: false 503 Swoole\Table::cmpset(): expected values must use column names
cmpdel unknown column: false 503 Swoole\Table::cmpdel(): column[nope] does not exist
get unknown key: false 0 -
set when full: false 510 Swoole\Table::set(): failed to set('one_more'), unable to allocate memory
add when full: false 510 Swoole\Table::add(): failed to add('one_more'), unable to allocate memory
incr when full: false 503 Swoole\Table::incr(): unable to allocate memory
