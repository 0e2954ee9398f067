--TEST--
Timer: millisecond accuracy: after(50) fires 45-150 ms later; a 50 ms tick fires at about 50 ms intervals
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/servers/helpers.php'; // clock()

function within(float $seconds, float $lo, float $hi): string
{
    $ms = $seconds * 1000;
    return $ms >= $lo && $ms <= $hi ? "within $lo-$hi ms" : sprintf("%.1f ms, NOT within %d-%d ms", $ms, $lo, $hi);
}

$t0 = clock();
Swoole\Timer::after(50, function () use ($t0) {
    echo "after(50): ", within(clock() - $t0, 45, 150), "\n";
});
Swoole\Event::wait();

$t0 = clock();
Swoole\Timer::after(1, function () use ($t0) {
    echo "after(1): ", within(clock() - $t0, 0, 100), "\n";
});
Swoole\Event::wait();

$start = clock();
$times = [];
Swoole\Timer::tick(50, function ($id) use (&$times, $start) {
    $times[] = clock() - $start;
    if (count($times) === 3) {
        Swoole\Timer::clear($id);
    }
});
Swoole\Event::wait();
echo "tick 1: ", within($times[0], 45, 150), "\n";
echo "tick 3: ", within($times[2], 145, 300), "\n";
?>
--EXPECT--
after(50): within 45-150 ms
after(1): within 0-100 ms
tick 1: within 45-150 ms
tick 3: within 145-300 ms
