--TEST--
Seed 003 taskWaitMulti() example: three random ints as tasks, 10 s timeout; all three results come back (here doubled by onTask), in order, and nothing is reported as timed out
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/task_wait_multi_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

foreach (['first', 'second'] as $round) {
    echo "--- $round message\n";
    $before = $srv->output();
    $c = new TestClient($port);
    $c->send("go");
    var_dump($c->recvExactly(4));
    $c->close();
    $out = substr($srv->output(), strlen($before));
    // var_dump($tasks): three ints in 1000..9999
    preg_match('/^array\(3\) \{\n  \[0\]=>\n  int\((\d+)\)\n  \[1\]=>\n  int\((\d+)\)\n  \[2\]=>\n  int\((\d+)\)\n\}$/m', $out, $m);
    $tasks = array_map('intval', array_slice($m, 1));
    echo "tasks: ", count($tasks), ", in range: ", var_export(count(array_filter($tasks, fn($t) => $t >= 1000 && $t <= 9999)) === 3, true), "\n";
    // results 1 and 2 printed by the seed's code: twice the task (the example's onTask)
    same(preg_match('/^任务2的执行结果为(\d+)$/m', $out, $r1) ? (int)$r1[1] : null, ($tasks[1] ?? 0) * 2);
    same(preg_match('/^任务3的执行结果为(\d+)$/m', $out, $r2) ? (int)$r2[1] : null, ($tasks[2] ?? 0) * 2);
    var_dump(str_contains($out, '任务1执行超时了'));
}

$out = $srv->stop();
var_dump($srv->exitCode);
// six tasks ran in task workers (ids 1..3), each with one of the values
preg_match_all('/^#(\d+) onTask: task_id=\d+ data=(\d+)$/m', $out, $m);
echo "onTask runs: ", count($m[0]), ", in task workers: ", var_export(array_diff($m[1], ['1', '2', '3']) === [], true), "\n";
var_dump(child_pids($srv->pid));
?>
--EXPECT--
--- first message
string(4) "done"
tasks: 3, in range: true
as expected
as expected
bool(false)
--- second message
string(4) "done"
tasks: 3, in range: true
as expected
as expected
bool(false)
int(0)
onTask runs: 6, in task workers: true
array(0) {
}
