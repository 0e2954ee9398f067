--TEST--
Server: SIGTERM while a worker is past max_request and still holds a connection starts no replacement and stops at once
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

// The shutdown races with the retirement of the worker, so the scenario is
// played several times; each round takes a few milliseconds when all is well.
$bad = [];
for ($round = 1; $round <= 25 && !$bad; $round++) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1, 3]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLine('/^onWorkerStart /');

    // 7 requests on one connection: past the limit, but the connection stays open
    $c = new TestClient($port);
    for ($i = 0; $i < 7; $i++) {
        if (!preg_match('/^pid=\d+ wid=0$/', ask($c, 'pid'))) {
            $bad[] = "round $round: request $i got no answer";
        }
    }

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
    $starts = count(preg_grep('/^onWorkerStart /', $lines));
    $stops = count(preg_grep('/^onWorkerStop /', $lines));
    if ($starts !== $stops) {
        $bad[] = "round $round: $starts onWorkerStart but $stops onWorkerStop";
    }
    foreach (preg_grep('/WARNING|Warning|Fatal/', $lines) as $l) {
        $bad[] = "round $round: $l";
    }
    if (!preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out)) {
        $bad[] = "round $round: no clean 'after start' line";
    }
    $c->close();
    if ($bad) {
        echo $out;
    }
}
echo $bad ? implode("\n", $bad) . "\n" : "all rounds clean\n";
?>
--EXPECT--
all rounds clean
