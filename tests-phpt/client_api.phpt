--TEST--
Swoole\Client: framed recv() returns one packet, set() acts at the next connect(), MSG_WAITALL/MSG_PEEK, UDP sendto, getsockname/getpeername, refused connect and timeouts set errCode with a warning, async is refused
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

// a plain PHP server thread-less: a forked child answers
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$udp = stream_socket_server('udp://127.0.0.1:0', $e, $es, STREAM_SERVER_BIND);
$uport = (int)substr(strrchr(stream_socket_get_name($udp, false), ':'), 1);
$pid = pcntl_fork();
if ($pid === 0) {
    $c = stream_socket_accept($server, 5);
    fwrite($c, pack('N', 3) . "one" . pack('N', 5) . "three");
    $raw = stream_socket_accept($server, 5);
    fwrite($raw, "0123456789");
    $msg = stream_socket_recvfrom($udp, 100, 0, $peer);
    stream_socket_sendto($udp, "udp:$msg", 0, $peer);
    fread($c, 10); // wait for the client to finish
    exit(0);
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_length_check' => true, 'package_length_type' => 'N', 'package_body_offset' => 4]);
var_dump($c->connect('127.0.0.1', $port, 1.0), $c->isConnected());
var_dump(bin2hex($c->recv()), bin2hex($c->recv()));
// set() after connect() keeps the live connection's framing (Swoole reads
// the settings in connect()); the next connect() has none
$c->set(['open_length_check' => false]);
$r = new Swoole\Client(SWOOLE_SOCK_TCP);
$r->connect('127.0.0.1', $port, 1.0);
var_dump($r->recv(4, Swoole\Client::MSG_PEEK), $r->recv(10, Swoole\Client::MSG_WAITALL));
var_dump($c->getsockname()['host'], $c->getpeername()['port'] === $port);
$c->send("bye");
var_dump($c->close(), $c->isConnected());

$u = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($u->connect('127.0.0.1', $uport), $u->send("ping"), $u->recv());
pcntl_waitpid($pid, $st);

echo "--- errors\n";
$r = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($r->connect('127.0.0.1', free_port(), 0.5), $r->errCode, $r->errMsg);
$t = new swoole_client(SWOOLE_SOCK_TCP);
$silent = stream_socket_server('tcp://127.0.0.1:0');
$sp = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
$t->set(['timeout' => 0.1]);
var_dump($t->connect('127.0.0.1', $sp));
var_dump($t->recv(), $t->errCode);
try {
    new Swoole\Client(SWOOLE_SOCK_TCP, SWOOLE_SOCK_ASYNC);
} catch (Swoole\Exception $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
bool(true)
string(14) "000000036f6e65"
string(18) "000000057468726565"
string(4) "0123"
string(10) "0123456789"
string(9) "127.0.0.1"
bool(true)
bool(true)
bool(false)
bool(true)
int(4)
string(8) "udp:ping"
--- errors

Warning: Swoole\Client::connect(): connect to server[127.0.0.1:%d] failed. Error: Connection refused[111] in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
bool(true)

Warning: Swoole\Client::recv(): recv() failed, Error: Resource temporarily unavailable[11] in %s on line %d
bool(false)
int(11)
Swoole\Exception: the asynchronous Swoole\Client (SWOOLE_SOCK_ASYNC) was removed from Swoole in 4.3; use the synchronous client
