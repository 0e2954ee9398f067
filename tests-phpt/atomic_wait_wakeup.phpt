--TEST--
Atomic: wait() in one process is ended by wakeup() in another (both ways), wakeup(3) reaches three waiting processes, a wait nobody ends returns false after its timeout
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Atomic;
use Swoole\Process;

$parentWaits = new Atomic(0);
$childWaits = new Atomic(0);
$ready = new Atomic(0);
$child = new Process(function () use ($parentWaits, $childWaits, $ready) {
    // 1. wake the parent
    usleep(100000);
    $parentWaits->wakeup();
    // 2. be woken by it
    $ready->set(1);
    $t = microtime(true);
    $woken = $childWaits->wait(5);
    echo "child: woken=", var_export($woken, true), ' ', microtime(true) - $t < 4 ? "in time" : "late", "\n";
    // 3. several waiters: see below
});
$child->start();

$t = microtime(true);
$woken = $parentWaits->wait(5);
echo "parent: woken=", var_export($woken, true), ' ', microtime(true) - $t < 4 ? "in time" : "late", "\n";
while (!$ready->get()) {
    usleep(1000);
}
usleep(50000);
$childWaits->wakeup();
Process::wait();

echo "--- wakeup(3) wakes three waiting processes, one at a time as each takes the 1\n";
$event = new Atomic(0);
$woke = new Atomic(0);
$waiting = new Atomic(0);
for ($i = 0; $i < 3; $i++) {
    (new Process(function () use ($event, $woke, $waiting) {
        $waiting->add();
        // Each wait() takes the 1 and sets 0 again: a woken waiter that finds 0 was
        // beaten by another one, and waits again.
        $deadline = microtime(true) + 5;
        while (microtime(true) < $deadline) {
            if ($event->wait(1)) {
                $woke->add();
                $event->wakeup();   // pass it on
                return;
            }
        }
    }))->start();
}
while ($waiting->get() < 3) {
    usleep(1000);
}
usleep(50000);
$event->wakeup(3);
for ($i = 0; $i < 3; $i++) {
    Process::wait();
}
echo $woke->get(), " woke\n";

echo "--- a wait that times out in another process\n";
$never = new Atomic(0);
$result = new Atomic(9);
(new Process(function () use ($never, $result) {
    $t = microtime(true);
    $r = $never->wait(0.2);
    $result->set(($r ? 1 : 0) + (microtime(true) - $t >= 0.19 ? 2 : 0));
}))->start();
Process::wait();
echo $result->get() === 2 ? "false after the timeout\n" : "result " . $result->get() . "\n";
?>
--EXPECT--
parent: woken=true in time
child: woken=true in time
--- wakeup(3) wakes three waiting processes, one at a time as each takes the 1
3 woke
--- a wait that times out in another process
false after the timeout
