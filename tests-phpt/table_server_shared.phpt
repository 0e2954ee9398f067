--TEST--
Table and Atomic made before start() are shared by 4 workers and 2 task workers (concurrent incr ends at the exact sums), while a table made in onWorkerStart stays private to its worker; SWOOLE_BASE and SWOOLE_PROCESS
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const ROUNDS = 20000;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/shm_server.php', [$port, $mode, ROUNDS]);
    kill_on_exit($srv);
    wait_for_port($port);
    $lines = $srv->waitForLines('/^done id=/', 6);
    sort($lines);
    echo count(array_unique(pids_in(implode("\n", $lines), '/^done/'))), " processes added\n";
    $c = new TestClient($port);
    // 6 processes: n counts 6 x ROUNDS, f 6 x ROUNDS x 0.5, each w<id> ROUNDS.
    same(ask($c, 'sum'), 'total n=' . 6 * ROUNDS . ' f=' . 3 * ROUNDS . ' rows=7 done=6'
        . implode('', array_map(fn($i) => " w$i=" . ROUNDS, range(0, 5))));
    echo ask($c, 'private'), "\n";
    $c->close();
    $out = $srv->stop();
    var_dump($srv->exitCode);
    echo preg_match('/warning|error/i', $out) ? $out : "no warnings\n";
}
?>
--EXPECTF--
--- base
6 processes added
as expected
private rows=1 id=%d mine=true
int(0)
no warnings
--- process
6 processes added
as expected
private rows=1 id=%d mine=true
int(0)
no warnings
