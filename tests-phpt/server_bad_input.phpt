--TEST--
Server: weak-mode arguments, TypeErrors, set()/on() warnings, calls while running, and start() twice
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

function attempt(callable $f): void
{
    try {
        $r = $f();
        echo "returned ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
}

echo "=== weak mode\n";
$s = new Swoole\Server('127.0.0.1', "0");
var_dump($s->port > 0);
$s = new Swoole\Server('127.0.0.1', " 0");
var_dump($s->port > 0);
$s = new Swoole\Server('127.0.0.1', 0.0);
var_dump($s->port > 0);
// null for a scalar parameter of an internal function is deprecated, naming the declared type
$s = new Swoole\Server('127.0.0.1', null);
var_dump($s->port > 0);

echo "=== TypeErrors\n";
attempt(fn() => new Swoole\Server('127.0.0.1', "abc"));
attempt(fn() => new Swoole\Server('127.0.0.1', []));
// Not a TypeError: Swoole's warning, named after Port::on(), which checks port events.
attempt(fn() => $s->on('receive', 'no_such_fn'));
attempt(fn() => $s->set("worker_num=2"));
attempt(fn() => $s->send([], "data"));

echo "=== the exception points at the caller\n";
try {
    new Swoole\Server('127.0.0.1', 0, 3);
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
    var_dump(basename($e->getFile()), $e->getLine() === __LINE__ - 3);
}

echo "=== on()\n";
var_dump($s->on('bogus', 'strlen'));
var_dump($s->on('Receive', 'strlen'));

echo "=== set()\n";
var_dump($s->set(['wroker_num' => 2]));
var_dump($s->setting);
var_dump($s->set(['worker_num' => -1]));
var_dump($s->set(['max_request' => 'lots']));
var_dump($s->setting);
var_dump($s->set(['worker_num' => 3]));
var_dump($s->setting['worker_num']);

echo "=== start() without onReceive\n";
echo output_and_exit_of("<?php\n\$t = new Swoole\\Server('127.0.0.1', 0);\nvar_dump(\$t->start());\necho \"not reached\\n\";\n"), "\n";

echo "=== calls while running, then start() again\n";
$port = free_port();
$p = new ServerProcess(__DIR__ . '/servers/running_calls.php', [$port], ['log_errors' => 0]);
kill_on_exit($p);
echo $p->wait(4);
var_dump($p->exitCode);
?>
--EXPECTF--
=== weak mode
bool(true)
bool(true)
bool(true)

Deprecated: Swoole\Server::__construct(): Passing null to parameter #2 ($port) of type int is deprecated in %s on line %d
bool(true)
=== TypeErrors
TypeError: Swoole\Server::__construct(): Argument #2 ($port) must be of type int, string given
TypeError: Swoole\Server::__construct(): Argument #2 ($port) must be of type int, array given

Warning: Swoole\Server\Port::on(): function 'no_such_fn' is not callable in %s on line %d
returned false
TypeError: Swoole\Server::set(): Argument #1 ($settings) must be of type array, string given
TypeError: Swoole\Server::send(): Argument #1 ($fd) must be of type string|int, array given
=== the exception points at the caller
Error: invalid $mode parameters 3
string(%d) "server_bad_input.php"
bool(true)
=== on()

Warning: Swoole\Server\Port::on(): unknown event types[bogus] in %s on line %d
bool(false)
bool(true)
=== set()

Warning: unsupported option [wroker_num] in %s on line %d
bool(true)
array(1) {
  ["wroker_num"]=>
  int(2)
}

Warning: Swoole\Server::set(): setting 'worker_num' is out of range: -1 (must be between 0 and 2000) in %s on line %d
bool(true)

Warning: Swoole\Server::set(): setting 'max_request' must be of type int, string given in %s on line %d
bool(true)
array(1) {
  ["wroker_num"]=>
  int(2)
}
bool(true)
int(3)
=== start() without onReceive
Fatal error: Swoole\Server::start(): require onReceive callback in %s on line %d
exit status 255
=== calls while running, then start() again
Warning: Swoole\Server::set(): server is running, unable to execute Swoole\Server->set in %s/servers/running_calls.php on line %d
set: false
Warning: Swoole\Server::on(): server is running, unable to register event callback function in %s/servers/running_calls.php on line %d
on: false
Warning: Swoole\Server::start(): The server is running, unable to execute Swoole\Server->start() in %s/servers/running_calls.php on line %d
start: false
worker_num still: 1
shutdown: true
first start: true
Warning: Swoole\Server::start(): The server have been shutdown, unable to execute Swoole\Server->start() in %s/servers/running_calls.php on line %d
second start: false
Warning: Swoole\Server::on(): server have been shutdown, unable to register event callback function in %s/servers/running_calls.php on line %d
on after shutdown: false
Warning: Swoole\Server::set(): server have been shutdown, unable to execute Swoole\Server->set in %s/servers/running_calls.php on line %d
set after shutdown: false
int(0)
