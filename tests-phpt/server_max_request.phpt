--TEST--
Server: with max_request=3 a worker is replaced after 3 requests (new pid, onWorkerStop/onWorkerStart, no error)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
// worker_num=1 with max_request: a manager process supervises the one worker
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1, 3]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLine('/^onWorkerStart /');
$master = $srv->pid;

// one request per connection, so a worker that reached its limit has nothing left to serve
$pids = [];
for ($i = 1; $i <= 7; $i++) {
    $c = new TestClient($port);
    $reply = ask($c, 'pid');
    $c->close();
    if (!preg_match('/^pid=(\d+) wid=0$/', $reply, $m)) {
        echo "request $i: unexpected reply '$reply'\n";
        continue;
    }
    $pids[] = (int)$m[1];
    if ($i % 3 === 0) {
        // the worker has served 3 requests: wait for its successor before the next one
        $srv->waitForLines('/^onWorkerStart /', intdiv($i, 3) + 1);
    }
}
$distinct = array_values(array_unique($pids));
echo "workers seen: ", count($distinct), "\n";
echo "pattern: ", implode(' ', array_map(fn($p) => chr(65 + array_search($p, $distinct, true)), $pids)), "\n";
echo "none of them is the master: ";
same(in_array($master, $pids, true), false);

$out = $srv->stop();
var_dump($srv->exitCode);
$lines = explode("\n", $out);
echo "onStart: ", count(preg_grep('/^onStart /', $lines)), "\n";
echo "onManagerStart: ", count(preg_grep('/^onManagerStart /', $lines)), "\n";
echo "onWorkerStart: ", count(preg_grep('/^onWorkerStart id=0 /', $lines)), "\n";
echo "onWorkerStop: ", count(preg_grep('/^onWorkerStop id=0 /', $lines)), "\n";
echo "each worker stopped itself: ";
// (in any order: the second worker may still be finishing its drain when the
// shutdown reaches the third)
$stopped = pids_in($out, '/^onWorkerStop /');
sort($stopped);
$sortedDistinct = $distinct;
sort($sortedDistinct);
same($stopped, $sortedDistinct);
echo "errors: ";
same(array_values(preg_grep('/onWorkerError|abnormal|WARNING|Warning|Fatal/', $lines)), []);
echo "workers left: ";
same(array_values(array_filter($distinct, 'pid_alive')), []);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECT--
workers seen: 3
pattern: A A A B B B C
none of them is the master: as expected
int(0)
onStart: 1
onManagerStart: 1
onWorkerStart: 3
onWorkerStop: 3
each worker stopped itself: as expected
errors: as expected
workers left: as expected
clean stop
