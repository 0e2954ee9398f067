<?php
// Issue 13 item 7: bind failures throw from the constructor / listen(); a
// second constructor call throws Error. Run: php 07_constructor.php
$show = function (string $what, callable $f) {
    try {
        $r = $f();
        echo "$what: returned ", is_object($r) ? get_class($r) : var_export($r, true), " err=", swoole_last_error(), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), " (", $e->getCode(), "): ", $e->getMessage(), "\n";
    }
};
$busy = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)explode(':', stream_socket_get_name($busy, false))[1];
$show('port in use', fn() => new Swoole\Server('127.0.0.1', $port));
$show('port in use process', fn() => new Swoole\Server('127.0.0.1', $port, SWOOLE_PROCESS));
$show('bad address', fn() => new Swoole\Server('1.2.3.4.5', 0));
$show('unresolvable', fn() => new Swoole\Server('no.such.host.invalid', 0));
$show('foreign address', fn() => new Swoole\Server('8.8.8.8', 0));
$show('bad port', fn() => new Swoole\Server('127.0.0.1', 70000));
$show('negative port', fn() => new Swoole\Server('127.0.0.1', -1));
$show('udp in use', function () { $u = stream_socket_server('udp://127.0.0.1:0', $e, $es, STREAM_SERVER_BIND); $p = (int)explode(':', stream_socket_get_name($u, false))[1]; return new Swoole\Server('127.0.0.1', $p, SWOOLE_BASE, SWOOLE_SOCK_UDP); });
$show('unix bad path', fn() => new Swoole\Server('/no/such/dir/x.sock', 0, SWOOLE_BASE, SWOOLE_SOCK_UNIX_STREAM));
$s = new Swoole\Server('127.0.0.1', 0);
$show('listen in use', fn() => $s->listen('127.0.0.1', $port, SWOOLE_SOCK_TCP));
$show('addListener in use', fn() => $s->addListener('127.0.0.1', $port, SWOOLE_SOCK_TCP));
$show('listen bad address', fn() => $s->listen('1.2.3.4.5', 0, SWOOLE_SOCK_TCP));
$show('listen bad port', fn() => $s->listen('127.0.0.1', 70000, SWOOLE_SOCK_TCP));
$show('listen negative port', fn() => $s->listen('127.0.0.1', -5, SWOOLE_SOCK_TCP));
$show('listen bad type', fn() => $s->listen('127.0.0.1', 0, 99));
$show('ctor twice', fn() => $s->__construct('127.0.0.1', 0));
$show('ports after', fn() => count($s->ports));
unset($s);
$p = new Swoole\Process(function () {});
$show('process ctor twice', fn() => $p->__construct(function () {}));
$show('swoole_server alias', fn() => new swoole_server('127.0.0.1', 0));
