--TEST--
Http\Server with open_proxy_protocol, both modes: $request->server['remote_addr'] and ['remote_port'] are the client a PROXY header names (v1 and v2, the header split from the request), keep-alive goes on, a request without a header is refused
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';
require __DIR__ . '/include/proxy_helpers.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, $mode, json_encode(['open_proxy_protocol' => true])]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker \d started/');
    wait_for_port($port);

    $c = new HttpConn($port);
    $c->send(proxy_v1('192.0.2.10', '198.51.100.7', 40001, 80));
    usleep(30000); // only to make a separate read likely
    $c->send("GET /peer HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "v1: ", $c->read()['body'], "\n";
    $c->send("GET /peer HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "v1, keep-alive: ", $c->read()['body'], "\n";

    $d = new HttpConn($port);
    $d->send(proxy_v2('2001:db8::7', '2001:db8::1', 40002, 80, [[0x02, 'example.com']]) . "GET /peer HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "v2: ", $d->read()['body'], "\n";

    $e = new HttpConn($port);
    $e->send("GET /peer HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "no header: ", var_export($e->read(), true), "\n";

    $srv->stop();
}
?>
--EXPECT--
--- base
v1: 192.0.2.10 40001
v1, keep-alive: 192.0.2.10 40001
v2: 2001:db8::7 40002
no header: NULL
--- process
v1: 192.0.2.10 40001
v1, keep-alive: 192.0.2.10 40001
v2: 2001:db8::7 40002
no header: NULL
