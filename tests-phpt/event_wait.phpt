--TEST--
Event: wait() returns at once with nothing registered, and otherwise as soon as no socket, timer or deferred call is left
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/servers/helpers.php'; // clock()

$t = clock();
Swoole\Event::wait();
echo "nothing registered: returned at once: ", var_export(clock() - $t < 0.5, true), "\n";

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Swoole\Event::add($a, function ($sock) {
    echo "read: ", fread($sock, 8192), "\n";
    Swoole\Event::del($sock);
});
Swoole\Timer::after(30, function () use ($b) {
    echo "timer at 30 ms writes\n";
    fwrite($b, "ping");
});
Swoole\Timer::after(150, function () {
    echo "timer at 150 ms\n";
});
$t = clock();
Swoole\Event::wait();
$took = clock() - $t;
echo "returned after the last event: ", var_export($took >= 0.14 && $took < 2, true), "\n";

$t = clock();
Swoole\Event::wait();
echo "again: returned at once: ", var_export(clock() - $t < 0.5, true), "\n";
?>
--EXPECT--
nothing registered: returned at once: true
timer at 30 ms writes
read: ping
timer at 150 ms
returned after the last event: true
again: returned at once: true
