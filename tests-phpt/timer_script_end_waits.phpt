--TEST--
Timer: without Event::wait() the script stays alive after its last line until its timers are done
--EXTENSIONS--
swoole
--FILE--
<?php
// The implicit event loop at the end of the script is deprecated (E_DEPRECATED, checked by
// timer_script_end_deprecated.phpt); this test is only about the loop running.
error_reporting(E_ALL & ~E_DEPRECATED);
Swoole\Timer::tick(10, function ($id) {
    static $n = 0;
    echo "tick ", ++$n, "\n";
    if ($n === 2) {
        Swoole\Timer::clear($id);
    }
});
Swoole\Timer::after(200, function () {
    echo "after 200 ms\n";
    Swoole\Timer::after(10, function () {
        echo "a timer added by a timer also runs\n";
    });
});
echo "end of script\n";
?>
--EXPECT--
end of script
tick 1
tick 2
after 200 ms
a timer added by a timer also runs
