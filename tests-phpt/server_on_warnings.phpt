--TEST--
Server::on() and Port::on() refuse as Swoole: an unknown event warns first (even with a non-callable), a value that is not callable warns "function 'x' is not callable" (no TypeError), each returns false; the server's warnings for port events name Swoole\Server\Port::on() as Swoole's do, its own events (task) Swoole\Server::on(); the last error is 510 after an unknown event, 503 after a non-callable; nothing is registered
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($s->on('nosuchevent', 'no_such_function'));
var_dump($s->getLastError());
var_dump($s->on('receive', 123));
var_dump($s->getLastError());
var_dump($s->on('connect', 'no_such_function'));
var_dump($s->on('task', 'no_such_function'));
$p = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
var_dump($p->on('receive', [new stdClass, 'nope']));
var_dump($p->on('nosuch', 'strlen'));
var_dump($s->getCallback('receive'), $s->getCallback('task'), $p->getCallback('receive'));
var_dump($s->on('receive', 'strlen'), $s->getCallback('receive'));
?>
--EXPECTF--
Warning: Swoole\Server\Port::on(): unknown event types[nosuchevent] in %s on line %d
bool(false)
int(510)

Warning: Swoole\Server\Port::on(): function '123' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function 'no_such_function' is not callable in %s on line %d
bool(false)

Warning: Swoole\Server::on(): function 'no_such_function' is not callable in %s on line %d
bool(false)

Warning: Swoole\Server\Port::on(): function 'stdClass::nope' is not callable in %s on line %d
bool(false)

Warning: Swoole\Server\Port::on(): unknown event types[nosuch] in %s on line %d
bool(false)
NULL
NULL
NULL
bool(true)
string(6) "strlen"
