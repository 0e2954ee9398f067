--TEST--
Classes shaped as Swoole 6.2.1's: new refused where Swoole refuses it (Timer, Event, Port's private constructor, Connection\Iterator), Server\Task without a constructor, __destruct for parent::__destruct(), Event::cycle()'s required callback, callbacks kept in Swoole's private properties
--EXTENSIONS--
swoole
--FILE--
<?php
function attempt(string $what, callable $f): void
{
    try {
        $r = $f();
        echo "$what: ", is_object($r) ? get_class($r) : json_encode($r), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "--- new\n";
attempt('Timer', fn() => new Swoole\Timer());
attempt('Event', fn() => new Swoole\Event());
attempt('Port', fn() => new Swoole\Server\Port());
attempt('Connection\Iterator', fn() => new Swoole\Connection\Iterator());
var_dump(new Swoole\Server\Task());

echo "--- __destruct\n";
class MyServer extends Swoole\Server
{
    public function __destruct()
    {
        echo "MyServer::__destruct\n";
        parent::__destruct();
    }
}
class MyProcess extends Swoole\Process
{
    public function __destruct()
    {
        echo "MyProcess::__destruct\n";
        parent::__destruct();
    }
}
class MyClient extends Swoole\Client
{
    public function __destruct()
    {
        echo "MyClient::__destruct\n";
        parent::__destruct();
    }
}
$s = new MyServer('127.0.0.1', 0);
$s->__destruct();
echo "still usable: ", json_encode($s->set(['worker_num' => 1])), "\n";
unset($s);
$p = new MyProcess(function () {});
unset($p);
$c = new MyClient(SWOOLE_SOCK_TCP);
unset($c);

echo "--- Swoole 6 arities\n";
attempt('Event::cycle()', fn() => Swoole\Event::cycle());

echo "--- callbacks in the private properties\n";
$s = new Swoole\Server('127.0.0.1', 0);
$start = function () {};
$s->on('start', $start);
$s->on('Receive', 'strlen');
$port = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$port->on('connect', 'strtoupper');
$read = fn(object $o, string $class, string $name) => (new ReflectionProperty($class, $name))->getValue($o);
var_dump($read($s, 'Swoole\Server', 'onStart') === $start);
var_dump($read($s->ports[0], 'Swoole\Server\Port', 'onReceive'));
var_dump($read($port, 'Swoole\Server\Port', 'onConnect'));
var_dump($read($port, 'Swoole\Server\Port', 'onReceive'));
?>
--EXPECT--
--- new
Timer: Error: The object of Swoole\Timer can not be created for security reasons
Event: Error: The object of Swoole\Event can not be created for security reasons
Port: Error: Call to private Swoole\Server\Port::__construct() from global scope
Connection\Iterator: Error: please use the Swoole\Server->connections
object(Swoole\Server\Task)#3 (5) {
  ["data"]=>
  NULL
  ["dispatch_time"]=>
  float(0)
  ["id"]=>
  int(-1)
  ["worker_id"]=>
  int(-1)
  ["flags"]=>
  int(0)
}
--- __destruct
MyServer::__destruct
still usable: true
MyServer::__destruct
MyProcess::__destruct
MyClient::__destruct
--- Swoole 6 arities
Event::cycle(): ArgumentCountError: Swoole\Event::cycle() expects at least 1 argument, 0 given
--- callbacks in the private properties
bool(true)
string(6) "strlen"
string(10) "strtoupper"
NULL
