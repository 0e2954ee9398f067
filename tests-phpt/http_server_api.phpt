--TEST--
Http\Server API: the class extends Swoole\Server, on('request') on servers and ports, start() without onRequest refused, Request::create()+parse() in pieces, a Response with nothing behind it, max_request counted in HTTP requests (pipelined ones included)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

$s = new Swoole\Http\Server('127.0.0.1', 0);
var_dump($s instanceof Swoole\Server, get_parent_class($s), $s->mode === SWOOLE_BASE);
var_dump($s->on('Request', fn($req, $resp) => null), $s->getCallback('request') instanceof Closure);
$plain = new Swoole\Server('127.0.0.1', 0);
var_dump($plain->on('request', fn() => null));
// Swoole's fatal error: the script ends there.
echo output_and_exit_of(<<<'PHP'
<?php
$none = new Swoole\Http\Server('127.0.0.1', 0);
$none->set(['worker_num' => 1]);
var_dump($none->start());
echo "not reached\n";
PHP), "\n";

echo "--- Request::create + parse\n";
$r = Swoole\Http\Request::create();
var_dump($r->isCompleted(), $r->getMethod());
var_dump($r->parse("POST /form?x=1&y[]=2 HTTP/1.1\r\nHost: h\r\nCookie: c=%41; d=2\r\n"));
var_dump($r->isCompleted());
var_dump($r->parse("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1"));
var_dump($r->parse("&b=2"));
var_dump($r->isCompleted(), $r->getMethod(), $r->get, $r->post, $r->cookie, $r->header['host'], $r->getContent());
var_dump($r->server['request_uri'], $r->server['query_string'], $r->server['server_protocol']);
var_dump($r->parse("more"));
$bad = Swoole\Http\Request::create();
var_dump($bad->parse("NOT A REQUEST\r\n\r\n"));
$noparse = Swoole\Http\Request::create(['parse_cookie' => false, 'parse_body' => false]);
$noparse->parse("POST / HTTP/1.1\r\nCookie: a=1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nb=2");
var_dump($noparse->cookie, $noparse->post, $noparse->getContent());

echo "--- Response with nothing behind it\n";
$resp = new Swoole\Http\Response();
var_dump($resp->isWritable(), $resp->header('a', 'b'), $resp->end('x'), swoole_last_error());
var_dump($resp->ping(), $resp->goaway(), $resp->upgrade());
try {
    Swoole\Http\Response::create(5);
} catch (Swoole\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "--- max_request counts HTTP requests\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, 'base', json_encode(['max_request' => 3])]);
kill_on_exit($srv);
$srv->waitForLine('/worker 0 started/');
wait_for_port($port);
$c = new HttpConn($port);
$c->send(str_repeat("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n", 2));
$pids = [json_decode($c->read()['body'], true)['pid'], json_decode($c->read()['body'], true)['pid']];
$c->send("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
$pids[] = json_decode($c->read()['body'], true)['pid'];
$srv->waitForLines('/worker 0 started/', 2);
wait_for_port($port);
$pids[] = json_decode(http_get($port, "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")['body'], true)['pid'];
echo "first three by one worker: ", var_export(count(array_unique(array_slice($pids, 0, 3))) === 1, true),
    ", the fourth by its successor: ", var_export($pids[3] !== $pids[0], true), "\n";
$srv->stop();
?>
--EXPECTF--
bool(true)
string(13) "Swoole\Server"
bool(true)
bool(true)
bool(true)
bool(true)
Fatal error: Swoole\Server::start(): require onRequest callback in %s on line %d
exit status 255
--- Request::create + parse
bool(false)
bool(false)
int(60)
bool(false)
int(73)
int(4)
bool(true)
string(4) "POST"
array(2) {
  ["x"]=>
  string(1) "1"
  ["y"]=>
  array(1) {
    [0]=>
    string(1) "2"
  }
}
array(2) {
  ["a"]=>
  string(1) "1"
  ["b"]=>
  string(1) "2"
}
array(2) {
  ["c"]=>
  string(1) "A"
  ["d"]=>
  string(1) "2"
}
string(1) "h"
string(7) "a=1&b=2"
string(5) "/form"
string(9) "x=1&y[]=2"
string(8) "HTTP/1.1"
bool(false)
bool(false)
NULL
NULL
string(3) "b=2"
--- Response with nothing behind it
bool(false)
bool(false)
bool(false)
int(7106)
bool(false)
bool(false)
bool(false)
Swoole\Exception: failed to create Http\Response from the given arguments
--- max_request counts HTTP requests
first three by one worker: true, the fourth by its successor: true
