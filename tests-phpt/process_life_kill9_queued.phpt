--TEST--
PROCESS mode: a reply leaves the worker when send() is called; requests queued for a busy worker survive its SIGKILL (only the one it was running is lost) and the replacement answers them
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
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 1])]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$worker = pids_in($srv->waitForLine('/^onWorkerStart id=0 kind=event /'), '/./')[0];
$manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$seen = [$srv->pid, $manager, $worker];

// 8 connections, each known to the (only) worker
$clients = [];
for ($i = 1; $i <= 8; $i++) {
    $clients[$i] = new TestClient($port);
    if (ask($clients[$i], "req 0") !== "rep 0 pid=$worker wid=0") {
        echo "client $i not answered\n";
    }
}
$control = new TestClient($port);

// keep the worker busy, and meanwhile queue 8 requests of 300 ms each behind it
$control->send("hold 200\n");
$srv->waitForLine("/^holding 200 ms pid=$worker\$/");
foreach ($clients as $i => $c) {
    $c->send("work $i 300\n");
}

// the worker runs the queued requests one at a time
$working = $srv->waitForLines("/^working \\d pid=$worker\$/", 2);
$first = (int)explode(' ', $working[0])[1];
/** The line waiting on $sock within 1 s, or a note. */
function line_within_1s($sock): string
{
    $r = [$sock];
    $w = $e = null;
    return stream_select($r, $w, $e, 1) === 1 ? rtrim((string)fgets($sock), "\n") : 'no reply within 1 s';
}
// Swoole's send() writes the reply to the reactor at once: it is out before
// the worker reads its next message
echo "hold's reply arrived before the queued requests were done: ";
same(line_within_1s($control->sock), "held pid=$worker wid=0");
echo "the first reply arrived while the worker runs the second request: ";
same(line_within_1s($clients[$first]->sock), "rep $first pid=$worker wid=0");
posix_kill($worker, SIGKILL);

$line = $srv->waitForLines('/^onWorkerStart id=0 kind=event /', 2)[1];
$replacement = pids_in($line, '/./')[0];
$seen[] = $replacement;
echo "onWorkerError: ";
same($srv->waitForLine('/^onWorkerError /'), "onWorkerError id=0 worker_pid=$worker exit_code=0 signal=9 in=$manager");

// collect the answers to the 7 others
$pending = [];
foreach ($clients as $i => $c) {
    if ($i !== $first) {
        $pending[$i] = $c->sock;
        stream_set_blocking($c->sock, false);
    }
}
$answers = [];
$buf = [];
$deadline = clock() + 7 * 0.3 + 3.0;
while ($pending && clock() < $deadline) {
    $r = $pending;
    $w = $e = null;
    if (stream_select($r, $w, $e, 0, 50000) > 0) {
        foreach ($r as $i => $s) {
            $buf[$i] = ($buf[$i] ?? '') . fread($s, 1000);
            if (str_ends_with($buf[$i], "\n")) {
                $answers[$i] = rtrim($buf[$i], "\n");
                unset($pending[$i]);
            } elseif (feof($s)) {
                $answers[$i] = 'EOF';
                unset($pending[$i]);
            }
        }
    }
}
// requests the victim started: answered by it, or (the last one) lost with it
$started = [];
foreach (pl_lines($srv->output(), "/^working \\d pid=$worker\$/") as $l) {
    $started[] = (int)explode(' ', $l)[1];
}
$lost = array_keys($pending);
echo "lost: only the request the worker was running: ";
same($lost === [] || $lost === [end($started)], true);
$wrong = [];
foreach ($answers as $i => $a) {
    $by = in_array($i, $started, true) ? $worker : $replacement;
    if ($a !== "rep $i pid=$by wid=0") {
        $wrong[$i] = $a;
    }
}
echo "requests the worker had not started are answered by the replacement: ";
same([$wrong, count($answers) + count($lost)], [[], 7]);
echo "the replacement answered at least 5: ";
same(count(array_filter($answers, fn($a) => str_contains($a, "pid=$replacement "))) >= 5, true);
echo "every connection is still open and answered by the replacement: ";
$ok = 0;
foreach ($clients as $i => $c) {
    stream_set_blocking($c->sock, true);
    if (in_array($i, $lost, true)) {
        // its lost request could still be answered late: use a fresh number
        $c->send("req 99\n");
        do {
            $l = rtrim((string)fgets($c->sock), "\n");
        } while ($l !== '' && !str_starts_with($l, 'rep 99 '));
        $ok += $l === "rep 99 pid=$replacement wid=0";
        continue;
    }
    $ok += ask($c, "req 9") === "rep 9 pid=$replacement wid=0";
}
same($ok, 8);

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
foreach ($clients as $c) {
    $c->close();
}
$control->close();
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
hold's reply arrived before the queued requests were done: as expected
the first reply arrived while the worker runs the second request: as expected
onWorkerError: as expected
lost: only the request the worker was running: as expected
requests the worker had not started are answered by the replacement: as expected
the replacement answered at least 5: as expected
every connection is still open and answered by the replacement: as expected
exit code: as expected
clean stop
processes left: as expected
