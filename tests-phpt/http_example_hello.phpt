--TEST--
examples-php/http_hello.php: the hello-world HTTP server answers curl and a keep-alive PHP client
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
require __DIR__ . '/include/http_client.php';
if (!have_curl()) die('skip curl is not installed');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/http_hello.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/listening on/');
wait_for_port($port);
[$rc, $out] = curl(["http://127.0.0.1:$port/?name=curl"]);
echo "$rc $out\n";
$c = new HttpConn($port);
foreach (['a', 'b'] as $n) {
    $c->send("GET /?name=$n HTTP/1.1\r\nHost: x\r\n\r\n");
    $r = $c->read();
    echo $r['status'], ' ', $r['headers']['content-type'], ' ', $r['body'];
}
$srv->stop();
?>
--EXPECT--
0 Hello, curl!
200 text/plain; charset=utf-8 Hello, a!
200 text/plain; charset=utf-8 Hello, b!
