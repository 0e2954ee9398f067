--TEST--
Server::addProcess: stats()['user_worker_num'] is 1; a user process that exits is restarted; on SIGTERM to the master the user process gets SIGTERM and nothing is left
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/user_process_server.php', [$port]);
$seen = [];
kill_tree_on_exit($srv, $seen);
$master = $srv->pid;
echo $srv->waitForLine('/^addProcess returned/'), "\n";
wait_for_port($port);
preg_match('/pid=(\d+)$/', $srv->waitForLine('/^user start pid=\d+$/'), $m);
$first = (int)$m[1];
$seen[] = $first;
$srv->waitForLine('/^onWorkerStart id=0 /');
echo "the user process runs under the master: ", var_export(in_array($first, descendants($master), true), true), "\n";

$c = new TestClient($port);
echo ask($c, 'stats'), "\n";

echo "--- the user process exits with code 3: the manager starts a new one\n";
echo ask($c, 'userexit 3'), "\n";
echo "it exited: ";
same($srv->waitForLine('/^user exit /'), "user exit 3 pid=$first");
$starts = $srv->waitForLines('/^user start pid=\d+$/', 2);
preg_match('/pid=(\d+)$/', $starts[1], $m);
$second = (int)$m[1];
$seen[] = $second;
echo "a new process: ", var_export($second !== $first, true), "\n";
echo "the old one is gone: ", var_export(!pid_alive($first), true), "\n";
echo "the new one runs under the master: ", var_export(in_array($second, descendants($master), true), true), "\n";
echo ask($c, 'stats'), "\n";
echo ask($c, 'still serving'), "\n";

echo "--- SIGTERM to the master\n";
$out = $srv->stop();
var_dump($srv->exitCode);
$lines = explode("\n", $out);
echo "the user process got SIGTERM: ";
same(array_values(preg_grep('/^user SIGTERM /', $lines)), ["user SIGTERM pid=$second"]);
echo "user process starts in all: ", count(preg_grep('/^user start /', $lines)), "\n";
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "start() returned, no child left\n" : $out;
echo "user processes alive: ";
same(array_values(array_filter($seen, 'pid_alive')), []);
var_dump(port_listening($port));
$c->close();
?>
--EXPECT--
addProcess returned an int: true
the user process runs under the master: true
user_worker_num=1
--- the user process exits with code 3: the manager starts a new one
sent
it exited: as expected
a new process: true
the old one is gone: true
the new one runs under the master: true
user_worker_num=1
echo:still serving
--- SIGTERM to the master
int(0)
the user process got SIGTERM: as expected
user process starts in all: 2
start() returned, no child left
user processes alive: as expected
bool(false)
