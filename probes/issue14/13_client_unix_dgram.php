<?php
// Item 13: a SWOOLE_SOCK_UNIX_DGRAM client binds its own socket file on
// connect() (so a peer can answer it), removed on close(); sendto() works on
// datagram clients; a peer whose queue stays full: false + errCode, no warning.
$srvPath = sys_get_temp_dir() . "/probe13_" . getmypid() . ".sock";
@unlink($srvPath);
$peer = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($peer, $srvPath);
$mask = fn($s) => preg_replace('/\d+/', 'N', (string)$s);

$c = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
var_dump($c->connect($srvPath, 0, 1));
$own = "/tmp/swoole-client." . getmypid() . "." . $c->sock . ".sock";
var_dump(file_exists($own));
var_dump($c->send("hello"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf, $from === $own);
socket_sendto($peer, "reply", 5, 0, $from);
var_dump($c->recv());
$name = $c->getsockname();
var_dump($name['host'] === $own, $name['port']);
var_dump($c->getpeername());
var_dump($c->sendto($srvPath, 0, "via sendto"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf);
var_dump($c->close());
clearstatcache();
var_dump(file_exists($own));

echo "--- sendto without connect\n";
$d = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
var_dump($d->sendto($srvPath, 0, "unconnected"));
socket_recvfrom($peer, $buf, 100, 0, $from);
var_dump($buf, $from);
var_dump($d->isConnected());
var_dump($d->close());

echo "--- full peer queue\n";
$f = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
$f->connect($srvPath, 0, 0.3);
$t = microtime(true);
$sent = 0;
for ($i = 0; $i < 100000; $i++) {
    $r = $f->sendto($srvPath, 0, str_repeat('x', 1000));
    if ($r !== true) {
        break;
    }
    $sent++;
}
var_dump($r, $sent > 0, $f->errCode, swoole_last_error());
printf("blocked about %.1f s\n", microtime(true) - $t);
$f->close();

echo "--- sendto on udp / udp6 / tcp / empty\n";
$u = stream_socket_server('udp://127.0.0.1:0', $e, $es, STREAM_SERVER_BIND);
$uport = (int)substr(strrchr(stream_socket_get_name($u, false), ':'), 1);
$uc = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($uc->sendto('127.0.0.1', $uport, "u4"), stream_socket_recvfrom($u, 100));
$u6 = @stream_socket_server('udp://[::1]:0', $e, $es, STREAM_SERVER_BIND);
if ($u6) {
    $u6port = (int)substr(strrchr(stream_socket_get_name($u6, false), ':'), 1);
    $uc6 = new Swoole\Client(SWOOLE_SOCK_UDP6);
    var_dump($uc6->sendto('::1', $u6port, "u6"), stream_socket_recvfrom($u6, 100));
}
$tc = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($tc->sendto('127.0.0.1', $uport, "tcp"), $tc->errCode);
$ec = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($ec->sendto('127.0.0.1', $uport, ""));
@unlink($srvPath);
