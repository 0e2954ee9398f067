--TEST--
Seed 004: the class-based task server (8 workers, 8 task workers) runs each message's task in a task worker while the worker goes on; two tasks run side by side; results reach onFinish
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/task_server_004.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/^Start$/');
wait_for_port($port);

// worker_num => 8 and task_worker_num => 8: sixteen children of the server process
$deadline = clock() + TEST_TIMEOUT;
while (count($children = child_pids($srv->pid)) < 16 && clock() < $deadline) {
    usleep(5000);
}
echo "children: ", count($children), "\n";

$c = new TestClient($port);
echo $srv->waitForLine('/^Client \d+ connect$/'), "\n";

// Two messages, one after the other, on one connection: the same worker sends
// both tasks, so their ids are 0 and 1.
$c->send("first");
echo $srv->waitForLine('/^Get Message From Client 1:first$/'), "\n";
$srv->waitForLine('/^Continue Handle Worker$/');
$c->send("second");
echo $srv->waitForLine('/^Get Message From Client 1:second$/'), "\n";
$srv->waitForLines('/^Continue Handle Worker$/', 2);

// Each task sleeps 3 x 1 s; the second one starts while the first still runs
// (on another, idle task worker), so both "This Task" lines come before any
// task's last step.
$srv->waitForLines('/^This Task \d from Worker/', 2);
$out = $srv->output();
var_dump(!str_contains($out, 'Handle 2 times'));

// The task workers send to the client themselves ("Data in Task N").
$data = $c->recvExactly(2 * strlen("Data in Task 0"));
var_dump(in_array($data, ["Data in Task 0Data in Task 1", "Data in Task 1Data in Task 0"], true));

// The return values reach onFinish in the worker that sent the tasks.
$srv->waitForLine("/^Result: Task 0's result$/");
$srv->waitForLine("/^Result: Task 1's result$/");

$c->close();
$srv->waitForLine('/^Client 1 close connection$/');

$lines = array_values(array_filter(explode("\n", $srv->output()), 'strlen'));
$at = fn(string $line) => array_search($line, $lines, true);
foreach ([0, 1] as $id) {
    // per task, its own lines come in order: start, three steps, then onFinish
    $order = [
        array_key_first(preg_grep("/^This Task $id from Worker \\d+$/", $lines)) ?? false,
        $at("Taks $id Handle 0 times..."),
        $at("Taks $id Handle 1 times..."),
        $at("Taks $id Handle 2 times..."),
        $at("Task $id finish"),
        $at("Result: Task $id's result"),
    ];
    $sorted = $order;
    sort($sorted);
    echo "task $id in order: ", var_export(!in_array(false, $order, true) && $order === $sorted, true), "\n";
}
// both tasks came from one worker, an event worker (0..7)
preg_match_all('/^This Task \d from Worker (\d+)$/m', $srv->output(), $m);
var_dump(count(array_unique($m[1])) === 1 && (int)$m[1][0] >= 0 && (int)$m[1][0] <= 7);

$out = $srv->stop();
var_dump($srv->exitCode);
$lines = array_values(array_filter(explode("\n", $out), 'strlen'));
sort($lines);
echo "--- server output, sorted ---\n", implode("\n", $lines), "\n";
var_dump(child_pids($srv->pid));
var_dump(array_values(array_filter($children, 'pid_alive')));
?>
--EXPECTF--
children: 16
Client 1 connect
Get Message From Client 1:first
Get Message From Client 1:second
bool(true)
bool(true)
task 0 in order: true
task 1 in order: true
bool(true)
int(0)
--- server output, sorted ---
Client 1 close connection
Client 1 connect
Continue Handle Worker
Continue Handle Worker
Data: {"fd":1}
Data: {"fd":1}
Get Message From Client 1:first
Get Message From Client 1:second
Result: Task 0's result
Result: Task 1's result
Start
Taks 0 Handle 0 times...
Taks 0 Handle 1 times...
Taks 0 Handle 2 times...
Taks 1 Handle 0 times...
Taks 1 Handle 1 times...
Taks 1 Handle 2 times...
Task 0 finish
Task 1 finish
This Task 0 from Worker %d
This Task 1 from Worker %d
array(0) {
}
array(0) {
}
