--TEST--
Pool: SIGUSR1/SIGUSR2 reload the workers one at a time; a worker still busy after max_wait_time is killed, and the reload goes on
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$key = 0x53000000 + getmypid();
// onWorkerStop takes 150 ms: one at a time, the stops are that far apart.
$srv = new ServerProcess(__DIR__ . '/servers/pool_server.php', ['msgqueue', 3, $key, 1, 150]);
$seen = [];
kill_tree_on_exit($srv, $seen);
$srv->waitForLines('/^in loop /', 3);

/** The worker ids in the order their lines matching $re appear (from line $from on). */
function order(string $out, string $re, int $from = 0): array
{
    $lines = array_slice(explode("\n", $out), $from);
    return array_values(array_map(fn($l) => (int)preg_replace('/.* id=(\d+).*/', '$1', $l), preg_grep($re, $lines)));
}

foreach ([SIGUSR1, SIGUSR2] as $n => $sig) {
    $from = count(explode("\n", $srv->output())) - 1;
    $srv->signal($sig);
    $srv->waitForLines('/^in loop /', 6 + 3 * $n);
    $out = $srv->output();
    $events = array_slice(explode("\n", $out), $from);
    $stops = array_values(preg_grep('/^onWorkerStop /', $events));
    $times = array_map(fn($l) => (float)substr($l, strrpos($l, 't=') + 2), $stops);
    $gaps = array_map(fn($i) => $times[$i] - $times[$i - 1], [1, 2]);
    echo $sig === SIGUSR1 ? "SIGUSR1: " : "SIGUSR2: ";
    echo "stops ", implode(' ', order(implode("\n", $stops), '/./')), ", one at a time: ", var_export(min($gaps) >= 0.14, true), "\n";
}

// A worker that does not return from onMessage is killed after max_wait_time (1 s).
$q = new Swoole\Process(function () {}, false, 0);
$q->useQueue($key);
$q->push('spin:4000');
$busy = (int)preg_replace('/.* id=(\d+).*/', '$1', $srv->waitForLine('/^onMessage .* data=spin:4000$/'));
$before = count(explode("\n", $srv->output())) - 1;
$srv->signal(SIGUSR1);
echo $srv->waitForLine('/force kill worker process/'), "\n";
$srv->waitForLines('/^in loop /', 12);
$tail = implode("\n", array_slice(explode("\n", $srv->output()), $before));
echo "every worker replaced: ", count(preg_grep('/^onWorkerStart /', explode("\n", $tail))), "\n";
echo "the busy worker was killed, not stopped: ", var_export(!preg_match("/^onWorkerStop id=$busy /m", $tail), true), "\n";
echo "its work never finished: ", var_export(!str_contains($tail, 'spin done'), true), "\n";

$out = $srv->stop();
same($srv->exitCode, 0);
echo preg_grep('/^after start: NULL children=\[\]$/', explode("\n", $out)) ? "clean stop\n" : $out;
$q->freeQueue();
?>
--EXPECTF--
SIGUSR1: stops 0 1 2, one at a time: true
SIGUSR2: stops 0 1 2, one at a time: true
[%s]	WARNING	force kill worker process(pid=%d, id=%d)
every worker replaced: 3
the busy worker was killed, not stopped: true
its work never finished: true
as expected
clean stop
