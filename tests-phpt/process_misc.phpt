--TEST--
Process: alarm with a SIGALRM callback, affinity, priority, setTimeout/setBlocking on the pipe, close(which), exit() only in the child, exportSocket
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

echo "--- alarm\n";
$n = 0;
Swoole\Process::signal(SIGALRM, function ($signo) use (&$n) {
    echo "SIGALRM #", ++$n, "\n";
    if ($n === 2) {
        Swoole\Process::alarm(0);               // stop the interval timer
        Swoole\Process::signal(SIGALRM, null);
        Swoole\Timer::clearAll();
    }
});
var_dump(Swoole\Process::alarm(20 * 1000));     // every 20 ms
Swoole\Timer::after(3000, fn() => print("no SIGALRM\n")); // keeps the loop up, and a guard
Swoole\Event::wait();

echo "--- affinity\n";
$cpus = Swoole\Process::getAffinity();
var_dump(count($cpus) >= 1, Swoole\Process::setAffinity([$cpus[0]]), Swoole\Process::getAffinity() === [$cpus[0]]);
var_dump(Swoole\Process::setAffinity($cpus));
var_dump(@Swoole\Process::setAffinity([1000]));

echo "--- priority, timeouts, close, exit outside the child\n";
$p = new Swoole\Process(function (Swoole\Process $w) {
    $w->read();                                  // wait for the parent
});
$p->start();
var_dump($p->getPriority(PRIO_PROCESS) === 0);
var_dump($p->setPriority(PRIO_PROCESS, 5), $p->getPriority(PRIO_PROCESS));
var_dump($p->setTimeout(0.05));
$t = microtime(true);
var_dump($p->read());                            // nothing comes: times out
var_dump(microtime(true) - $t < 1.0);
var_dump($p->setBlocking(false));
var_dump($p->read());                            // non-blocking: nothing there
$p->exit(3);                                     // not the child: a warning, no exit
echo "parent still here\n";
$p->write("go");
var_dump(Swoole\Process::wait()['code']);
var_dump($p->close(), @$p->close());

echo "--- exportSocket in the parent and the child\n";
$q = new Swoole\Process(function (Swoole\Process $w) {
    $s = $w->exportSocket();
    $s->send("child: " . $s->recv());
}, false, SOCK_STREAM);
$q->start();
$s = $q->exportSocket();
var_dump(get_class($s), $s === $q->exportSocket());
var_dump($s->send("ping"));
var_dump($s->recv());
var_dump(Swoole\Process::wait()['code']);
try {
    new Swoole\Coroutine\Socket(AF_UNIX, SOCK_STREAM, 0);
} catch (Swoole\Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECTF--
--- alarm
bool(true)
SIGALRM #1
SIGALRM #2
--- affinity
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
--- priority, timeouts, close, exit outside the child
bool(true)
bool(true)
int(5)
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)

Warning: Swoole\Process::exit(): not current process in %s on line %d
parent still here
int(0)
bool(true)
bool(false)
--- exportSocket in the parent and the child
string(23) "Swoole\Coroutine\Socket"
bool(true)
int(4)
string(11) "child: ping"
int(0)
Swoole\Error: Swoole\Coroutine\Socket needs coroutines, which this extension does not provide; Swoole\Process::exportSocket() returns a blocking one
