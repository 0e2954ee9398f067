--TEST--
PROCESS mode: reload(true) and SIGUSR2 (to the master or the manager) replace only the task worker; event worker pids stay the same
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
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 2, 'task_worker_num' => 1])]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$starts = implode("\n", $srv->waitForLines('/^onWorkerStart /', 3));
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$master = $srv->pid;
$events = pids_in($starts, '/kind=event/');
sort($events);
$task = pids_in($starts, '/^onWorkerStart id=2 kind=task /');
echo "one task worker with id 2: ", count($task), "\n";
$task = $task[0];
$seen = array_merge([$master, $manager, $task], $events);

$control = new TestClient($port);
echo "task runs in the task worker: ";
same(ask($control, 'task'), "task=$task wid=2");

$load = new LoadClients($port, 6, 3.0, 1);
$load->run(0.3);

$rounds = [
    'reload(true) from a worker' => fn() => ask($control, 'reloadtask'),
    'SIGUSR2 to the master' => fn() => posix_kill($master, SIGUSR2) ? 'sent' : 'failed',
    'SIGUSR2 to the manager' => fn() => posix_kill($manager, SIGUSR2) ? 'sent' : 'failed',
];
$n = 0;
foreach ($rounds as $name => $trigger) {
    $n++;
    echo "--- $name\n";
    echo "trigger: ", $trigger(), "\n";
    $line = load_until_lines($load, $srv, '/^onWorkerStart id=2 kind=task /', $n + 1)[$n];
    $newTask = pids_in($line, '/./')[0];
    echo "a new task worker pid: ";
    same(in_array($newTask, $seen, true), false);
    $seen[] = $newTask;
    $stop = load_until_line($load, $srv, "/^onWorkerStop id=2 kind=task pid=$task\$/");
    echo "onWorkerStop ran in the old task worker\n";
    $lines = load_until_lines($load, $srv, '/^on(Before|After)Reload /', 2 * $n);
    echo "onBeforeReload/onAfterReload in the manager: ";
    same(array_slice($lines, -2), ["onBeforeReload manager_pid=$manager pid=$manager", "onAfterReload manager_pid=$manager pid=$manager"]);
    echo "old task worker exited: ";
    same(wait_pids_gone([$task]), []);
    $task = $newTask;
    echo "the next task runs in the new task worker: ";
    same(ask($control, 'task'), "task=$task wid=2");
    $load->run(0.2);
    $out = $srv->output();
    echo "event workers untouched (same pids, alive, no new start or stop): ";
    $pidsNow = array_keys($load->replies);
    sort($pidsNow);
    same([$pidsNow, array_map('pid_alive', $events), count(pl_lines($out, '/^onWorkerStart id=\d kind=event /')), pl_lines($out, '/^onWorkerStop id=\d kind=event /')], [$events, [true, true], 2, []]);
}
$missing = $load->drain();
echo "--- end\nload: nothing missing, no timeout, no EOF, no bad reply: ";
same([$missing, $load->timedOut, $load->late, $load->eofCount(), $load->bad], [0, 0, 0, 0, []]);
$control->close();

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "clients see EOF at shutdown: ";
same($load->waitAllEof(), 6);
$load->close();
echo "no worker error: ";
same(pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING/'), []);
echo "task worker starts: ", count(pl_lines($out, '/^onWorkerStart id=2 kind=task /')), "\n";
echo "event worker starts: ", count(pl_lines($out, '/^onWorkerStart id=\d kind=event /')), "\n";
echo "event workers stopped once each, at shutdown: ";
$stops = pids_in($out, '/^onWorkerStop id=\d kind=event /');
sort($stops);
same($stops, $events);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
one task worker with id 2: 1
task runs in the task worker: as expected
--- reload(true) from a worker
trigger: reloadtask=true
a new task worker pid: as expected
onWorkerStop ran in the old task worker
onBeforeReload/onAfterReload in the manager: as expected
old task worker exited: as expected
the next task runs in the new task worker: as expected
event workers untouched (same pids, alive, no new start or stop): as expected
--- SIGUSR2 to the master
trigger: sent
a new task worker pid: as expected
onWorkerStop ran in the old task worker
onBeforeReload/onAfterReload in the manager: as expected
old task worker exited: as expected
the next task runs in the new task worker: as expected
event workers untouched (same pids, alive, no new start or stop): as expected
--- SIGUSR2 to the manager
trigger: sent
a new task worker pid: as expected
onWorkerStop ran in the old task worker
onBeforeReload/onAfterReload in the manager: as expected
old task worker exited: as expected
the next task runs in the new task worker: as expected
event workers untouched (same pids, alive, no new start or stop): as expected
--- end
load: nothing missing, no timeout, no EOF, no bad reply: as expected
exit code: as expected
clients see EOF at shutdown: as expected
no worker error: as expected
task worker starts: 4
event worker starts: 2
event workers stopped once each, at shutdown: as expected
clean stop
processes left: as expected
