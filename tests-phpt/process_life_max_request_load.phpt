--TEST--
PROCESS mode: with max_request=5 under load from 8 connections, no worker serves more than 5 requests and no request or connection is lost
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

// 8 clients at once, each doing request/reply on its own connection, until 100 answers
$load = new LoadClients($port, 8, 3.0);
$deadline = clock() + TEST_TIMEOUT;
while ($load->answered < 100 && clock() < $deadline && !$load->eofCount()) {
    $load->run(0.05);
}
$missing = $load->drain();
echo "at least 100 answers, nothing missing, no timeout, no late or bad reply, no EOF: ";
same([$load->answered >= 100, $missing, $load->timedOut, $load->late, $load->bad, $load->eofCount()], [true, 0, 0, 0, [], 0]);
// Swoole's worker checks max_request after each event and then stops reading
// its pipe: what it has not read yet goes to its successor
echo "requests served per worker pid (none above 5): ";
$over = array_filter($load->replies, fn($n) => $n > 5);
same($over, []);
$full = count(array_filter($load->replies, fn($n) => $n === 5));
echo "all but the last two workers served exactly 5: ";
same(count($load->replies) - $full <= 2, true);
$seen = array_merge($seen, array_keys($load->replies));

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "clients see EOF at shutdown: ";
same($load->waitAllEof(), 8);
$load->close();
echo "no worker error: ";
same(pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING/'), []);
$starts = pids_in($out, '/^onWorkerStart /');
$stops = pids_in($out, '/^onWorkerStop /');
sort($starts);
sort($stops);
echo "every worker that started ran onWorkerStop: ";
same($stops, $starts);
echo "the workers that answered all started in this server: ";
same(array_values(array_diff(array_keys($load->replies), $starts)), []);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone(array_unique(array_merge($seen, $starts))), []);
?>
--EXPECT--
at least 100 answers, nothing missing, no timeout, no late or bad reply, no EOF: as expected
requests served per worker pid (none above 5): as expected
all but the last two workers served exactly 5: as expected
exit code: as expected
clients see EOF at shutdown: as expected
no worker error: as expected
every worker that started ran onWorkerStop: as expected
the workers that answered all started in this server: as expected
clean stop
processes left: as expected
