--TEST--
PROXY protocol on a SWOOLE_SSL port (its own or inherited from the server) is refused at start() with a warning naming the port, until the header can be read before the handshake
--EXTENSIONS--
swoole
--FILE--
<?php
// The server's own port is TLS.
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
$s->set(['open_proxy_protocol' => true, 'worker_num' => 1]);
$s->on('receive', function () {});
var_dump($s->start());

// A plain server whose TLS listener inherits open_proxy_protocol.
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['open_proxy_protocol' => 1, 'worker_num' => 1]);
$s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP | SWOOLE_SSL);
$s->on('receive', function () {});
var_dump($s->start());
echo "done\n";
?>
--EXPECTF--
Warning: Swoole\Server::start(): 127.0.0.1:%d: open_proxy_protocol on a SWOOLE_SSL port is not supported yet in %s on line %d
bool(false)

Warning: Swoole\Server::start(): 127.0.0.1:%d: open_proxy_protocol on a SWOOLE_SSL port is not supported yet in %s on line %d
bool(false)
done
