--TEST--
PROCESS mode: a worker that throws in onReceive exits (onWorkerError 255) and is replaced; the connection stays open and its next request, even one sent while the worker was dying, is answered by the replacement
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
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 2])], ['log_errors' => 0]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$seen = pids_in(implode("\n", $srv->waitForLines('/^onWorkerStart id=\d kind=event /', 2)), '/./');
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$master = $srv->pid;
$seen[] = $master;
$seen[] = $manager;

// bystanders keep talking on both workers the whole time
$load = new LoadClients($port, 6, 3.0);
$load->run(0.3);
$c = new TestClient($port);
preg_match('/^pid=(\d+) wid=(\d)$/', ask($c, 'pid'), $m);
[$pid, $wid] = [(int)$m[1], (int)$m[2]];
echo "client served by a worker: ";
same(in_array($pid, $seen, true), true);

echo "--- throw\n";
$c->send("throw\n");
$line = load_until_line($load, $srv, '/^onWorkerError /');
echo "onWorkerError in the manager, exit code 255: ";
same($line, "onWorkerError id=$wid worker_pid=$pid exit_code=255 signal=0 in=$manager");
echo "uncaught exception reported: ";
same(count(load_until_lines($load, $srv, "/Uncaught RuntimeException: boom from worker $pid/", 1)), 1);
echo "abnormal exit warning: ";
same(count(load_until_lines($load, $srv, "/abnormal exit, status=255, signal=0/", 1)), 1);
$line = load_until_lines($load, $srv, "/^onWorkerStart id=$wid kind=event /", 2)[1];
$pid2 = pids_in($line, '/./')[0];
$seen[] = $pid2;
echo "the same connection is answered by the replacement: ";
same(ask($c, 'req 1'), "rep 1 pid=$pid2 wid=$wid");
echo "old worker gone: ";
same(wait_pids_gone([$pid]), []);

echo "--- throw after 300 ms, next request sent while the worker is about to die\n";
$c->send("throw 300\n");
$srv->waitForLine("/^throwing in 300 ms pid=$pid2\$/");
$c->send("req 2\n");
$line = load_until_lines($load, $srv, '/^onWorkerError /', 2)[1];
echo "onWorkerError: ";
same($line, "onWorkerError id=$wid worker_pid=$pid2 exit_code=255 signal=0 in=$manager");
$line = load_until_lines($load, $srv, "/^onWorkerStart id=$wid kind=event /", 3)[2];
$pid3 = pids_in($line, '/./')[0];
$seen[] = $pid3;
echo "the request that waited is answered by the next replacement: ";
same(rtrim((string)fgets($c->sock), "\n"), "rep 2 pid=$pid3 wid=$wid");
echo "and the connection keeps working: ";
same(ask($c, 'req 3'), "rep 3 pid=$pid3 wid=$wid");

$missing = $load->drain();
echo "bystanders: nothing missing, no timeout, no late or bad reply, no EOF: ";
same([$missing, $load->timedOut, $load->late, $load->bad, $load->eofCount()], [0, 0, 0, [], 0]);

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "clients see EOF at shutdown: ";
same([$load->waitAllEof(), $c->recvAll(), feof($c->sock)], [6, '', true]);
$load->close();
$c->close();
echo "onWorkerError lines: ", count(pl_lines($out, '/^onWorkerError /')), "\n";
echo "onWorkerStart lines: ", count(pl_lines($out, '/^onWorkerStart /')), "\n";
echo "onWorkerStop: only at shutdown, in the 2 live workers: ";
$stops = pids_in($out, '/^onWorkerStop /');
sort($stops);
$live = array_values(array_diff(pids_in($out, '/^onWorkerStart /'), [$pid, $pid2]));
sort($live);
same($stops, $live);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
client served by a worker: as expected
--- throw
onWorkerError in the manager, exit code 255: as expected
uncaught exception reported: as expected
abnormal exit warning: as expected
the same connection is answered by the replacement: as expected
old worker gone: as expected
--- throw after 300 ms, next request sent while the worker is about to die
onWorkerError: as expected
the request that waited is answered by the next replacement: as expected
and the connection keeps working: as expected
bystanders: nothing missing, no timeout, no late or bad reply, no EOF: as expected
exit code: as expected
clients see EOF at shutdown: as expected
onWorkerError lines: 2
onWorkerStart lines: 4
onWorkerStop: only at shutdown, in the 2 live workers: as expected
clean stop
processes left: as expected
