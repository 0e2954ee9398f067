--TEST--
Timer: after() timers added as 300, 100, 200 ms fire in the order 100, 200, 300 (gaps wide enough that a loaded machine cannot reorder their due times); Event::wait() returns when all have fired
--EXTENSIONS--
swoole
--FILE--
<?php
foreach ([300, 100, 200] as $ms) {
    $id = Swoole\Timer::after($ms, function () use ($ms) {
        echo "after $ms ms\n";
    });
    echo "added $ms ms: ", is_int($id) && $id > 0 ? "int id" : var_export($id, true), "\n";
}
echo "end of main script\n";
Swoole\Event::wait();
echo "Event::wait() returned\n";
?>
--EXPECT--
added 300 ms: int id
added 100 ms: int id
added 200 ms: int id
end of main script
after 100 ms
after 200 ms
after 300 ms
Event::wait() returned
