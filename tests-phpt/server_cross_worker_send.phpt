--TEST--
Server (BASE, 2 workers): send() and close() on a session another worker owns reach it through that worker; a closed one fails with 1005
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cross_worker.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);

// one client on each worker (the kernel picks; try until both are covered)
$on = [];
for ($i = 0; $i < 300 && count($on) < 2; $i++) {
    $c = new TestClient($port);
    preg_match('/^fd=(\d+) wid=(\d+)$/', ask($c, 'who'), $m);
    if (isset($on[(int)$m[2]])) {
        $c->close();
        continue;
    }
    $on[(int)$m[2]] = [$c, (int)$m[1]];
}
if (count($on) < 2) {
    echo "the kernel gave all 300 connections to one worker: this run proves nothing\n";
} else {
    [$a, $fdA] = $on[0];
    [$b, $fdB] = $on[1];
    echo ask($a, "tell $fdB greetings"), "\n";          // worker 0 sends on worker 1's connection
    echo trim($b->recvExactly(strlen("greetings from worker 0\n"))), "\n";
    echo ask($a, "kick $fdB"), "\n";                    // worker 0 closes worker 1's connection
    echo $b->recvAll() === '' ? "closed by worker 1\n" : "still open\n";
    $srv->waitForLine("/^onClose fd=$fdB in worker 1$/");
    echo ask($a, "tell $fdB again"), "\n";              // now a stale id
}
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
told=true err=0
greetings from worker 0
kicked=true
closed by worker 1
told=false err=1005
int(0)
