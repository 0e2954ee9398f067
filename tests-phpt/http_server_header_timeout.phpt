--TEST--
Http\Server, both modes: http_header_timeout (ours; Swoole has only the idle timeout) answers 408 and closes a head still incomplete after it, even one trickled a line at a time (never idle); it counts from the head's first byte only, so a kept-alive connection waiting between requests stays, and a head completed in time is served
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
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, $mode, json_encode(['http_header_timeout' => 1])]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);

    $kept = new HttpConn($port);
    $kept->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "kept-alive first: ", $kept->read()['body'], "\n";

    // A head that takes 0.6 s in all: within the timeout.
    $slow = new HttpConn($port);
    foreach (["GET / HTTP/1.1\r\n", "Host: x\r\n", "X-A: 1\r\n", "\r\n"] as $piece) {
        $slow->send($piece);
        usleep(200000);
    }
    echo "slow but in time: ", $slow->read()['body'], "\n";

    // One header line every 0.2 s, forever: never idle, never complete.
    $loris = new HttpConn($port);
    $start = clock();
    $loris->send("GET / HTTP/1.1\r\nHost: x\r\n");
    $answer = '';
    while (clock() - $start < 5) {
        $r = [$loris->sock];
        $w = $e = null;
        if (stream_select($r, $w, $e, 0, 200000) > 0) {
            $answer = stream_get_contents($loris->sock);
            break;
        }
        @fwrite($loris->sock, "X-Loris: " . mt_rand() . "\r\n");
    }
    $took = clock() - $start;
    echo "trickled head: ", trim($answer), ", closed: ", var_export(feof($loris->sock), true),
        ", after the timeout: ", var_export($took >= 0.9 && $took < 3, true), "\n";

    $kept->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "kept-alive, idle all along: ", $kept->read()['body'], "\n";
    echo "a new client: ", http_get($port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")['body'], "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
kept-alive first: hello
slow but in time: hello
trickled head: HTTP/1.1 408 Request Timeout, closed: true, after the timeout: true
kept-alive, idle all along: hello
a new client: hello
--- process
kept-alive first: hello
slow but in time: hello
trickled head: HTTP/1.1 408 Request Timeout, closed: true, after the timeout: true
kept-alive, idle all along: hello
a new client: hello
