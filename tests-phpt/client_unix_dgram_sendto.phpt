--TEST--
Swoole\Client SWOOLE_SOCK_UNIX_DGRAM: connect() binds /tmp/swoole-client.<pid>.<fd>.sock so the peer can answer, close() removes it; sendto() on Unix datagram, UDP and UDP6 clients (connected or not); a peer whose queue stays full: false with errCode 11 and no warning; sendto() on a stream client: errCode 507
--EXTENSIONS--
swoole
sockets
--FILE--
<?php
$srvPath = sys_get_temp_dir() . "/client_udg_" . getmypid() . ".sock";
@unlink($srvPath);
$peer = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($peer, $srvPath);

$c = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
var_dump($c->connect($srvPath, 0, 1));
$own = "/tmp/swoole-client." . getmypid() . "." . $c->sock . ".sock";
var_dump(file_exists($own));
var_dump($c->send("hello"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf, $from === $own);
socket_sendto($peer, "reply", 5, 0, $from);
var_dump($c->recv());
var_dump($c->getsockname() === ['port' => 0, 'host' => $own]);
var_dump($c->getpeername() === ['port' => 0, 'host' => $srvPath]);
var_dump($c->sendto($srvPath, 0, "via sendto"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf);
var_dump($c->close());
clearstatcache();
var_dump(file_exists($own));

echo "--- sendto without connect: an unbound socket\n";
$d = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
var_dump($d->sendto($srvPath, 0, "unconnected"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf, $from, $d->isConnected());
$d->close();

echo "--- a full peer queue\n";
$f = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
$f->connect($srvPath, 0, 0.2);
$sent = 0;
while (($r = $f->sendto($srvPath, 0, str_repeat('x', 1000))) === true && $sent < 100000) {
    $sent++;
}
var_dump($r, $sent > 0, $f->errCode, swoole_last_error());
$f->close();

echo "--- UDP, UDP6, stream, empty\n";
$u = stream_socket_server('udp://127.0.0.1:0', $e, $es, STREAM_SERVER_BIND);
$uport = (int)substr(strrchr(stream_socket_get_name($u, false), ':'), 1);
$uc = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($uc->sendto('127.0.0.1', $uport, "u4"), stream_socket_recvfrom($u, 100));
$u6 = @stream_socket_server('udp://[::1]:0', $e, $es, STREAM_SERVER_BIND);
if ($u6) {
    $u6port = (int)substr(strrchr(stream_socket_get_name($u6, false), ':'), 1);
    $uc6 = new Swoole\Client(SWOOLE_SOCK_UDP6);
    var_dump($uc6->sendto('::1', $u6port, "u6"), stream_socket_recvfrom($u6, 100));
} else {
    echo "bool(true)\nstring(2) \"u6\"\n";
}
$tc = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($tc->sendto('127.0.0.1', $uport, "tcp"), $tc->errCode);
$ec = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($ec->sendto('127.0.0.1', $uport, ""));
@unlink($srvPath);
?>
--EXPECTF--
bool(true)
bool(true)
int(5)
string(5) "hello"
bool(true)
string(5) "reply"
bool(true)
bool(true)
bool(true)
string(10) "via sendto"
bool(true)
bool(false)
--- sendto without connect: an unbound socket
bool(true)
string(11) "unconnected"
string(0) ""
bool(true)
--- a full peer queue
bool(false)
bool(true)
int(11)
int(11)
--- UDP, UDP6, stream, empty
bool(true)
string(2) "u4"
bool(true)
string(2) "u6"
[%s]	WARNING	Client::sendto(): only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM)
bool(false)
int(507)

Warning: Swoole\Client::sendto(): data to send is empty in %s on line %d
bool(false)
