--TEST--
open_http_protocol on any port: a plain Swoole\Server with an HTTP port (addListener + $port->on('request')), and an Http\Server with a plain TCP port, in both modes
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

foreach (['base', 'process'] as $mode) {
    foreach (['tcp-first', 'http-first'] as $kind) {
        echo "--- $mode $kind\n";
        $port = free_port();
        do { $port2 = free_port(); } while ($port2 === $port);
        $srv = new ServerProcess(__DIR__ . '/servers/http_ports.php', [$port, $port2, $kind, $mode]);
        kill_on_exit($srv);
        $srv->waitForLine('/ready/');
        wait_for_port($port);
        wait_for_port($port2);
        [$tcp_port, $http_port] = $kind === 'tcp-first' ? [$port, $port2] : [$port2, $port];
        $c = new TestClient($tcp_port);
        $c->send("ping");
        echo $c->recv(), "\n";
        $r = http_get($http_port, "GET /here HTTP/1.1\r\nHost: x\r\n\r\n");
        echo $r['status'], ' ', str_replace((string)$http_port, 'PORT', $r['body']), "\n";
        $srv->stop();
    }
}
?>
--EXPECT--
--- base tcp-first
tcp: ping
200 http: /here on PORT
--- base http-first
tcp: ping
200 http: /here on PORT
--- process tcp-first
tcp: ping
200 http: /here on PORT
--- process http-first
tcp: ping
200 http: /here on PORT
