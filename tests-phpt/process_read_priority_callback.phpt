--TEST--
Swoole\Process: read() with a size <= 0 warns "size must be greater than 0"; a timed-out read is false without a warning (swoole_last_error 6002); get/setPriority() take a null $who only with PRIO_PROCESS (else warning and 505), an OS failure is false with swoole_last_error() = errno; the callable lives in the private property callback, a falsy or non-callable one fails start()
--EXTENSIONS--
swoole
--FILE--
<?php
$p = new Swoole\Process(function ($w) {
    $w->write("ping");
    $w->read(); // alive (and silent) until the parent's timed read is over
});
$p->start();
var_dump($p->read(0), $p->read(-5));
var_dump($p->read(2)); // a datagram pipe: the rest of the datagram is gone
$p->setTimeout(0.1);
$t = microtime(true);
$got = $p->read();
$waited = microtime(true) - $t;
var_dump($got, swoole_last_error(), $waited >= 0.09 && $waited < 2.0);
$p->write("bye");
Swoole\Process::wait();
$p->close();
var_dump($p->read());

echo "--- priority\n";
$live = new Swoole\Process(function () { usleep(500000); });
$live->start();
var_dump($live->getPriority(PRIO_PROCESS), $live->setPriority(PRIO_PROCESS, 7), $live->getPriority(PRIO_PROCESS, $live->pid));
var_dump($live->getPriority(PRIO_PGRP), swoole_last_error());
var_dump($live->setPriority(PRIO_USER, 5, null), swoole_last_error());
var_dump($live->getPriority(PRIO_PROCESS, 0));
var_dump($live->getPriority(99, 0), swoole_last_error());
var_dump($live->setPriority(PRIO_PROCESS, 5, 999999), swoole_last_error());
var_dump($live->getPriority(PRIO_PROCESS, 999999), swoole_last_error());
$live->kill($live->pid, SIGKILL);
Swoole\Process::wait();
$never = new Swoole\Process(function () {});
var_dump($never->pid, $never->getPriority(PRIO_PROCESS) === pcntl_getpriority());

echo "--- the callback property\n";
$r = new ReflectionClass('Swoole\Process');
foreach ($r->getProperties() as $prop) {
    echo $prop->getName(), " ", implode(' ', Reflection::getModifierNames($prop->getModifiers())), "\n";
}
$q = new Swoole\Process('strlen');
$cb = new ReflectionProperty('Swoole\Process', 'callback');
$cb->setAccessible(true);
var_dump($cb->getValue($q));
foreach ([null, 0, '', 'no_such_function'] as $bad) {
    $cb->setValue($q, $bad);
    var_dump($q->start());
}
class MyProcess extends Swoole\Process {}
$m = new MyProcess(function () { echo "subclass child ran\n"; });
$isClosure = $cb->getValue($m) instanceof Closure;
$started = is_int($m->start());
Swoole\Process::wait();
var_dump($isClosure, $started);
?>
--EXPECTF--
Warning: Swoole\Process::read(): size must be greater than 0 in %s on line %d

Warning: Swoole\Process::read(): size must be greater than 0 in %s on line %d
bool(false)
bool(false)
string(2) "pi"
bool(false)
int(6002)
bool(true)

Warning: Swoole\Process::read(): no pipe, cannot read from pipe in %s on line %d
bool(false)
--- priority
int(0)
bool(true)
int(7)

Warning: Swoole\Process::getPriority(): $who parameter must not be null in %s on line %d
bool(false)
int(505)

Warning: Swoole\Process::setPriority(): $who parameter must not be null in %s on line %d
bool(false)
int(505)
int(%i)
bool(false)
int(22)
bool(false)
int(3)
bool(false)
int(3)
NULL
bool(true)
--- the callback property
pipe public
msgQueueId public
msgQueueKey public
pid public
id public
callback private
string(6) "strlen"

Warning: Swoole\Process::start(): illegal callback function in %s on line %d
bool(false)

Warning: Swoole\Process::start(): illegal callback function in %s on line %d
bool(false)

Warning: Swoole\Process::start(): illegal callback function in %s on line %d
bool(false)

Warning: Swoole\Process::start(): function 'no_such_function' is not callable in %s on line %d
bool(false)
subclass child ran
bool(true)
bool(true)
