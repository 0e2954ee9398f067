--TEST--
Server: $server->connections in onReceive with 3 clients: count, foreach (keys from 1, values are session ids), isset, offsetGet
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1]);
kill_on_exit($srv);
wait_for_port($port);

$clients = [];
foreach (['a', 'b', 'c'] as $name) {
    $clients[$name] = new TestClient($port);
    echo "$name: ", ask($clients[$name], 'fd'), "\n";
}
echo "--- three connections\n";
echo str_replace(' ', "\n", ask($clients['b'], 'conns')), "\n";

echo "--- b leaves\n";
$clients['b']->close();
$srv->waitForLine('/^onClose fd=2$/');
echo str_replace(' ', "\n", ask($clients['c'], 'conns')), "\n";

echo "--- the server closes a\n";
echo ask($clients['c'], 'close 1'), "\n";
$srv->waitForLine('/^onClose fd=1$/');
echo str_replace(' ', "\n", ask($clients['c'], 'conns')), "\n";

$clients['c']->close();
$srv->waitForLine('/^onClose fd=3$/');
$out = $srv->stop();
var_dump($srv->exitCode);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECT--
a: fd=1
b: fd=2
c: fd=3
--- three connections
class=Swoole\Connection\Iterator
count=3
foreach=[1=>1,2=>2,3=>3]
rewinds=true
isset_self=true
isset_999=false
get_self_is_info=true
get_999=false
--- b leaves
class=Swoole\Connection\Iterator
count=2
foreach=[1=>1,2=>3]
rewinds=true
isset_self=true
isset_999=false
get_self_is_info=true
get_999=false
--- the server closes a
close=true err=0
class=Swoole\Connection\Iterator
count=1
foreach=[1=>3]
rewinds=true
isset_self=true
isset_999=false
get_self_is_info=true
get_999=false
int(0)
clean stop
