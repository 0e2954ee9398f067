--TEST--
Timer: exists/info (keys and values)/stats/list/clear/clearAll on tick and after timers
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Timer;

echo "--- before any timer\n";
var_dump(Timer::stats());
var_dump(Timer::exists(1));
var_dump(Timer::clear(1));
var_dump(count(Timer::list()));

echo "--- one tick, one after\n";
$tick = Timer::tick(1000, function () {
    echo "the tick must not run\n";
});
$after = Timer::after(2000, function () {
    echo "the after timer must not run\n";
});
var_dump(is_int($tick), is_int($after), $tick !== $after);
var_dump(Timer::exists($tick), Timer::exists($after), Timer::exists(max($tick, $after) + 1000));

$info = Timer::info($tick);
var_dump(array_keys($info));
var_dump($info['interval'], $info['exec_count'], $info['removed'], is_int($info['exec_msec']), is_int($info['round']));
$info = Timer::info($after);
var_dump($info['interval'], $info['exec_count'], $info['removed']);
echo "after's next run is later than the tick's: ", var_export($info['exec_msec'] > Timer::info($tick)['exec_msec'], true), "\n";
var_dump(Timer::info(max($tick, $after) + 1000));

$stats = Timer::stats();
var_dump(array_keys($stats), $stats['initialized'], $stats['num']);

$list = Timer::list();
var_dump($list instanceof Swoole\Timer\Iterator, $list instanceof ArrayIterator, count($list));
$ids = iterator_to_array($list, false);
sort($ids);
$want = [$tick, $after];
sort($want);
var_dump($ids === $want);

echo "--- clear\n";
var_dump(Timer::clear($after));
var_dump(Timer::exists($after));
var_dump(Timer::clear($after));
var_dump(Timer::clear(max($tick, $after) + 1000));
var_dump(iterator_to_array(Timer::list(), false) === [$tick]);
var_dump(Timer::stats()['num']);

echo "--- clearAll\n";
$third = Timer::after(3000, function () {
    echo "the third timer must not run\n";
});
var_dump(count(Timer::list()));
var_dump(Timer::clearAll());
var_dump(Timer::exists($tick), Timer::exists($third), count(Timer::list()), Timer::stats()['num']);

// nothing is left, so the event loop has nothing to wait for
Swoole\Event::wait();
echo "Event::wait() returned\n";
?>
--EXPECT--
--- before any timer
array(3) {
  ["initialized"]=>
  bool(false)
  ["num"]=>
  int(0)
  ["round"]=>
  int(0)
}
bool(false)
bool(false)
int(0)
--- one tick, one after
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
array(5) {
  [0]=>
  string(9) "exec_msec"
  [1]=>
  string(10) "exec_count"
  [2]=>
  string(8) "interval"
  [3]=>
  string(5) "round"
  [4]=>
  string(7) "removed"
}
int(1000)
int(0)
bool(false)
bool(true)
bool(true)
int(0)
int(0)
bool(false)
after's next run is later than the tick's: true
NULL
array(3) {
  [0]=>
  string(11) "initialized"
  [1]=>
  string(3) "num"
  [2]=>
  string(5) "round"
}
bool(true)
int(2)
bool(true)
bool(true)
int(2)
bool(true)
--- clear
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
int(1)
--- clearAll
int(2)
bool(true)
bool(false)
bool(false)
int(0)
int(0)
Event::wait() returned
