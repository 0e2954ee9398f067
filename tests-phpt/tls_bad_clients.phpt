--TEST--
TLS: a plaintext client on a TLS port is closed at once, a client that hangs up mid-handshake is freed at once, one that stalls mid-handshake is closed by the heartbeat; none gets onConnect or onClose (their session ids are used up) or is listed, exists or takes send() while handshaking, and a TLS client beside them is served throughout (both modes)
--EXTENSIONS--
swoole
posix
openssl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/include/tls_helpers.php';
require __DIR__ . '/servers/helpers.php';

$dir = tls_dir();
tls_make_ca($dir);
tls_make_cert($dir, 'server', 'localhost');
// The first bytes of a ClientHello: a handshake record header saying 200
// bytes follow, and one of them.
$partial_hello = "\x16\x03\x01\x00\xc8\x01";

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, $mode, $dir,
        json_encode(['heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 2])]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready/');
    wait_for_port($port);
    $good = tls_connect($port, $dir);
    echo "good: ", tls_ask($good, 'first'), "\n";

    $plain = new TestClient($port);
    $plain->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    var_dump($plain->recvAll());
    echo preg_replace('/^.*(bad SSL client).*: /', '$1: ', $srv->waitForLine('/bad SSL client.*plain HTTP/')), "\n";

    $gone = new TestClient($port);
    $gone->send($partial_hello);
    $stalled = new TestClient($port);
    $stalled->send($partial_hello);
    echo "good, beside them: ", tls_ask($good, 'second'), "\n";
    // Session 4 (the stalled one) is no connection for PHP yet.
    echo tls_ask($good, 'peers 4'), "\n";
    $gone->close();
    echo preg_replace('/^.*(bad SSL client).*: /', '$1: ', $srv->waitForLine('/bad SSL client.*closed the connection/')), "\n";

    // The stalled one is dropped by the heartbeat (the good one keeps talking).
    $t0 = clock();
    $stalled_closed = false;
    while (clock() - $t0 < TEST_TIMEOUT) {
        echo tls_ask($good, 'alive') === 'echo:alive' ? '' : "good client lost\n";
        $r = [$stalled->sock];
        $w = $e = null;
        if (stream_select($r, $w, $e, 0, 500000) > 0 && fread($stalled->sock, 10) === '' && feof($stalled->sock)) {
            $stalled_closed = true;
            break;
        }
    }
    var_dump($stalled_closed);
    echo "connections: ", tls_ask($good, 'stats'), "\n";
    $next = tls_connect($port, $dir);
    echo "next: ", tls_ask($next, 'hello'), "\n";
    // Only the two good clients had onConnect; the bad ones used up ids 2, 3 and 4.
    echo implode(", ", preg_grep('/^(connect|close) /', explode("\n", $srv->output()))), "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
good: echo:first
string(0) ""
bad SSL client: the client sent a plain HTTP request to a TLS port
good, beside them: echo:second
{"list":[1],"exist":[1],"send 4":false,"info":false}
bad SSL client: the peer closed the connection during the TLS handshake
bool(true)
connections: 1
next: echo:hello
connect 1, connect 5
--- process
good: echo:first
string(0) ""
bad SSL client: the client sent a plain HTTP request to a TLS port
good, beside them: echo:second
{"list":[1],"exist":[1],"send 4":false,"info":false}
bad SSL client: the peer closed the connection during the TLS handshake
bool(true)
connections: 1
next: echo:hello
connect 1, connect 5
