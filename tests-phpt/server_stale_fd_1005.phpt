--TEST--
Server: a closed or unknown session fails with error 1005; session ids grow and are never reused
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);

$a = new TestClient($port);
echo ask($a, 'fd'), "\n";
$b = new TestClient($port);
echo ask($b, 'fd'), "\n";

echo "--- live session\n";
echo ask($a, 'exist 2'), "\n";
echo ask($a, 'send 2'), "\n";
var_dump($b->recvExactly(1));

echo "--- closed by the server\n";
echo ask($a, 'close 2'), "\n";
var_dump($b->recvAll());
$srv->waitForLine('/^onClose fd=2$/');
echo ask($a, 'close 2'), "\n";
echo ask($a, 'send 2'), "\n";
echo ask($a, 'exist 2'), "\n";
var_dump(unserialize(ask($a, 'info 2')));
echo ask($a, 'exist 1'), "\n";

echo "--- never existed\n";
echo ask($a, 'send 99'), "\n";
echo ask($a, 'close 99'), "\n";
echo ask($a, 'exist 99'), "\n";
echo ask($a, 'exist 0'), "\n";

echo "--- empty data\n";
echo ask($a, 'sendempty'), "\n";

echo "--- ids keep growing\n";
$c = new TestClient($port);
echo ask($c, 'fd'), "\n";
$cSocket = unserialize(ask($c, 'info'))['socket_fd'];
$c->close();
$srv->waitForLine('/^onClose fd=3$/');
$d = new TestClient($port);
echo ask($d, 'fd'), "\n";
$dSocket = unserialize(ask($d, 'info'))['socket_fd'];
// the kernel hands the freed socket to the new connection, the session id is new
var_dump($dSocket === $cSocket);
// the stale id must not reach the connection that now owns the socket
echo ask($a, 'send 3'), "\n";
echo ask($a, 'exist 3'), "\n";
echo ask($d, 'fd'), "\n";
$e = new TestClient($port);
echo ask($e, 'fd'), "\n";

foreach ([$a, $d, $e] as $client) {
    $client->close();
}
$srv->waitForLines('/^onClose fd=/', 5);
$out = $srv->stop();
var_dump($srv->exitCode);
echo implode("\n", preg_grep('/data sent must not be empty/', explode("\n", $out))), "\n";
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECTF--
fd=1
fd=2
--- live session
exist=true
send=true err=0
string(1) "x"
--- closed by the server
close=true err=0
string(0) ""
close=false err=1005
send=false err=1005
exist=false
bool(false)
exist=true
--- never existed
send=false err=1005
close=false err=1005
exist=false
exist=false
--- empty data
sendempty=false
--- ids keep growing
fd=3
fd=4
bool(true)
send=false err=1005
exist=false
fd=4
fd=5
int(0)
Warning: Swoole\Server::send(): the data sent must not be empty in %s/servers/cmd_server.php on line %d
clean stop
