--TEST--
Timer: a tick callback gets ($timer_id, ...$params); clearing itself from inside after 3 runs stops it (exactly 3 runs)
--EXTENSIONS--
swoole
--FILE--
<?php
$runs = 0;
$id = Swoole\Timer::tick(10, function ($timerId, $p1, $p2) use (&$runs, &$id) {
    $runs++;
    echo "run $runs: id is the returned id: ", var_export($timerId === $id, true),
        ", params: $p1 ", json_encode($p2), ", argc=", func_num_args(), "\n";
    if ($runs === 3) {
        echo "clear from inside: ", var_export(Swoole\Timer::clear($timerId), true), "\n";
        echo "exists after clear: ", var_export(Swoole\Timer::exists($timerId), true), "\n";
    }
}, 'first', ['second' => 2]);
var_dump(is_int($id) && $id > 0);
// a longer one-shot timer: the tick would have run several more times before it if clear() failed
Swoole\Timer::after(100, function () use (&$runs) {
    echo "100 ms later: runs=$runs\n";
});
Swoole\Event::wait();
echo "done: runs=$runs, exists=", var_export(Swoole\Timer::exists($id), true), "\n";
?>
--EXPECT--
bool(true)
run 1: id is the returned id: true, params: first {"second":2}, argc=3
run 2: id is the returned id: true, params: first {"second":2}, argc=3
run 3: id is the returned id: true, params: first {"second":2}, argc=3
clear from inside: true
exists after clear: false
100 ms later: runs=3
done: runs=3, exists=false
