--TEST--
Timer: the swoole_timer_* functions (after, tick, exists, info, stats, list, clear, clear_all) work like the Timer methods
--EXTENSIONS--
swoole
--FILE--
<?php
foreach (['after', 'tick', 'exists', 'info', 'stats', 'list', 'clear', 'clear_all'] as $f) {
    echo "swoole_timer_$f: ", var_export(function_exists("swoole_timer_$f"), true), "\n";
}

$ticks = 0;
$tick = swoole_timer_tick(10, function ($id) use (&$ticks, &$tick) {
    $ticks++;
    echo "tick $ticks, got its id: ", var_export($id === $tick, true), "\n";
    if ($ticks === 2) {
        echo "swoole_timer_clear: ", var_export(swoole_timer_clear($id), true), "\n";
        // Set only now: a tick rescheduled late on a loaded machine could
        // otherwise come after a timer set at the start for a later time.
        swoole_timer_after(20, function () {
            echo "last after fired\n";
        });
    }
});
$after = swoole_timer_after(5, function () {
    echo "after fired\n";
});
$never = swoole_timer_after(60000, function () {
    echo "this one is cleared by swoole_timer_clear_all()\n";
});
var_dump(swoole_timer_exists($tick), swoole_timer_exists($after));
var_dump(swoole_timer_info($tick)['interval'], swoole_timer_info($after)['interval']);
var_dump(swoole_timer_stats()['num']);
var_dump(swoole_timer_list() instanceof Swoole\Timer\Iterator, count(swoole_timer_list()));
// same timers seen through the class
var_dump(Swoole\Timer::exists($tick), Swoole\Timer::info($after) === swoole_timer_info($after));

var_dump(swoole_timer_clear($never));
Swoole\Event::wait();
echo "loop done, ticks=$ticks\n";

$a = swoole_timer_after(60000, function () {
    echo "must not run\n";
});
$b = swoole_timer_tick(60000, function () {
    echo "must not run\n";
});
var_dump(swoole_timer_clear_all());
var_dump(swoole_timer_exists($a), swoole_timer_exists($b));
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
swoole_timer_after: true
swoole_timer_tick: true
swoole_timer_exists: true
swoole_timer_info: true
swoole_timer_stats: true
swoole_timer_list: true
swoole_timer_clear: true
swoole_timer_clear_all: true
bool(true)
bool(true)
int(10)
int(0)
int(3)
bool(true)
int(3)
bool(true)
bool(true)
bool(true)
after fired
tick 1, got its id: true
tick 2, got its id: true
swoole_timer_clear: true
last after fired
loop done, ticks=2
bool(true)
bool(false)
bool(false)
done
