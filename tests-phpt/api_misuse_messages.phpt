--TEST--
Misuse warnings as Swoole gives them: Server::exist/getClientInfo/getClientList/stats/heartbeat before start(); Client::recv/getsockname/getpeername/shutdown/close without a connection, sendto() to a port out of range; Process::setAffinity() with a CPU that is not a number
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0);
var_dump($s->exist(1), $s->getClientInfo(1), $s->getClientList(), $s->stats(), $s->heartbeat());
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->recv(), $c->getsockname(), $c->getpeername(), $c->shutdown(2), $c->close());
var_dump($c->sendto('127.0.0.1', 70000, 'x'));
// "x" used to be taken for CPU 0.
var_dump(Swoole\Process::setAffinity(['x']));
?>
--EXPECTF--
Warning: Swoole\Server::exist(): server is not running in %s on line %d

Warning: Swoole\Server::getClientInfo(): server is not running in %s on line %d

Warning: Swoole\Server::getClientList(): server is not running in %s on line %d

Warning: Swoole\Server::stats(): server is not running in %s on line %d

Warning: Swoole\Server::heartbeat(): server is not running in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)

Warning: Swoole\Client::recv(): client is not connected to server in %s on line %d

Warning: Swoole\Client::getsockname(): client is not connected to server in %s on line %d

Warning: Swoole\Client::getpeername(): client is not connected to server in %s on line %d

Warning: Swoole\Client::shutdown(): client is not connected to server in %s on line %d

Warning: Swoole\Client::close(): client is not connected to the server in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)

Warning: Swoole\Client::sendto(): The port is invalid in %s on line %d
bool(false)

Warning: Swoole\Process::setAffinity(): invalid cpu id [x] in %s on line %d
bool(false)
