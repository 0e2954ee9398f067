--TEST--
Server: a worker killed with SIGKILL is reported to onWorkerError (signal 9) and replaced; the server keeps answering
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 4]);
kill_on_exit($srv);
wait_for_port($port);
$starts = $srv->waitForLines('/^onWorkerStart /', 4);
$workers = pids_in(implode("\n", $starts), '/onWorkerStart/');
sort($workers);
echo count(array_unique($workers)), " workers started\n";
$srv->waitForLine('/^onManagerStart /');
$master = $srv->pid;

// find the worker serving this connection and kill it
$victimClient = new TestClient($port);
preg_match('/^pid=(\d+) wid=(\d+)$/', ask($victimClient, 'pid'), $m);
[$victim, $victimId] = [(int)$m[1], (int)$m[2]];
var_dump(in_array($victim, $workers, true));
posix_kill($victim, SIGKILL);

// the master sees it die and runs onWorkerError
$line = $srv->waitForLine('/^onWorkerError /');
same($line, "onWorkerError id=$victimId pid=$victim exit_code=0 signal=9 in=$master");
echo $srv->waitForLine('/abnormal exit/'), "\n";

// a replacement with the same id starts
$line = $srv->waitForLine("/^onWorkerStart id=$victimId pid=(?!$victim\\b)\\d+$/");
$replacement = pids_in($line, '/onWorkerStart/')[0];
var_dump(pid_alive($replacement), pid_alive($victim));
var_dump($victimClient->recvAll());
$victimClient->close();

// still four workers, and new connections are answered
$now = child_pids($master);
sort($now);
var_dump(count($now), in_array($replacement, $now, true), in_array($victim, $now, true));
$answers = [];
for ($i = 0; $i < 8; $i++) {
    $c = new TestClient($port);
    $answers[] = preg_match('/^pid=\d+ wid=[0-3]$/', ask($c, 'pid'));
    $c->close();
}
echo "answered: ", array_sum($answers), "/8\n";

$out = $srv->stop();
var_dump($srv->exitCode);
echo "onWorkerError lines: ", count(preg_grep('/^onWorkerError /', explode("\n", $out))), "\n";
echo "onWorkerStart lines: ", count(preg_grep('/^onWorkerStart /', explode("\n", $out))), "\n";
echo "onWorkerStop lines: ", count(preg_grep('/^onWorkerStop /', explode("\n", $out))), "\n";
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
$left = array_filter(array_merge($workers, [$replacement]), 'pid_alive');
var_dump($left);
?>
--EXPECTF--
4 workers started
bool(true)
as expected
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=%d) abnormal exit, status=0, signal=9
bool(true)
bool(false)
string(0) ""
int(4)
bool(true)
bool(false)
answered: 8/8
int(0)
onWorkerError lines: 1
onWorkerStart lines: 5
onWorkerStop lines: 4
clean stop
array(0) {
}
