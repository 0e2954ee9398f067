--TEST--
Every place that takes a callable refuses a value that is not one as Swoole does: null gives "illegal callback function", anything else "function 'name' is not callable" with the engine's name for it ('1.5', '1' for true, 'Array', 'Foo::bar', 'stdClass::__invoke'), and the last error is 503: Server::on(), Process\Pool::on(), Client's package_length_func at connect(); in set(), dispatch_func and package_length_func warn the same (the latter under Port::set(), to which the server hands it) and take null silently
--EXTENSIONS--
swoole
--FILE--
<?php
$pool = new Swoole\Process\Pool(1);
var_dump($pool->on('workerStart', 'nope_p'), swoole_last_error());
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
foreach ([null, 1.5, true, ['Foo', 'bar'], [1, 2], new stdClass] as $v) {
    swoole_clear_error();
    var_dump($s->on('receive', $v), swoole_last_error());
}
echo "-- set\n";
$s->set(['dispatch_func' => null, 'package_length_func' => null]);
$s->set(['dispatch_func' => 'nope_a', 'open_length_check' => true, 'package_length_func' => [new stdClass, 'm']]);
$port = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$port->set(['package_length_func' => 7]);
var_dump(isset($s->setting['dispatch_func']), swoole_last_error());
echo "-- client\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_length_check' => true, 'package_length_func' => 'nope_b']);
swoole_clear_error();
var_dump($c->connect('127.0.0.1', 1), swoole_last_error());
?>
--EXPECTF--
Warning: Swoole\Process\Pool::on(): function 'nope_p' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): illegal callback function in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function '1.5' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function '1' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function 'Foo::bar' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function 'Array' is not callable in %s on line %d
bool(false)
int(503)

Warning: Swoole\Server\Port::on(): function 'stdClass::__invoke' is not callable in %s on line %d
bool(false)
int(503)
-- set

Warning: Swoole\Server::set(): function 'nope_a' is not callable in %s on line %d

Warning: Swoole\Server\Port::set(): function 'stdClass::m' is not callable in %s on line %d

Warning: Swoole\Server\Port::set(): function '7' is not callable in %s on line %d
bool(true)
int(503)
-- client

Warning: Swoole\Client::connect(): function 'nope_b' is not callable in %s on line %d
bool(false)
int(503)
