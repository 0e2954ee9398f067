--TEST--
Server: properties (host, port, ports, master_pid, manager_pid, worker_id, worker_pid, taskworker) and pid getters before start, in one process and with 3 workers
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

echo "=== before start\n";
$s = new Swoole\Server('127.0.0.1', 0);
var_dump($s->master_pid, $s->manager_pid, $s->worker_id, $s->worker_pid, $s->taskworker, $s->getWorkerId());
var_dump($s->host, $s->port > 0, $s->type === SWOOLE_SOCK_TCP, $s->mode === SWOOLE_BASE, $s->setting);
var_dump(count($s->ports), $s->ports[0]->port === $s->port, $s->ports[0]->host);

echo "=== one process\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1]);
kill_on_exit($srv);
wait_for_port($port);
$c = new TestClient($port);
$p = json_decode(ask($c, 'props'), true);
$me = $srv->pid;
same($p, [
    'getmypid' => $me, 'master_pid' => $me, 'manager_pid' => 0, 'worker_id' => 0, 'worker_pid' => $me,
    'taskworker' => false, 'getWorkerId' => 0, 'getWorkerPid' => $me, 'getMasterPid' => $me,
    'getManagerPid' => 0, 'all_worker_pids' => [$me],
]);
$c->close();
$srv->stop();
var_dump($srv->exitCode);

echo "=== three workers\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 3]);
kill_on_exit($srv);
wait_for_port($port);
$starts = $srv->waitForLines('/^onWorkerStart /', 3);
$byId = [];
foreach ($starts as $line) {
    preg_match('/^onWorkerStart id=(\d+) pid=(\d+)$/', $line, $m);
    $byId[(int)$m[1]] = (int)$m[2];
}
ksort($byId);
$master = $srv->pid;
echo "in the master: ", $srv->waitForLine('/^onManagerStart /') === "onManagerStart pid=$master wid=false" ? "getWorkerId() is false\n" : "unexpected\n";
// the kernel picks the worker that accepts: connect until every worker answered once
$seen = [];
for ($i = 0; $i < 300 && count($seen) < 3; $i++) {
    $c = new TestClient($port);
    $p = json_decode(ask($c, 'props'), true);
    $c->close();
    $seen[$p['worker_id']] ??= $p;
}
ksort($seen);
// The kernel picks the accepting worker, and unevenly (under parallel tests it
// may never pick one of them): check every worker that answered; all_worker_pids
// checks every worker's pid through getWorkerPid() from whichever answered.
$bad = 0;
foreach ($seen as $id => $p) {
    $bad += (int)($p != [
        'getmypid' => $byId[$id], 'master_pid' => $master, 'manager_pid' => $master, 'worker_id' => $id,
        'worker_pid' => $byId[$id], 'taskworker' => false, 'getWorkerId' => $id, 'getWorkerPid' => $byId[$id],
        'getMasterPid' => $master, 'getManagerPid' => $master, 'all_worker_pids' => array_values($byId),
    ]);
    if ($bad) {
        echo "worker $id: ", json_encode($p), "\n";
    }
}
echo count($seen) >= 1 && $bad === 0 ? "every answering worker: as expected\n" : "mismatch\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
=== before start
int(0)
int(0)
int(-1)
int(0)
bool(false)
bool(false)
string(9) "127.0.0.1"
bool(true)
bool(true)
bool(true)
NULL
int(1)
bool(true)
string(9) "127.0.0.1"
=== one process
as expected
int(0)
=== three workers
in the master: getWorkerId() is false
every answering worker: as expected
int(0)
