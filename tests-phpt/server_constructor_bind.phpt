--TEST--
Server constructor as in Swoole 6: a port it cannot bind (bad address, socket type, Unix path) throws Swoole\Exception with Swoole's message and code; a bad mode is an Error; listen()/addListener() return false with the code as the last error and no warning; a second __construct() on a Server or Process throws Error; the Swoole 4 class names stay
--EXTENSIONS--
swoole
--FILE--
<?php
function attempt(string $what, callable $f): mixed
{
    try {
        $r = $f();
        echo "$what: ", is_object($r) ? get_class($r) : var_export($r, true), ", last error ", swoole_last_error(), "\n";
        return $r;
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), " (", $e->getCode(), "): ", $e->getMessage(), "\n";
        return null;
    }
}

echo "=== the constructor\n";
attempt('not an address', fn() => new Swoole\Server('1.2.3.4.5', 0));
attempt('not an IPv6 address', fn() => new Swoole\Server('127.0.0.1.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP6));
attempt('unknown socket type', fn() => new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, 99));
attempt('Unix socket in a missing directory', fn() => new Swoole\Server('/no/such/dir/s.sock', 0, SWOOLE_BASE, SWOOLE_SOCK_UNIX_STREAM));
attempt('negative port', fn() => new Swoole\Server('127.0.0.1', -1, SWOOLE_PROCESS));
attempt('bad mode', fn() => new Swoole\Server('127.0.0.1', 0, 5));

echo "=== listen() and addListener()\n";
$busy = stream_socket_server('tcp://127.0.0.1:0');
$busy_port = (int)substr(strrchr(stream_socket_get_name($busy, false), ':'), 1);
$s = new Swoole\Server('127.0.0.1', 0);
$port = $s->port;
swoole_clear_error();
attempt('listen on a port in use', fn() => $s->listen('127.0.0.1', $busy_port, SWOOLE_SOCK_TCP) === false && swoole_last_error() === 98);
attempt('addListener on a port in use', fn() => $s->addListener('127.0.0.1', $busy_port, SWOOLE_SOCK_TCP));
attempt('listen on port 70000', fn() => $s->listen('127.0.0.1', 70000, SWOOLE_SOCK_TCP));
attempt('listen with type 99', fn() => $s->listen('127.0.0.1', 0, 99));
echo "getLastError(): ", $s->getLastError(), "\n";
attempt('listen on a free port', fn() => $s->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP));
echo "ports: ", count($s->ports), "\n";

echo "=== a second constructor call\n";
attempt('Server', fn() => $s->__construct('127.0.0.1', 0));
echo "the server kept its port: ", var_export($s->port === $port, true), "\n";
class MyServer extends Swoole\Server {}
$m = new MyServer('127.0.0.1', 0);
attempt('a subclass of Server', fn() => $m->__construct('127.0.0.1', 0));
$p = new Swoole\Process(function () {});
attempt('Process', fn() => $p->__construct(function () {}));

echo "=== Swoole 4 names\n";
attempt('swoole_server', fn() => new swoole_server('127.0.0.1', 0));
attempt('swoole_server on a port in use', fn() => new swoole_server('127.0.0.1', $busy_port));
attempt('swoole_process', fn() => new swoole_process(function () {}));
?>
--EXPECTF--
=== the constructor
%sWARNING	ListenPort::create_socket(): Invalid IPv4 address '1.2.3.4.5:0'
not an address: Swoole\Exception (0): failed to listen server port[1.2.3.4.5:0], Error: Success[0]
%sWARNING	ListenPort::create_socket(): Invalid IPv6 address '127.0.0.1.1:0'
not an IPv6 address: Swoole\Exception (0): failed to listen server port[127.0.0.1.1:0], Error: Success[0]
%sWARNING	make_socket(): unknown socket type [99]
unknown socket type: Swoole\Exception (94): failed to listen server port[127.0.0.1:0], Error: Socket type not supported[94]
Unix socket in a missing directory: Swoole\Exception (2): failed to listen server port[/no/such/dir/s.sock:0], Error: No such file or directory[2]
%sERROR	Server::add_port() (ERRNO 9004): invalid port [-1]
negative port: Swoole\Exception (9004): failed to listen server port[127.0.0.1:-1], Error: Server invalid listen port[9004]
bad mode: Error (0): invalid $mode parameters 5
=== listen() and addListener()
listen on a port in use: true, last error 98
addListener on a port in use: false, last error 98
%sERROR	Server::add_port() (ERRNO 9004): invalid port [70000]
listen on port 70000: false, last error 9004
%sWARNING	make_socket(): unknown socket type [99]
listen with type 99: false, last error 94
getLastError(): 94
listen on a free port: Swoole\Server\Port, last error 94
ports: 2
=== a second constructor call
Server: Error (0): Constructor of Swoole\Server can only be called once
the server kept its port: true
a subclass of Server: Error (0): Constructor of MyServer can only be called once
Process: Error (0): Constructor of Swoole\Process can only be called once
=== Swoole 4 names
swoole_server: Swoole\Server, last error 94
swoole_server on a port in use: Swoole\Exception (98): failed to listen server port[127.0.0.1:%d], Error: Address already in use[98]
swoole_process: Swoole\Process, last error 94
