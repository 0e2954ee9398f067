--TEST--
Server task_max_request=2: a task worker is replaced after 2 tasks (new pid, same id, onWorkerStop/onWorkerStart, no error); tasks sent while it is being replaced are served by its successor; the other task worker is untouched
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_workers_life.php', [$port, 2]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 3);
$tw2 = pids_in($srv->output(), '/^onWorkerStart id=2 /')[0];
$c = new TestClient($port);

/** Letters for pids in order of first appearance: "A A B B C". */
function pattern(array $pids): string
{
    $distinct = array_values(array_unique($pids));
    return implode(' ', array_map(fn($p) => chr(65 + array_search($p, $distinct, true)), $pids));
}

echo "--- five taskwaits to task worker 0, one after the other, without waiting for replacements\n";
$pids = [];
for ($i = 0; $i < 5; $i++) {
    $r = ask($c, 'pid 0');
    if (!preg_match("/^'pid=(\\d+) wid=1'$/", $r, $m)) {
        echo "taskwait $i: unexpected reply $r\n";
        continue;
    }
    $pids[] = (int)$m[1];
}
echo pattern($pids), "\n";

echo "--- four tasks to task worker 0 at once\n";
echo ask($c, 'burst 4'), "\n";
$lines = $srv->waitForLines('/^onFinish /', 4);
$burst = array_map(fn($l) => preg_match('/^onFinish id=\d+ data=pid=(\d+) wid=1$/', $l, $m) ? (int)$m[1] : $l, $lines);
echo pattern(array_merge($pids, $burst)), "\n";

echo "--- task worker 1 served 1 task: still the same process\n";
same(ask($c, 'pid 1'), var_export("pid=$tw2 wid=2", true));

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
$lines = explode("\n", $out);
$all = array_values(array_unique(array_merge($pids, $burst)));
echo "task worker 0 processes: ", count($all), "\n";
echo "onWorkerStart id=1: ", count(preg_grep('/^onWorkerStart id=1 /', $lines)), "\n";
echo "onWorkerStop id=1: ", count(preg_grep('/^onWorkerStop id=1 /', $lines)), "\n";
echo "each of them started and stopped itself: ";
same([pids_in($out, '/^onWorkerStart id=1 /'), pids_in($out, '/^onWorkerStop id=1 /')], [$all, $all]);
echo "onWorkerStart id=2: ", count(preg_grep('/^onWorkerStart id=2 /', $lines)), "\n";
echo "errors: ";
same(array_values(preg_grep('/onWorkerError|abnormal|WARNING|Warning|Fatal/', $lines)), []);
echo preg_match('/^after start: true$/m', $out) ? "clean stop\n" : $out;
var_dump(child_pids($srv->pid), array_values(array_filter(array_merge($all, [$tw2]), 'pid_alive')));
?>
--EXPECT--
--- five taskwaits to task worker 0, one after the other, without waiting for replacements
A A B B C
--- four tasks to task worker 0 at once
ids=[5,6,7,8]
A A B B C C D D E
--- task worker 1 served 1 task: still the same process
as expected
int(0)
task worker 0 processes: 5
onWorkerStart id=1: 5
onWorkerStop id=1: 5
each of them started and stopped itself: as expected
onWorkerStart id=2: 1
errors: as expected
clean stop
array(0) {
}
array(0) {
}
