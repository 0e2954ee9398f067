--TEST--
PROCESS mode: with max_request=5 one connection sending 30 requests gets 30 answers from 6 successive workers, 5 each
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
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 2, 'max_request' => 5, 'max_request_grace' => 0])]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$seen = pids_in(implode("\n", $srv->waitForLines('/^onWorkerStart id=\d kind=event /', 2)), '/./');
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$master = $srv->pid;
$seen[] = $master;
$seen[] = $manager;

// one client, 30 sequential requests on one connection
$c = new TestClient($port);
$pids = [];
$wids = [];
for ($i = 1; $i <= 30; $i++) {
    $reply = ask($c, "req $i");
    if (!preg_match("/^rep $i pid=(\\d+) wid=(\\d+)\$/", $reply, $m)) {
        echo "request $i: unexpected reply '$reply'\n";
        break;
    }
    $pids[] = (int)$m[1];
    $wids[(int)$m[2]] = true;
}
echo "answers: ", count($pids), "\n";
$distinct = array_values(array_unique($pids));
$seen = array_merge($seen, $distinct);
echo "pattern: ", implode('', array_map(fn($p) => chr(65 + array_search($p, $distinct, true)), $pids)), "\n";
echo "always the same worker id: ", count($wids), "\n";
echo "none of them is the master or the manager: ";
same(array_intersect($distinct, [$master, $manager]), []);
$c->close();
// the 6th worker served its 5 too: its replacement starts (8 starts in all)
$srv->waitForLines('/^onWorkerStart /', 8);

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "no worker error: ";
same(pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING/'), []);
$starts = pids_in($out, '/^onWorkerStart /');
$stops = pids_in($out, '/^onWorkerStop /');
sort($starts);
sort($stops);
echo "every worker that started ran onWorkerStop: ";
same($stops, $starts);
echo "workers started: the 6 that answered, the one that replaced the 6th, and the other worker id: ";
same(count($starts), 8);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone(array_unique(array_merge($seen, $starts))), []);
?>
--EXPECT--
answers: 30
pattern: AAAAABBBBBCCCCCDDDDDEEEEEFFFFF
always the same worker id: 1
none of them is the master or the manager: as expected
exit code: as expected
no worker error: as expected
every worker that started ran onWorkerStop: as expected
workers started: the 6 that answered, the one that replaced the 6th, and the other worker id: as expected
clean stop
processes left: as expected
