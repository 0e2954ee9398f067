--TEST--
Swoole\Http\Cookie: with*() chain on the same object, toString()/toArray()/reset(), a refused cookie warns, returns false and empties the object; given to cookie()/setCookie()/rawCookie()/setRawCookie() its own $encode decides and the other arguments are ignored; not cloneable, not serializable
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

$c = new Swoole\Http\Cookie();
$same = $c->withName('n')->withValue('a b;c')->withExpires(1)->withPath('/x')->withDomain('d.org')
    ->withSecure(true)->withHttpOnly(true)->withSameSite('Lax')->withPriority('Low')->withPartitioned(true);
var_dump($same === $c);
var_dump($c->toString());
echo json_encode($c->toArray()), "\n";
var_dump((new Swoole\Http\Cookie(false))->withName('r')->withValue('a%20b')->toString());
var_dump((new Swoole\Http\Cookie())->withName('gone')->toString());
var_dump((new Swoole\Http\Cookie())->withName('session')->withValue('v')->withExpires(-1)->toString());
// Refused: a warning, false, and every field back to its default.
$bad = (new Swoole\Http\Cookie(false))->withName('a=b')->withValue('v');
var_dump($bad->toString());
echo json_encode($bad->toArray()), "\n";
var_dump((new Swoole\Http\Cookie(false))->withName('ok')->withValue('has space')->toString());
$c->reset();
echo json_encode($c->toArray()), "\n";
try { clone $c; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { serialize($c); } catch (Exception $e) { echo $e->getMessage(), "\n"; }

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, 'base']);
kill_on_exit($srv);
$srv->waitForLine('/worker 0 started/');
wait_for_port($port);
[$rc, $out] = curl(['-si', "http://127.0.0.1:$port/cookie-object"]);
// (exec() gives the lines without their CR.)
[$head, $body] = explode("\n\n", $out, 2);
foreach (explode("\n", $head) as $line) {
    if (stripos($line, 'Set-Cookie:') === 0) {
        echo preg_replace('/expires=[^;]+; Max-Age=\d+/', 'expires=(in an hour); Max-Age=(3600 or 3599)', $line), "\n";
    }
}
$j = json_decode($body, true);
echo json_encode($j['returns']), "\n";
echo count($j['cookie']), " in \$response->cookie\n";
$log = $srv->stop();
echo "server: ", preg_match('/The name cannot be empty/', $log) ? "warned for the nameless cookie" : $log, "\n";
?>
--EXPECTF--
bool(true)
string(141) "n=a+b%3Bc; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0; path=/x; domain=d.org; secure; HttpOnly; SameSite=Lax; Priority=Low; Partitioned"
{"name":"n","value":"a b;c","path":"\/x","domain":"d.org","sameSite":"Lax","priority":"Low","encode":true,"expires":1,"secure":true,"httpOnly":true,"partitioned":true}
string(7) "r=a%20b"
string(62) "gone=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0"
string(9) "session=v"

Warning: Swoole\Http\Cookie::toString(): The name cannot contain "=", ",", ";", " ", "\t", "\r", "\n", "\013", or "\014" in %s on line %d
bool(false)
{"name":"","value":"","path":"","domain":"","sameSite":"","priority":"","encode":true,"expires":0,"secure":false,"httpOnly":false,"partitioned":false}

Warning: Swoole\Http\Cookie::toString(): The value cannot contain ",", ";", " ", "\t", "\r", "\n", "\013", or "\014" in %s on line %d
bool(false)
{"name":"","value":"","path":"","domain":"","sameSite":"","priority":"","encode":true,"expires":0,"secure":false,"httpOnly":false,"partitioned":false}
Trying to clone an uncloneable object of class Swoole\Http\Cookie
Serialization of 'Swoole\Http\Cookie' is not allowed
Set-Cookie: full=a+b; expires=(in an hour); Max-Age=(3600 or 3599); path=/p; domain=example.com; secure; HttpOnly; SameSite=Strict; Priority=High; Partitioned
Set-Cookie: enc=1+2
Set-Cookie: raw=x%20y
{"cookie":true,"rawCookie(encoded)":true,"setCookie(raw)":true,"setRawCookie(no name)":false}
3 in $response->cookie
server: warned for the nameless cookie
