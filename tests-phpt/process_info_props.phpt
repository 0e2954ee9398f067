--TEST--
PROCESS pids: master_pid/manager_pid/worker_id/worker_pid in every process, onStart/onShutdown in the master, onManagerStart in the manager (the workers' parent), nothing left after SIGTERM
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

const WORKERS = 3;
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 2);
$master = $srv->pid;

/** $line with the known pids replaced by names. */
function named(string $line, array $names): string
{
    return preg_replace_callback('/\b\d{2,}\b/', fn($m) => $names[(int)$m[0]] ?? $m[0], $line);
}
$names = [$master => 'MASTER', $manager => 'MANAGER'];
foreach ($pids as $id => $pid) {
    $names[$pid] = "WORKER$id";
}
echo "distinct pids: ", count(array_unique(array_merge([$master, $manager], array_values($pids)))), "\n";

echo named($srv->waitForLine('/^onStart /'), $names), "\n";
echo named($srv->waitForLine('/^onManagerStart /'), $names), "\n";
$starts = $srv->waitForLines('/^onWorkerStart /', WORKERS);
sort($starts);
foreach ($starts as $line) {
    echo named($line, $names), "\n";
}

// from /proc: the master's only child is the manager, whose children are the workers
$kids = child_pids($manager);
sort($kids);
same([child_pids($master), $kids], [[$manager], array_values($pids)]);

// the properties and getters seen while handling a request, in each worker
$seen = [];
$clients = [];
for ($i = 0; $i < 12 && count($seen) < WORKERS; $i++) {
    $clients[$i] = new TestClient($port);
    $p = json_decode(ask($clients[$i], 'props'), true);
    $seen[$p['worker_id']] = $p;
}
ksort($seen);
foreach ($seen as $id => $p) {
    $want = [
        'getmypid' => $pids[$id], 'ppid' => $manager, 'master_pid' => $master, 'manager_pid' => $manager,
        'worker_id' => $id, 'worker_pid' => $pids[$id], 'getMasterPid' => $master, 'getManagerPid' => $manager,
        'getWorkerId' => $id, 'getWorkerPid' => $pids[$id],
    ];
    echo "worker $id: ";
    same($p, $want);
}
foreach ($clients as $c) {
    $c->close();
}

// SIGTERM to the master: the workers stop, then onShutdown runs in the master
$out = pd_stop($srv, array_merge(array_values($pids), [$manager]));
$lines = explode("\n", $out);
$stops = preg_grep('/^onWorkerStop /', $lines);
sort($stops);
foreach ($stops as $line) {
    echo named($line, $names), "\n";
}
$shutdown = preg_grep('/^onShutdown /', $lines);
foreach ($shutdown as $line) {
    echo named($line, $names), "\n";
}
echo "onShutdown after every onWorkerStop: ",
    var_export($shutdown && $stops && min(array_keys($shutdown)) > max(array_keys(preg_grep('/^onWorkerStop /', $lines))), true), "\n";
?>
--EXPECT--
distinct pids: 5
onStart master_pid=MASTER manager_pid=MANAGER worker_id=-1 getWorkerId=false pid=MASTER
onManagerStart master_pid=MASTER manager_pid=MANAGER worker_id=-1 getWorkerId=false pid=MANAGER ppid=MASTER
onWorkerStart id=0 worker_id=0 worker_pid=WORKER0 master_pid=MASTER manager_pid=MANAGER pid=WORKER0 ppid=MANAGER
onWorkerStart id=1 worker_id=1 worker_pid=WORKER1 master_pid=MASTER manager_pid=MANAGER pid=WORKER1 ppid=MANAGER
onWorkerStart id=2 worker_id=2 worker_pid=WORKER2 master_pid=MASTER manager_pid=MANAGER pid=WORKER2 ppid=MANAGER
as expected
worker 0: as expected
worker 1: as expected
worker 2: as expected
stopped cleanly
onWorkerStop id=0 pid=WORKER0
onWorkerStop id=1 pid=WORKER1
onWorkerStop id=2 pid=WORKER2
onShutdown master_pid=MASTER pid=MASTER
onShutdown after every onWorkerStop: true
