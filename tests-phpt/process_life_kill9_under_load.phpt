--TEST--
PROCESS mode: a worker killed with SIGKILL while 20 clients keep talking drops no connection; its replacement answers the same clients
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
$starts = implode("\n", $srv->waitForLines('/^onWorkerStart id=\d kind=event /', 2));
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$master = $srv->pid;
preg_match('/^onWorkerStart id=0 kind=event pid=(\d+)$/m', $starts, $m);
$victim = (int)$m[1];
preg_match('/^onWorkerStart id=1 kind=event pid=(\d+)$/m', $starts, $m);
$other = (int)$m[1];
$seen = [$master, $manager, $victim, $other];
echo "the manager is the master's child: ";
same(child_pids($master), [$manager]);

// 20 connections, each doing request/reply; each request keeps its worker busy 2 ms
$load = new LoadClients($port, 20, 2.0, 2);
$load->run(0.5);
echo "warm-up: every client answered by a worker: ";
same($load->clientsAnsweredBy([$victim, $other]), 20);
$victimClients = array_keys(array_filter($load->pidsByClient, fn($l) => in_array($victim, $l, true)));
echo "warm-up: both workers served clients: ";
same(count($victimClients) > 0 && count($victimClients) < 20, true);
echo "warm-up: no timeout, no EOF, no bad reply: ";
same([$load->timedOut, $load->eofCount(), $load->bad], [0, 0, []]);

posix_kill($victim, SIGKILL);
$line = load_until_line($load, $srv, "/^onWorkerStart id=0 kind=event pid=(?!$victim\$)\\d+\$/");
$replacement = pids_in($line, '/./')[0];
$seen[] = $replacement;
$line = load_until_line($load, $srv, '/^onWorkerError /');
echo "onWorkerError runs in the manager with signal 9: ";
same($line, "onWorkerError id=0 worker_pid=$victim exit_code=0 signal=9 in=$manager");
// let the clients whose request died with the victim time out and re-send
$load->run(2.5);
// (that only the one request the worker was running is lost is checked,
// deterministically, by process_life_kill9_queued.phpt)
echo "requests lost only on connections the killed worker served: ";
same(array_values(array_diff(array_keys($load->timeoutsByClient), $victimClients)), []);
echo "at most one lost per such connection: ";
same(max([0, ...$load->timeoutsByClient]) <= 1, true);
$load->resetCounters();

// steady state again: the replacement serves exactly the victim's clients
$load->run(1.0);
$missing = $load->drain();
echo "after the kill: every client answered, nothing missing, no timeout: ";
same([$load->clientsAnsweredBy([$replacement, $other]), $missing, $load->timedOut], [20, 0, 0]);
echo "after the kill: answering pids: ";
$pidsNow = array_keys($load->replies);
sort($pidsNow);
$want = [$replacement, $other];
sort($want);
same($pidsNow, $want);
$replacementClients = array_keys(array_filter($load->pidsByClient, fn($l) => in_array($replacement, $l, true)));
echo "the replacement serves the victim's clients: ";
same($replacementClients, $victimClients);
echo "no connection saw EOF, no bad reply: ";
same([$load->eofCount(), $load->bad], [0, []]);
echo "victim gone, replacement is the manager's child: ";
same([pid_alive($victim), in_array($replacement, child_pids($manager), true)], [false, true]);

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "clients see EOF at shutdown: ";
same($load->waitAllEof(), 20);
$load->close();
echo "onWorkerError lines: ", count(pl_lines($out, '/^onWorkerError /')), "\n";
echo "abnormal exit warnings: ", count(pl_lines($out, '/abnormal exit/')), "\n";
echo "onWorkerStart lines: ", count(pl_lines($out, '/^onWorkerStart /')), "\n";
echo "onWorkerStop pids: ";
$stops = pids_in($out, '/^onWorkerStop /');
sort($stops);
same($stops, $want);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
the manager is the master's child: as expected
warm-up: every client answered by a worker: as expected
warm-up: both workers served clients: as expected
warm-up: no timeout, no EOF, no bad reply: as expected
onWorkerError runs in the manager with signal 9: as expected
requests lost only on connections the killed worker served: as expected
at most one lost per such connection: as expected
after the kill: every client answered, nothing missing, no timeout: as expected
after the kill: answering pids: as expected
the replacement serves the victim's clients: as expected
no connection saw EOF, no bad reply: as expected
victim gone, replacement is the manager's child: as expected
exit code: as expected
clients see EOF at shutdown: as expected
onWorkerError lines: 1
abnormal exit warnings: 1
onWorkerStart lines: 3
onWorkerStop pids: as expected
clean stop
processes left: as expected
