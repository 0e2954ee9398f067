--TEST--
Timer: after() timers added as 30, 10, 20 ms fire in the order 10, 20, 30; Event::wait() returns when all have fired
--EXTENSIONS--
swoole
--FILE--
<?php
foreach ([30, 10, 20] as $ms) {
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
added 30 ms: int id
added 10 ms: int id
added 20 ms: int id
end of main script
after 10 ms
after 20 ms
after 30 ms
Event::wait() returned
