--TEST--
Pool: a worker killed with SIGKILL is replaced under the same id; SIGTERM to the master stops every worker (onWorkerStop) and leaves no child
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$srv = new ServerProcess(__DIR__ . '/servers/pool_server.php', ['none', 3]);
$seen = [];
kill_tree_on_exit($srv, $seen);
$starts = $srv->waitForLines('/^onWorkerStart /', 3);
$srv->waitForLines('/^in loop /', 3);
$pids = [];
foreach ($starts as $l) {
    preg_match('/id=(\d) pid=(\d+)/', $l, $m);
    $pids[(int)$m[1]] = (int)$m[2];
}
ksort($pids);
$seen = array_values($pids);
echo "workers: ", implode(',', array_keys($pids)), "\n";
same(count(array_unique($pids)), 3);

posix_kill($pids[1], SIGKILL);
echo $srv->waitForLine('/abnormal exit/'), "\n";
$line = $srv->waitForLine("/^onWorkerStart id=1 pid=(?!{$pids[1]}\\b)/");
$new = (int)explode('pid=', $line)[1];
$srv->waitForLine("/^in loop id=1 pid=$new\$/");
$seen[] = $new;
echo "replaced under id 1: ", var_export(pid_alive($new) && !pid_alive($pids[1]), true), "\n";
$now = child_pids($srv->pid);
sort($now);
$want = [$pids[0], $new, $pids[2]];
sort($want);
echo "children are the two old workers and the new one: "; same($now, $want);

$out = $srv->stop();
same($srv->exitCode, 0);
$lines = explode("\n", $out);
echo "onShutdown: ", count(preg_grep('/^onShutdown /', $lines)), "\n";
$stops = preg_grep('/^onWorkerStop /', $lines);
$ids = array_map(fn($l) => (int)substr($l, strlen('onWorkerStop id=')), $stops);
sort($ids);
echo "onWorkerStop ids: ", implode(',', $ids), "\n";
echo "onWorkerStop of the killed worker: ", count(preg_grep("/pid={$pids[1]}\\b/", $stops)), "\n";
echo preg_grep('/^after start: NULL children=\[\]$/', $lines) ? "start() returned null, no child left\n" : $out;
echo "alive: ", count(array_filter($seen, 'pid_alive')), "\n";
?>
--EXPECTF--
workers: 0,1,2
as expected
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=1) abnormal exit, status=0, signal=9
replaced under id 1: true
children are the two old workers and the new one: as expected
as expected
onShutdown: 1
onWorkerStop ids: 0,1,2
onWorkerStop of the killed worker: 0
start() returned null, no child left
alive: 0
