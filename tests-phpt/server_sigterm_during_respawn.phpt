--TEST--
Server: SIGTERM right after a dead worker was replaced stops the replacement too (onWorkerStop, no forced kill)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

// The signal must reach the replacement while it is still starting, so the
// scenario is played several times; a clean round takes a few milliseconds.
$bad = [];
for ($round = 1; $round <= 10 && !$bad; $round++) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 2]);
    kill_on_exit($srv);
    wait_for_port($port);
    $starts = $srv->waitForLines('/^onWorkerStart /', 2);
    posix_kill(pids_in(implode("\n", $starts), '/onWorkerStart/')[0], SIGKILL);
    // the master forks the replacement right after onWorkerError
    $srv->waitForLine('/^onWorkerError /');

    $t = clock();
    $out = $srv->stop();
    $took = clock() - $t;
    $lines = explode("\n", $out);
    if ($srv->exitCode !== 0) {
        $bad[] = "round $round: exit code {$srv->exitCode}";
    }
    if ($took > 1.5) {
        $bad[] = sprintf("round %d: stopping took %.1fs", $round, $took);
    }
    // every worker that started (or is reported to have started) must stop
    $started = count(preg_grep('/^onWorkerStart /', $lines));
    $stopped = count(preg_grep('/^onWorkerStop /', $lines));
    $killed = count(preg_grep('/^onWorkerError /', $lines));
    if ($started - $killed !== $stopped) {
        $bad[] = "round $round: $started onWorkerStart, $killed killed, but $stopped onWorkerStop";
    }
    foreach (preg_grep('/forced termination|Fatal/', $lines) as $l) {
        $bad[] = "round $round: $l";
    }
    if (!preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out)) {
        $bad[] = "round $round: no clean 'after start' line";
    }
    if ($bad) {
        echo $out;
    }
}
echo $bad ? implode("\n", $bad) . "\n" : "all rounds clean\n";
?>
--EXPECT--
all rounds clean
