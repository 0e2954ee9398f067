--TEST--
Server: SIGTERM to the master of a 3-worker server stops every worker cleanly (exit 0, no zombie, no orphan)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 3]);
kill_on_exit($srv);
wait_for_port($port);
$starts = $srv->waitForLines('/^onWorkerStart /', 3);
$srv->waitForLine('/^onManagerStart /');
$workers = pids_in(implode("\n", $starts), '/onWorkerStart/');
$master = $srv->pid;
$children = child_pids($master);
sort($children);
sort($workers);
echo "workers are the master's children: ";
same($children, $workers);

// one connection is open while the signal arrives
$c = new TestClient($port);
echo ask($c, 'hello'), "\n";

$out = $srv->stop();
var_dump($srv->exitCode);
var_dump($c->recvAll());

$lines = explode("\n", $out);
$stops = array_values(preg_grep('/^onWorkerStop /', $lines));
sort($stops);
echo implode("\n", preg_replace('/ pid=\d+/', '', $stops)), "\n";
$stopPids = pids_in(implode("\n", $stops), '/onWorkerStop/');
sort($stopPids);
echo "each worker ran onWorkerStop itself: ";
same($stopPids, $workers);
$tail = array_values(preg_grep('/^(onManagerStop|onShutdown|after start)/', $lines));
echo implode("\n", preg_replace('/ pid=\d+/', '', $tail)), "\n";
echo "onShutdown ran in the master: ";
same(pids_in($out, '/^onShutdown /'), [$master]);
echo "no error, no extra worker: ";
same(array_values(preg_grep('/^(onWorkerError|\[)|Warning|Fatal|abnormal|timeout/', $lines)), []);
same(count(preg_grep('/^onWorkerStart /', $lines)), 3);
echo "workers left: ";
same(array_values(array_filter($workers, 'pid_alive')), []);
var_dump(port_listening($port));
?>
--EXPECT--
workers are the master's children: as expected
echo:hello
int(0)
string(0) ""
onWorkerStop id=0
onWorkerStop id=1
onWorkerStop id=2
each worker ran onWorkerStop itself: as expected
onManagerStop
onShutdown
after start: true children=[]
onShutdown ran in the master: as expected
no error, no extra worker: as expected
as expected
workers left: as expected
bool(false)
