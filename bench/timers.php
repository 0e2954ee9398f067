<?php
/**
 * Timer benchmark (issue 5), in one plain script:
 *  1. 100,000 timers of mixed delays (1..100 ms, a tenth of them ticks that
 *     run 3 times) created and fired: wall time and peak memory.
 *  2. Firing error (actual minus requested) of 1,000 after(10) timers: p50, p99.
 * Prints one JSON line last.
 */
$n = (int)($argv[1] ?? 100000);
mt_srand(42);

$t0 = hrtime(true);
$fired = 0;
for ($i = 0; $i < $n; $i++) {
    $ms = mt_rand(1, 100);
    if ($i % 10 === 0) {
        Swoole\Timer::tick($ms, function ($id) use (&$fired) {
            $fired++;
            static $runs = [];
            $runs[$id] = ($runs[$id] ?? 0) + 1;
            if ($runs[$id] === 3) {
                Swoole\Timer::clear($id);
            }
        });
    } else {
        Swoole\Timer::after($ms, function () use (&$fired) {
            $fired++;
        });
    }
}
$created = (hrtime(true) - $t0) / 1e6;
Swoole\Event::wait();
$total = (hrtime(true) - $t0) / 1e6;
$expected = $n - intdiv($n + 9, 10) + 3 * intdiv($n + 9, 10);

$errors = [];
for ($i = 0; $i < 1000; $i++) {
    $at = hrtime(true);
    Swoole\Timer::after(10, function () use ($at, &$errors) {
        $errors[] = (hrtime(true) - $at) / 1e6 - 10.0;
    });
}
Swoole\Event::wait();
sort($errors);
$pct = fn(float $p) => $errors[(int)floor($p * (count($errors) - 1))];

$result = [
    'timers' => $n,
    'fired' => $fired,
    'expected_fired' => $expected,
    'create_ms' => round($created, 1),
    'create_and_fire_ms' => round($total, 1),
    'peak_memory_mb' => round(memory_get_peak_usage() / 1048576, 1),
    'after10_p50_late_ms' => round($pct(0.50), 3),
    'after10_p99_late_ms' => round($pct(0.99), 3),
    'after10_min_late_ms' => round($errors[0], 3),
];
printf("%d timers created in %.1f ms, all fired after %.1f ms (%d callbacks, expected %d); peak memory %.1f MiB\n",
    $n, $created, $total, $fired, $expected, $result['peak_memory_mb']);
printf("1,000 after(10): late by p50 %.3f ms, p99 %.3f ms (min %.3f ms)\n",
    $result['after10_p50_late_ms'], $result['after10_p99_late_ms'], $result['after10_min_late_ms']);
echo json_encode($result), "\n";
