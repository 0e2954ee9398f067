--TEST--
Event: defer() runs callbacks after the current code, in the order added; one added by a deferred callback runs after them
--EXTENSIONS--
swoole
--FILE--
<?php
var_dump(Swoole\Event::defer(function () {
    echo "defer 1\n";
    Swoole\Event::defer(function () {
        echo "defer 3, added by defer 1\n";
    });
}));
Swoole\Event::defer(function () {
    echo "defer 2\n";
});
Swoole\Timer::after(100, function () {
    Swoole\Event::defer(function () {
        echo "deferred from the timer, runs after it\n";
    });
    echo "timer callback\n";
});
echo "end of main code\n";
Swoole\Event::wait();
echo "Event::wait() returned\n";
var_dump(swoole_event_defer(function () {
    echo "swoole_event_defer callback\n";
}));
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
bool(true)
end of main code
defer 1
defer 2
defer 3, added by defer 1
timer callback
deferred from the timer, runs after it
Event::wait() returned
bool(true)
swoole_event_defer callback
done
