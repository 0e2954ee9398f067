--TEST--
SWOOLE_PROCESS task workers: seed 004's task server in PROCESS mode (8 + 8 workers under the manager, two tasks side by side, results in onFinish); task() with a finish callback and with $dst; taskwait() and a timed-out taskwait() (2003); taskWaitMulti() with one task timing out; a 4 MiB payload both ways; the task keys of stats()
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

echo "--- seed 004, PROCESS mode\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/task_server_004.php', $port, true);
kill_on_exit($srv);
$srv->waitForLine('/^Start$/');
wait_for_port($port);
// the manager is the server's only child; the 8 workers and 8 task workers are its children
$pids = wait_for_descendants($srv->pid, 17);
$manager = children_of($srv->pid);
echo "children: ", count($manager), ", their children: ", count(children_of($manager[0] ?? 0)), "\n";

$c = new TestClient($port);
echo $srv->waitForLine('/^Client \d+ connect$/'), "\n";
$c->send("first");
echo $srv->waitForLine('/^Get Message From Client 1:first$/'), "\n";
$srv->waitForLine('/^Continue Handle Worker$/');
$c->send("second");
echo $srv->waitForLine('/^Get Message From Client 1:second$/'), "\n";
$srv->waitForLines('/^Continue Handle Worker$/', 2);
// each task takes 3 x 1 s; the second starts on another task worker while the first runs
$srv->waitForLines('/^This Task \d from Worker/', 2);
var_dump(!str_contains($srv->output(), 'Handle 2 times'));
// the task workers send to the client themselves
$data = $c->recvExactly(2 * strlen("Data in Task 0"));
var_dump(in_array($data, ["Data in Task 0Data in Task 1", "Data in Task 1Data in Task 0"], true));
$srv->waitForLine("/^Result: Task 0's result$/");
$srv->waitForLine("/^Result: Task 1's result$/");
$c->close();
$srv->waitForLine('/^Client 1 close connection$/');
$lines = lines_matching($srv, '/./');
foreach ([0, 1] as $id) {
    $at = fn(string $re) => array_key_first(preg_grep($re, $lines)) ?? false;
    $order = [
        $at("/^This Task $id from Worker \\d+$/"),
        $at("/^Taks $id Handle 0 times\\.\\.\\.$/"),
        $at("/^Taks $id Handle 2 times\\.\\.\\.$/"),
        $at("/^Task $id finish$/"),
        $at("/^Result: Task $id's result$/"),
    ];
    $sorted = $order;
    sort($sorted);
    echo "task $id in order: ", var_export(!in_array(false, $order, true) && $order === $sorted, true), "\n";
}
// both tasks came from the connection's worker, an event worker (0..7)
preg_match_all('/^This Task \d from Worker (\d+)$/m', $srv->output(), $m);
var_dump(count(array_unique($m[1])) === 1 && (int)$m[1][0] >= 0 && (int)$m[1][0] <= 7);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";

echo "--- one worker, two task workers\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/process_msg_tasks.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 3);
$pids = wait_for_descendants($srv->pid, 4);
$c = new TestClient($port);

// a task worker marks itself idle just after its onWorkerStart: wait for both
$deadline = clock() + TEST_TIMEOUT;
do {
    $stats = ask($c, "stats\n");
} while (!str_contains($stats, '"task_idle_worker_num":2') && clock() < $deadline);
echo $stats, "\n";

echo "- task() with a callback, to task worker 0\n";
echo ask($c, "callback\n"), "\n";
echo $srv->waitForLine('/^onTask id=0 /'), "\n";
echo $srv->waitForLine('/^callback id=0 /'), "\n";

echo "- task() to task worker 1: onFinish\n";
echo ask($c, "finish\n"), "\n";
echo $srv->waitForLine('/^onTask id=1 /'), "\n";
echo $srv->waitForLine('/^onFinish id=1 /'), "\n";

echo "- taskwait()\n";
echo ask($c, "wait\n"), "\n";
echo ask($c, "slow\n"), "\n";
echo $srv->waitForLine('/done: slow$/'), "\n";
echo ask($c, "wait\n"), "\n";

echo "- taskWaitMulti(): the slow one is left out\n";
echo ask($c, "multi\n"), "\n";
echo preg_replace('/wid=[12]/', 'wid=1|2', $srv->waitForLine('/done: slow multi$/')), "\n";

echo "- 4 MiB\n";
echo ask($c, "big\n"), "\n";

// the last task worker marks itself idle just after sending its result
$deadline = clock() + TEST_TIMEOUT;
do {
    $stats = ask($c, "stats\n");
} while (!str_contains($stats, '"tasking_num":0') && clock() < $deadline);
echo $stats, "\n";

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
echo "onFinish lines: ", count(lines_matching($out, '/^onFinish /')), ", callback lines: ", count(lines_matching($out, '/^callback /')), "\n";
echo "onTask lines: ", count(lines_matching($out, '/^onTask /')), ", 4 MiB ones intact: ", count(lines_matching($out, '/^onTask .* 4 MiB: true$/')), "\n";
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECT--
--- seed 004, PROCESS mode
children: 1, their children: 16
Client 1 connect
Get Message From Client 1:first
Get Message From Client 1:second
bool(true)
bool(true)
task 0 in order: true
task 1 in order: true
bool(true)
int(0)
left: []
--- one worker, two task workers
{"task_worker_num":2,"task_idle_worker_num":2,"tasking_num":0,"task_count":0}
- task() with a callback, to task worker 0
0
onTask id=0 src=0 wid=1 done: cb
callback id=0 data="result:cb" server=true
- task() to task worker 1: onFinish
1
onTask id=1 src=0 wid=2 done: plain
onFinish id=1 data="result:plain" wid=0
- taskwait()
"result:fast"
[false,2003,"about 0.2 s"]
onTask id=3 src=0 wid=1 done: slow
"result:fast"
- taskWaitMulti(): the slow one is left out
[["result:x","result:y"],"about 0.3 s"]
onTask id=7 src=0 wid=1|2 done: slow multi
- 4 MiB
{"wait":"same","async":"same"}
{"task_worker_num":2,"task_idle_worker_num":2,"tasking_num":0,"task_count":10}
int(0)
onFinish lines: 1, callback lines: 1
onTask lines: 10, 4 MiB ones intact: 2
left: []
