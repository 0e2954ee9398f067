--TEST--
Seed 003 task() example: a task with a finish callback and one sent to task worker 0; the callback runs instead of onFinish; task ids count per worker; workers and task workers are named
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/task_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

// worker_num 2 + task_worker_num 4; onWorkerStart names them after their kind
$deadline = clock() + TEST_TIMEOUT;
do {
    $names = [];
    foreach (child_pids($srv->pid) as $pid) {
        $names[$pid] = str_replace("\0", ' ', trim((string)@file_get_contents("/proc/$pid/cmdline"), "\0"));
    }
    $kinds = array_map(fn($n) => preg_match('/^php \S+: (task_worker|worker)$/', $n, $m) ? $m[1] : $n, $names);
    $counts = array_count_values($kinds);
} while (($counts['worker'] ?? 0) + ($counts['task_worker'] ?? 0) < 6 && clock() < $deadline && usleep(5000) === null);
ksort($counts);
echo json_encode($counts), "\n";

$c = new TestClient($port);
$c->send("hello\n");
// task($data, -1, callback) got id 0; task($data, 0) got id 1, which is sent back
echo fgets($c->sock);
// The seed prints with several writes per line, and task workers print at
// the same time: every match below allows other output around it.
$srv->waitForLine('/接收数据hello/');
echo "接收数据hello\n";
// the callback of task 0 runs in the worker (var_dump of $task_id and $data)
$srv->waitForLine('/string\(5\) "hello"/');
// task 1 ends in onFinish
$srv->waitForLine('/Task#1 finished, data_len=5/');
echo "Task#1 finished, data_len=5\n";

// a second message: ids go on from 2 in the same worker
$c->send("again\n");
echo fgets($c->sock);
$srv->waitForLine('/string\(5\) "again"/');
$srv->waitForLine('/Task#3 finished, data_len=5/');
echo "Task#3 finished, data_len=5\n";

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);

// Two processes may print at once, so look at the output as a whole rather than line by line.
echo "onTask runs: ", substr_count($out, 'Tasker进程接收到数据'), "\n";
preg_match_all('/#(\d+)\tonTask: \[PID=(\d+)\]: task_id=(\d+), data_len=5\./', $out, $m, PREG_SET_ORDER);
$byTask = [];
foreach ($m as [, $wid, $pid, $tid]) {
    $byTask[(int)$tid] = [(int)$wid, (int)$pid];
}
ksort($byTask);
echo "task ids seen in onTask: ", implode(',', array_keys($byTask)), "\n";
// every onTask ran in a task worker (ids 2..5), in one of the server's children
foreach ($byTask as $tid => [$wid, $pid]) {
    echo "task $tid: task worker ", ($wid >= 2 && $wid <= 5 ? 'ok' : "#$wid"), ", ", (isset($names[$pid]) && $kinds[$pid] === 'task_worker' ? 'named task_worker' : "pid $pid?"), "\n";
}
// $dst = 0 is the first task worker, whose worker_id is worker_num + 0
echo "tasks 1 and 3 on worker_id: ", $byTask[1][0] ?? '?', ",", $byTask[3][0] ?? '?', "\n";
// The worker prints "Task Callback: " and the var_dump() in separate writes,
// so a task worker's output (each of its echoes one write) may come between.
$workerOnly = preg_replace(['/Tasker进程接收到数据/u', '/#\d+\tonTask: [^\n]*\n/'], '', $out);
echo "callback output: ", json_encode(preg_match_all('/Task Callback: (int\(\d+\))/', $workerOnly, $cb) ? $cb[1] : []), "\n";
echo "onFinish lines: ", json_encode(preg_match_all('/Task#\d+ finished, data_len=\d+/', $out, $fin) ? $fin[0] : []), "\n";
var_dump(child_pids($srv->pid), array_values(array_filter(array_keys($names), 'pid_alive')));
?>
--EXPECT--
{"task_worker":4,"worker":2}
分发任务，任务id为1
接收数据hello
Task#1 finished, data_len=5
分发任务，任务id为3
Task#3 finished, data_len=5
int(0)
onTask runs: 4
task ids seen in onTask: 0,1,2,3
task 0: task worker ok, named task_worker
task 1: task worker ok, named task_worker
task 2: task worker ok, named task_worker
task 3: task worker ok, named task_worker
tasks 1 and 3 on worker_id: 2,2
callback output: ["int(0)","int(2)"]
onFinish lines: ["Task#1 finished, data_len=5","Task#3 finished, data_len=5"]
array(0) {
}
array(0) {
}
