--TEST--
Event: dispatch() runs one round (the first after a timer is made waits for it without running it: a timer never runs in the round that made it); exit() clears the timers and ends wait()
--EXTENSIONS--
swoole
--FILE--
<?php
var_dump(Swoole\Event::dispatch());                 // no loop yet
Swoole\Timer::after(10, function () { echo "timer 1\n"; });
Swoole\Timer::after(500, function () { echo "timer 2 (must not run)\n"; });
$t = microtime(true);
var_dump(Swoole\Event::dispatch());                 // waits for the first timer only, runs it next round
echo "one round: ", microtime(true) - $t < 0.4 ? "yes" : "no", "\n";
Swoole\Timer::tick(5, function () {
    static $n = 0;
    echo "tick ", ++$n, "\n";
    if ($n === 2) {
        Swoole\Event::exit();                       // clears both timers, ends wait()
    }
});
Swoole\Event::wait();
var_dump(count(Swoole\Timer::list()));
echo "done\n";
?>
--EXPECT--
bool(false)
bool(true)
one round: yes
timer 1
tick 1
tick 2
int(0)
done
