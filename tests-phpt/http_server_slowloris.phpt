--TEST--
Http\Server, both modes: slowloris-style partial heads do not hold the one worker (other clients are answered meanwhile) and are closed by the heartbeat timeout; a head trickled byte by byte still completes
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $settings = ['heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 2];
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, $mode, json_encode($settings)]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);

    $slow = [];
    $first_sent = clock();
    for ($i = 0; $i < 20; $i++) {
        $s = new HttpConn($port);
        $s->send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " . str_repeat('a', $i));
        $slow[] = $s;
    }
    $start = clock();
    $good = new HttpConn($port);
    $answered = 0;
    for ($i = 0; $i < 50; $i++) {
        $good->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        $answered += $good->read()['body'] === 'hello' ? 1 : 0;
    }
    echo "answered meanwhile: $answered, quickly: ", var_export(clock() - $start < 1.5, true), "\n";

    // One byte at a time, each within the idle time: served.
    $trickle = new HttpConn($port);
    foreach (str_split("GET / HTTP/1.1\r\nHost: x\r\n\r\n") as $byte) {
        $trickle->send($byte);
        usleep(10000);
    }
    echo "trickled: ", $trickle->read()['body'], "\n";

    $closed = 0;
    foreach ($slow as $s) {
        $closed += $s->closedByServer() ? 1 : 0;
    }
    $took = clock() - $first_sent;
    echo "partial heads closed: $closed, after the idle time: ", var_export($took >= 1.9 && $took < 6, true), "\n";
    echo "a new client: ", http_get($port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")['body'], "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
answered meanwhile: 50, quickly: true
trickled: hello
partial heads closed: 20, after the idle time: true
a new client: hello
--- process
answered meanwhile: 50, quickly: true
trickled: hello
partial heads closed: 20, after the idle time: true
a new client: hello
