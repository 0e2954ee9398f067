--TEST--
Global functions of features this extension lacks (coroutines, coroutine DNS, name resolvers, tracer) exist and fail with a warning; swoole_coroutine_socketpair() works without coroutines
--EXTENSIONS--
swoole
--FILE--
<?php
echo "== coroutines\n";
$ran = false;
var_dump(swoole_coroutine_create(function () use (&$ran) { $ran = true; }, 1, 2));
var_dump(go(function () use (&$ran) { $ran = true; }));
var_dump($ran);
swoole_coroutine_defer(fn() => 1);
defer(fn() => 1);
swoole_test_kernel_coroutine(1, 0.01);
try {
    swoole_coroutine_create('no_such_function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}

echo "== DNS\n";
var_dump(swoole_async_dns_lookup_coro('localhost'));
swoole_clear_dns_cache();  // there is no cache: nothing to clear, nothing said
echo "cleared\n";

echo "== name resolvers (their classes are not part of this extension)\n";
foreach ([fn() => swoole_name_resolver_lookup('localhost', new stdClass), fn() => swoole_name_resolver_add(1)] as $f) {
    try {
        $f();
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}

echo "== tracer: off without swoole.profile / swoole.leak_detection\n";
var_dump(swoole_tracer_prof_begin(), swoole_tracer_prof_begin(['x' => 1]), swoole_tracer_prof_end('/dev/null'));
swoole_tracer_leak_detect(10);
try {
    swoole_tracer_prof_begin('x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}

echo "== swoole_coroutine_socketpair\n";
[$a, $b] = swoole_coroutine_socketpair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
var_dump(get_class($a), $a->domain, $a->type, $a->protocol, $a->fd !== $b->fd);
var_dump($a->send('ping'), $b->recv(), $b->send('pong'), $a->recv(1024, 1.0));
var_dump($a->close(), $b->recv());
var_dump(swoole_coroutine_socketpair(999, 999, 0));
?>
--EXPECTF--
== coroutines

Warning: swoole_coroutine_create(): coroutines are not supported by this extension in %s on line %d
bool(false)

Warning: go(): coroutines are not supported by this extension in %s on line %d
bool(false)
bool(false)

Warning: swoole_coroutine_defer(): coroutines are not supported by this extension in %s on line %d

Warning: defer(): coroutines are not supported by this extension in %s on line %d

Warning: swoole_test_kernel_coroutine(): coroutines are not supported by this extension in %s on line %d
swoole_coroutine_create(): Argument #1 ($func) must be a valid callback, function "no_such_function" not found or invalid function name
== DNS

Warning: swoole_async_dns_lookup_coro(): coroutine DNS lookups are not supported by this extension; use gethostbyname() in %s on line %d
bool(false)
cleared
== name resolvers (their classes are not part of this extension)
swoole_name_resolver_lookup(): Argument #2 ($ctx) must be of type Swoole\NameResolver\Context, stdClass given
swoole_name_resolver_add(): Argument #1 ($ns) must be of type Swoole\NameResolver, int given
== tracer: off without swoole.profile / swoole.leak_detection
bool(false)
bool(false)
bool(false)
swoole_tracer_prof_begin(): Argument #1 ($options) must be of type ?array, string given
== swoole_coroutine_socketpair
string(23) "Swoole\Coroutine\Socket"
int(1)
int(1)
int(0)
bool(true)
int(4)
string(4) "ping"
int(4)
string(4) "pong"
bool(true)
string(0) ""

Warning: swoole_coroutine_socketpair(): failed to create socket, Error: %s[%d] in %s on line %d
bool(false)
