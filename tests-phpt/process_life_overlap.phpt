--TEST--
PROCESS mode: a worker past max_request that still sends (from a timer, until onWorkerExit clears it) while its successor answers: every request is answered in order, nothing is garbled, nothing hangs
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/process_overlap_server.php', [$port]);
$seen = [];
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$srv->waitForLine('/^onWorkerStart /');
$c = new TestClient($port);
$answered = 0;
$bad = [];
$pids = [];
for ($i = 1; $i <= 30; $i++) {
    $c->send("r$i\n");
    // Read lines until this request's reply; ticks may come in between.
    while (true) {
        $line = fgets($c->sock);
        if ($line === false) {
            $bad[] = "EOF at request $i";
            break 2;
        }
        if (preg_match('/^tick \d+$/', rtrim($line))) {
            continue;
        }
        if (preg_match("/^reply r$i (\d+)$/", rtrim($line), $m)) {
            $answered++;
            $pids[$m[1]] = true;
            break;
        }
        $bad[] = rtrim($line);
    }
}
echo "answered: $answered/30\n";
echo "garbled or out of order: ", json_encode($bad), "\n";
echo "several workers answered: ", var_export(count($pids) >= 3, true), "\n";
$c->close();
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
answered: 30/30
garbled or out of order: []
several workers answered: true
int(0)
