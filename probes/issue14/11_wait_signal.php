<?php
// Item 11: swoole_async_set(['wait_signal' => true]) keeps Event::wait()
// running while PHP signal handlers are registered; the loop that runs at the
// end of the request gives Swoole's deprecation notice.
// Run: php 11_wait_signal.php wait|nowait|end|shutdown
error_reporting(E_ALL);
$mode = $argv[1] ?? 'wait';
if ($mode === 'end') {
    // a timer still pending when the script ends
    Swoole\Timer::after(10, function () { echo "timer ran after the script's end\n"; });
    echo "script ends\n";
    return;
}
if ($mode === 'shutdown') {
    register_shutdown_function(function () {
        Swoole\Timer::after(10, function () { echo "timer in the shutdown function's loop ran\n"; });
        Swoole\Event::wait();
        echo "shutdown function done\n";
    });
    echo "script ends\n";
    return;
}
var_dump(function_exists('swoole_async_set'));
if ($mode === 'wait') {
    var_dump(swoole_async_set(['wait_signal' => true]));
}
Swoole\Process::signal(SIGUSR1, function ($no) {
    echo "got signal $no\n";
    Swoole\Process::signal(SIGUSR1, null);
});
$pid = posix_getpid();
exec("(sleep 0.3; kill -USR1 $pid) > /dev/null 2>&1 &");
$t = microtime(true);
Swoole\Event::wait();
printf("Event::wait() returned after ~%d ms\n", round((microtime(true) - $t) * 1000 / 100) * 100);
usleep(500000);
echo "script ends\n";
