--TEST--
Server: dynamic properties on Swoole\Server (and subclasses) work without deprecation, also inside callbacks
--EXTENSIONS--
swoole
--INI--
error_reporting=-1
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

class MyServer extends Swoole\Server
{
}

echo "=== in this process\n";
$s = new Swoole\Server('127.0.0.1', 0);
$s->fdlist = [];
$s->fdlist[] = 7;
$s->counter = 1;
$s->counter++;
var_dump($s->fdlist, $s->counter, isset($s->fdlist), property_exists($s, 'counter'));
unset($s->counter);
var_dump(isset($s->counter));
// declared properties are untouched
var_dump($s->worker_id, $s->port > 0);
$m = new MyServer('127.0.0.1', 0);
$m->extra = 'x';
var_dump($m->extra);

echo "=== in a running server\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/dynamic_props.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
echo $srv->waitForLine('/^worker started/'), "\n";
$a = new TestClient($port);
echo ask($a, 'x'), "\n";
$b = new TestClient($port);
echo ask($b, 'x'), "\n";
$a->close();
echo $srv->waitForLine('/^closed 1,/'), "\n";
echo ask($b, 'x'), "\n";
$b->close();
echo $srv->waitForLine('/^closed 2,/'), "\n";
$out = $srv->stop();
var_dump($srv->exitCode);
echo implode("\n", preg_grep('/^after start|Deprecated|Warning/', explode("\n", $out))), "\n";
?>
--EXPECT--
=== in this process
array(1) {
  [0]=>
  int(7)
}
int(2)
bool(true)
bool(true)
bool(false)
int(-1)
bool(true)
string(1) "x"
=== in a running server
worker started, fdlist=[]
{"fdlist":[1],"hits":1,"tag":"set before start"}
{"fdlist":[1,2],"hits":2,"tag":"set before start"}
closed 1, fdlist=[2]
{"fdlist":[2],"hits":3,"tag":"set before start"}
closed 2, fdlist=[]
int(0)
after start: fdlist=[] hits=3
