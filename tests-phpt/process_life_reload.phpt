--TEST--
PROCESS mode: reload() from a worker, SIGUSR1 to the master and SIGUSR1 to the manager replace every worker under load, losing no request and no connection
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_life_helpers.php';

$port = free_port();
$seen = [];
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 2])]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart id=\d kind=event /', 2);
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$master = $srv->pid;
$seen = [$master, $manager];

/** The current event worker pids, by id (the last onWorkerStart of each id). */
function current_workers(string $out): array
{
    $w = [];
    foreach (pl_complete_lines($out) as $line) {
        if (preg_match('/^onWorkerStart id=(\d+) kind=event pid=(\d+)$/', $line, $m)) {
            $w[(int)$m[1]] = (int)$m[2];
        }
    }
    ksort($w);
    return $w;
}

$control = new TestClient($port);
// 10 connections doing request/reply; each request keeps its worker busy 1 ms
$load = new LoadClients($port, 10, 3.0, 1);
$load->run(0.3);
echo "warm-up answered by the two workers: ";
same($load->clientsAnsweredBy(array_values(current_workers($srv->output()))), 10);

$rounds = [
    'reload() from a worker' => function () use ($control, $load) {
        $control->send("reload\n");
        // the control connection waits for its reply while the load runs
        $deadline = clock() + TEST_TIMEOUT;
        $reply = '';
        stream_set_blocking($control->sock, false);
        while (!str_contains($reply, "\n") && clock() < $deadline) {
            $load->run(0.02);
            $reply .= (string)fread($control->sock, 100);
        }
        stream_set_blocking($control->sock, true);
        return trim($reply);
    },
    'SIGUSR1 to the master' => fn() => posix_kill($master, SIGUSR1) ? 'sent' : 'failed',
    'SIGUSR1 to the manager' => fn() => posix_kill($manager, SIGUSR1) ? 'sent' : 'failed',
];
$n = 0;
foreach ($rounds as $name => $trigger) {
    $n++;
    echo "--- $name\n";
    $old = current_workers($srv->output());
    $seen = array_merge($seen, $old);
    $load->resetCounters();
    echo "trigger: ", $trigger(), "\n";
    $before = load_until_lines($load, $srv, '/^onBeforeReload /', $n)[$n - 1];
    echo "onBeforeReload in the manager: ";
    same($before, "onBeforeReload manager_pid=$manager pid=$manager");
    $after = load_until_lines($load, $srv, '/^onAfterReload /', $n)[$n - 1];
    echo "onAfterReload in the manager: ";
    same($after, "onAfterReload manager_pid=$manager pid=$manager");
    load_until_lines($load, $srv, '/^onWorkerStart id=\d kind=event /', 2 * ($n + 1));
    $stops = [];
    foreach ($old as $id => $pid) {
        $stops[] = load_until_line($load, $srv, "/^onWorkerStop id=$id kind=event pid=$pid\$/");
    }
    echo "onWorkerStop ran in each old worker: ", count($stops), "\n";
    $new = current_workers($srv->output());
    $seen = array_merge($seen, $new);
    echo "every worker pid changed: ";
    same([array_keys($new), array_intersect($new, $old), count(array_unique($new))], [[0, 1], [], 2]);
    echo "old workers exited: ";
    same(wait_pids_gone(array_values($old)), []);
    // everything sent so far is answered, and the new workers answer every client
    $load->run(0.5);
    $answeredBefore = $load->answered;
    $load->resetCounters();
    $load->run(0.3);
    echo "all clients answered by the new workers only: ";
    $pidsNow = array_keys($load->replies);
    sort($pidsNow);
    $newSorted = array_values($new);
    sort($newSorted);
    same([$load->clientsAnsweredBy($newSorted), $pidsNow], [10, $newSorted]);
    echo "requests answered during the reload: ", $answeredBefore > 10 ? "many" : $answeredBefore, "\n";
    echo "no timeout, no late or bad reply, no EOF: ";
    same([$load->timedOut, $load->late, $load->bad, $load->eofCount()], [0, 0, [], 0]);
}
$missing = $load->drain();
echo "--- end\nnothing missing: ";
same([$missing, $load->timedOut, $load->eofCount()], [0, 0, 0]);
echo "control connection still open, answered by a new worker: ";
$r = ask($control, 'req 1');
same(preg_match('/^rep 1 pid=(\d+) wid=\d$/', $r, $m) && in_array((int)$m[1], current_workers($srv->output()), true), true);
$control->close();

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "clients see EOF at shutdown: ";
same($load->waitAllEof(), 10);
$load->close();
echo "manager unchanged, never a worker error: ";
same([count(pl_lines($out, '/^onManagerStart /')), pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING/')], [1, []]);
echo "onWorkerStart lines: ", count(pl_lines($out, '/^onWorkerStart /')), "\n";
echo "onWorkerStop lines: ", count(pl_lines($out, '/^onWorkerStop /')), "\n";
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
warm-up answered by the two workers: as expected
--- reload() from a worker
trigger: reload=true
onBeforeReload in the manager: as expected
onAfterReload in the manager: as expected
onWorkerStop ran in each old worker: 2
every worker pid changed: as expected
old workers exited: as expected
all clients answered by the new workers only: as expected
requests answered during the reload: many
no timeout, no late or bad reply, no EOF: as expected
--- SIGUSR1 to the master
trigger: sent
onBeforeReload in the manager: as expected
onAfterReload in the manager: as expected
onWorkerStop ran in each old worker: 2
every worker pid changed: as expected
old workers exited: as expected
all clients answered by the new workers only: as expected
requests answered during the reload: many
no timeout, no late or bad reply, no EOF: as expected
--- SIGUSR1 to the manager
trigger: sent
onBeforeReload in the manager: as expected
onAfterReload in the manager: as expected
onWorkerStop ran in each old worker: 2
every worker pid changed: as expected
old workers exited: as expected
all clients answered by the new workers only: as expected
requests answered during the reload: many
no timeout, no late or bad reply, no EOF: as expected
--- end
nothing missing: as expected
control connection still open, answered by a new worker: as expected
exit code: as expected
clients see EOF at shutdown: as expected
manager unchanged, never a worker error: as expected
onWorkerStart lines: 8
onWorkerStop lines: 8
clean stop
processes left: as expected
