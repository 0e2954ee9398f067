--TEST--
Issue 14 item 11: swoole_async_set(['wait_signal' => true]) keeps Event::wait() running while a PHP signal handler is registered (it returns once the handler is removed); without it Event::wait() returns at once; the loop run at the end of the request gives Swoole's deprecation notice
--EXTENSIONS--
swoole
--FILE--
<?php
var_dump(swoole_async_set(['wait_signal' => true]));
Swoole\Process::signal(SIGUSR1, function ($no) {
    echo "got signal $no\n";
    Swoole\Process::signal(SIGUSR1, null);
});
$pid = getmypid();
exec("(sleep 0.3; kill -USR1 $pid) > /dev/null 2>&1 &");
$t = hrtime(true);
Swoole\Event::wait();
echo "Event::wait() waited for the signal: ", var_export((hrtime(true) - $t) / 1e6 > 200, true), "\n";
var_dump(swoole_async_set(['wait_signal' => false]));
Swoole\Process::signal(SIGUSR2, function () {});
$t = hrtime(true);
Swoole\Event::wait();
echo "without wait_signal it returned at once: ", var_export((hrtime(true) - $t) / 1e6 < 100, true), "\n";
Swoole\Process::signal(SIGUSR2, null);
Swoole\Timer::after(10, function () {
    echo "the timer ran after the script's end\n";
});
echo "script ends\n";
?>
--EXPECTF--
bool(true)
got signal 10
Event::wait() waited for the signal: true
bool(true)
without wait_signal it returned at once: true
script ends

Deprecated: swoole_event_rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
the timer ran after the script's end
