--TEST--
Process: signal(SIGUSR1, cb): a SIGUSR1 the child sends to the parent runs the callback in the parent's event loop
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$parent = getmypid();
$proc = new Swoole\Process(function (Swoole\Process $worker) use ($parent) {
    $worker->read();   // wait until the parent listens for the signal
    Swoole\Process::kill($parent, SIGUSR1);
});
$pid = $proc->start();
kill_child_on_exit($pid);

// a guard, so a signal that never comes fails the test instead of hanging it
$guard = Swoole\Timer::after(3000, function () {
    echo "no SIGUSR1 within 3 s\n";
    Swoole\Process::signal(SIGUSR1, null);
});
var_dump(Swoole\Process::signal(SIGUSR1, function ($signo) use ($guard, $parent) {
    echo "signal callback: signo=$signo, in the parent: ", var_export(getmypid() === $parent, true), "\n";
    Swoole\Timer::clear($guard);
    echo "remove the handler: ", var_export(Swoole\Process::signal(SIGUSR1, null), true), "\n";
}));
$proc->write("go");
echo "waiting in the event loop\n";
Swoole\Event::wait();
echo "event loop done\n";
echo "child: ";
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => 0]);
?>
--EXPECT--
bool(true)
waiting in the event loop
signal callback: signo=10, in the parent: true
remove the handler: true
event loop done
child: as expected
