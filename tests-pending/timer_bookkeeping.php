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
