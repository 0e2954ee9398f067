--TEST--
Issue 14 item 10: while a timer's callback runs it stays counted (stats()['num']) and listed; clear() of the running timer makes exists() false and info()['removed'] true until it returns; exec_count counts completed runs; exec_msec is absolute (ms from the process's timer base); stats()['round'] follows the loop's rounds
--EXTENSIONS--
swoole
--FILE--
<?php
$other = Swoole\Timer::after(5000, function () {});
$id = Swoole\Timer::tick(50, function ($id) use ($other) {
    static $n = 0;
    $n++;
    $info = Swoole\Timer::info($id);
    echo "run $n: num=", Swoole\Timer::stats()['num'], " listed=", var_export(in_array($id, iterator_to_array(Swoole\Timer::list())), true),
        " exists=", var_export(Swoole\Timer::exists($id), true), " exec_count=", $info['exec_count'], " removed=", var_export($info['removed'], true),
        " stats.round=", Swoole\Timer::stats()['round'], "\n";
    if ($n === 3) {
        var_dump(Swoole\Timer::clear($id));
        $info = Swoole\Timer::info($id);
        echo "after clear(): exists=", var_export(Swoole\Timer::exists($id), true), " removed=", var_export($info['removed'] ?? null, true),
            " num=", Swoole\Timer::stats()['num'], " listed=", var_export(in_array($id, iterator_to_array(Swoole\Timer::list())), true), "\n";
        Swoole\Timer::clear($other);
    }
});
$first = Swoole\Timer::info($other)['exec_msec'];
usleep(100000);
$later = Swoole\Timer::after(1000, function () {});
$diff = Swoole\Timer::info($later)['exec_msec'] - $first;
echo "exec_msec is absolute: ", var_export($diff > -3950 && $diff < -3850, true), "\n";
Swoole\Timer::clear($later);
Swoole\Event::wait();
echo "after the loop: num=", Swoole\Timer::stats()['num'], ", info() of the cleared one: ", var_export(Swoole\Timer::info($id), true), "\n";
?>
--EXPECT--
exec_msec is absolute: true
run 1: num=2 listed=true exists=true exec_count=0 removed=false stats.round=1
run 2: num=2 listed=true exists=true exec_count=1 removed=false stats.round=2
run 3: num=2 listed=true exists=true exec_count=2 removed=false stats.round=3
bool(true)
after clear(): exists=false removed=true num=2 listed=true
after the loop: num=0, info() of the cleared one: false
