--TEST--
Swoole\Http\Response: setStatusCode(), setHeader(), setCookie(), setRawCookie() are status(), header(), cookie(), rawcookie() under a second name: the same answer, the same signatures
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

$class = new ReflectionClass(Swoole\Http\Response::class);
foreach (['setStatusCode' => 'status', 'setHeader' => 'header', 'setCookie' => 'cookie', 'setRawCookie' => 'rawcookie'] as $alias => $of) {
    $sig = fn(ReflectionMethod $m) => implode(', ', array_map(fn($p) => "$p", $m->getParameters())) . ' : ' . $m->getReturnType();
    echo $alias, ' = ', $of, ': ', var_export($sig($class->getMethod($alias)) === $sig($class->getMethod($of)), true), "\n";
}
// An alias checks its arguments as its method does.
try {
    (new Swoole\Http\Response())->setHeader('only-a-key');
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, 'base']);
kill_on_exit($srv);
$srv->waitForLine('/worker 0 started/');
wait_for_port($port);
$r = http_get($port, "GET /aliases HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
echo strtok($r['head'], "\r\n"), "\n";
echo 'X-Alias: ', $r['headers']['x-alias'] ?? '(none)', "\n";
echo implode("\n", preg_grep('/^Set-Cookie:/i', explode("\r\n", $r['head']))), "\n";
echo $r['body'], "\n";
$srv->stop();
?>
--EXPECT--
setStatusCode = status: true
setHeader = header: true
setCookie = cookie: true
setRawCookie = rawcookie: true
Swoole\Http\Response::setHeader() expects at least 2 arguments, 1 given
HTTP/1.1 201 Made
X-Alias: yes
Set-Cookie: enc=a+b
Set-Cookie: raw=a%20b
aliased
