--TEST--
Event: cycle() runs its callback on every loop round; a callback can replace itself; cycle(null) removes it (false when none is set)
--EXTENSIONS--
swoole
--FILE--
<?php
$log = [];
$ticks = 0;
Swoole\Timer::tick(10, function ($id) use (&$ticks, &$log) {
    $log[] = "tick";
    if (++$ticks === 5) {
        Swoole\Timer::clear($id);
    }
});
// the php.net / Swoole documentation example, on a tick that ends
var_dump(Swoole\Event::cycle(function () use (&$log) {
    $log[] = "hello [1]";
    Swoole\Event::cycle(function () use (&$log) {
        $log[] = "hello [2]";
        Swoole\Event::cycle(function () use (&$log) {
            $log[] = "counting";
        });
    });
}));
Swoole\Event::wait();
$counts = array_count_values($log);
echo "hello [1]: {$counts['hello [1]']}, hello [2]: {$counts['hello [2]']}, ticks: {$counts['tick']}\n";
echo "[1] before [2]: ", var_export(array_search('hello [1]', $log) < array_search('hello [2]', $log), true), "\n";
echo "the last callback ran on later rounds: ", var_export(($counts['counting'] ?? 0) >= 1, true), "\n";

echo "--- cycle(null)\n";
$rounds = 0;
Swoole\Timer::tick(10, function ($id) use (&$rounds) {
    static $n = 0;
    if (++$n === 1) {
        echo "cycle(null) with a callback set: ", var_export(Swoole\Event::cycle(null), true), "\n";
        echo "cycle(null) again: ", var_export(Swoole\Event::cycle(null), true), "\n";
        $rounds = 0;
    }
    if ($n === 3) {
        Swoole\Timer::clear($id);
    }
});
Swoole\Event::cycle(function () use (&$rounds) {
    $rounds++;
});
Swoole\Event::wait();
echo "rounds counted after cycle(null): $rounds\n";
?>
--EXPECT--
bool(true)
hello [1]: 1, hello [2]: 1, ticks: 5
[1] before [2]: true
the last callback ran on later rounds: true
--- cycle(null)
cycle(null) with a callback set: true
cycle(null) again: false
rounds counted after cycle(null): 0
