--TEST--
Server: a fatal error (engine bailout) in a worker ends only that worker; it is reported, replaced, and the rest keeps serving
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 2], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$master = $srv->pid;

$c = new TestClient($port);
preg_match('/^pid=(\d+) wid=(\d+)$/', ask($c, 'pid'), $m);
[$pid, $wid] = [(int)$m[1], (int)$m[2]];
var_dump(ask($c, 'fatal'));
echo $srv->waitForLine('/Fatal error: Cannot redeclare/'), "\n";
$line = $srv->waitForLine('/^onWorkerError /');
same($line, "onWorkerError id=$wid pid=$pid exit_code=255 signal=0 in=$master");
$srv->waitForLine("/^onWorkerStart id=$wid pid=(?!$pid\\b)\\d+$/");
var_dump(pid_alive($pid));

$d = new TestClient($port);
echo ask($d, 'still serving'), "\n";
var_dump(count(child_pids($master)));

$out = $srv->stop();
var_dump($srv->exitCode);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECTF--
string(0) ""
%AFatal error: Cannot redeclare fatal_twice() (previously declared in %s : eval()'d code:1) in %s : eval()'d code on line 1
as expected
bool(false)
echo:still serving
int(2)
int(0)
clean stop
