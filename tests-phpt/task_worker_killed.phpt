--TEST--
Server: a task worker killed with SIGKILL while busy is reported to onWorkerError (signal 9) and replaced under the same id (its onWorkerStart runs again); the tasks queued behind the lost one run in the replacement, and the other task worker is unaffected
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_workers_life.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$starts = $srv->waitForLines('/^onWorkerStart /', 3);
sort($starts);
echo preg_replace('/pid=\d+/', 'pid=P', implode("\n", $starts)), "\n";
$master = $srv->pid;
$tw1 = pids_in($srv->output(), '/^onWorkerStart id=1 /')[0];
$tw2 = pids_in($srv->output(), '/^onWorkerStart id=2 /')[0];

$c = new TestClient($port);
echo ask($c, 'hold'), "\n";
same($srv->waitForLine('/^busy /'), "busy id=1 pid=$tw1");
// two more tasks wait behind the busy one
echo ask($c, 'burst 2'), "\n";
posix_kill($tw1, SIGKILL);

same($srv->waitForLine('/^onWorkerError /'), "onWorkerError id=1 pid=$tw1 exit_code=0 signal=9 in=$master");
echo $srv->waitForLine('/abnormal exit/'), "\n";
$line = $srv->waitForLine("/^onWorkerStart id=1 pid=(?!$tw1\\b)\\d+ /");
$new = pids_in($line, '/onWorkerStart/')[0];
echo preg_replace('/pid=\d+/', 'pid=P', $line), "\n";
var_dump(pid_alive($tw1), pid_alive($new));
// the tasks that waited are run by the replacement; the killed one is lost
$lines = $srv->waitForLines('/^onFinish /', 2);
same($lines, ["onFinish id=1 data=pid=$new wid=1", "onFinish id=2 data=pid=$new wid=1"]);

// task worker 0 (id 1) is the new process now; task worker 1 (id 2) is the same as before
same(ask($c, 'pid 0'), var_export("pid=$new wid=1", true));
same(ask($c, 'pid 1'), var_export("pid=$tw2 wid=2", true));
$now = child_pids($master);
sort($now);
$want = [$tw2, $new];
sort($want);
var_dump(count($now) === 3 && array_intersect($want, $now) === $want);

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
// the killed task's result never comes: only the two queued ones reached onFinish
echo "onFinish lines: ", count(preg_grep('/^onFinish /', explode("\n", $out))), "\n";
echo "onWorkerError lines: ", count(preg_grep('/^onWorkerError /', explode("\n", $out))), "\n";
echo "onWorkerStart lines: ", count(preg_grep('/^onWorkerStart /', explode("\n", $out))), "\n";
echo "onWorkerStop lines: ", count(preg_grep('/^onWorkerStop /', explode("\n", $out))), "\n";
echo preg_match('/^after start: true$/m', $out) ? "clean stop\n" : $out;
var_dump(child_pids($master), array_values(array_filter([$tw1, $tw2, $new], 'pid_alive')));
?>
--EXPECTF--
onWorkerStart id=0 pid=P taskworker=false self=true
onWorkerStart id=1 pid=P taskworker=true self=true
onWorkerStart id=2 pid=P taskworker=true self=true
id=0
as expected
ids=[1,2]
as expected
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=1) abnormal exit, status=0, signal=9
onWorkerStart id=1 pid=P taskworker=true self=true
bool(false)
bool(true)
as expected
as expected
as expected
bool(true)
int(0)
onFinish lines: 2
onWorkerError lines: 1
onWorkerStart lines: 4
onWorkerStop lines: 3
clean stop
array(0) {
}
array(0) {
}
