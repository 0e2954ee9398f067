<?php
// Item 10: Timer bookkeeping while a callback runs: the running timer stays
// listed and counted until its callback returns; clear() of the running timer
// makes info() show removed and exists() false until then; exec_msec,
// exec_count, round and stats()['round'].
$t0 = microtime(true);
$other = Swoole\Timer::after(5000, function () {});
$id = Swoole\Timer::tick(50, function ($id) use ($other) {
    static $n = 0;
    $n++;
    $info = Swoole\Timer::info($id);
    echo "run $n: num=", Swoole\Timer::stats()['num'], " listed=", var_export(in_array($id, iterator_to_array(Swoole\Timer::list())), true),
        " exists=", var_export(Swoole\Timer::exists($id), true), " exec_count=", $info['exec_count'], " removed=", var_export($info['removed'], true),
        " round=", $info['round'], " stats.round=", Swoole\Timer::stats()['round'], "\n";
    if ($n === 3) {
        var_dump(Swoole\Timer::clear($id));
        $info = Swoole\Timer::info($id);
        echo "after clear: exists=", var_export(Swoole\Timer::exists($id), true), " removed=", var_export($info['removed'] ?? null, true),
            " num=", Swoole\Timer::stats()['num'], " listed=", var_export(in_array($id, iterator_to_array(Swoole\Timer::list())), true), "\n";
        Swoole\Timer::clear($other);
    }
});
$info = Swoole\Timer::info($id);
echo "before the loop: ", json_encode(array_keys($info)), " exec_count=", $info['exec_count'], " interval=", $info['interval'], " round=", $info['round'], "\n";
$o = Swoole\Timer::info($other);
echo "exec_msec of after(5000) minus tick(50)'s: ", $o['exec_msec'] - $info['exec_msec'], "\n";
usleep(100000);
$later = Swoole\Timer::after(1000, function () {});
$l = Swoole\Timer::info($later);
echo "exec_msec is absolute: a timer made 100 ms later has exec_msec - first's = ~", round(($l['exec_msec'] - $o['exec_msec']) / 50) * 50, "\n";
Swoole\Timer::clear($later);
echo "stats: ", json_encode(array_keys(Swoole\Timer::stats())), "\n";
Swoole\Event::wait();
echo "after wait: num=", Swoole\Timer::stats()['num'], " info of the cleared one: ", var_export(Swoole\Timer::info($id), true), "\n";
