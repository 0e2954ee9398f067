--TEST--
PROCESS dispatch_mode 1: one round-robin turn for the whole server, so packets of connections on different reactor threads still reach the workers in turn
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

// Swoole's schedule_worker(): DISPATCH_ROUND takes sw_atomic_fetch_add(&worker_round_id, 1),
// one counter in the master shared by all reactor threads.
const WORKERS = 3;
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 1, 'reactors=2');

// two connections, until they are held by different reactor threads
$a = new TestClient($port);
$ridA = pd_who($a)['rid'];
for ($i = 0; $i < 8; $i++) {
    $b = new TestClient($port);
    if (pd_who($b)['rid'] !== $ridA) {
        break;
    }
    $b->close();
}
echo "different reactor threads: ", var_export(pd_who($b)['rid'] !== $ridA, true), "\n";

// strictly alternating requests: every packet goes to the next worker
$wids = [];
for ($i = 0; $i < 3; $i++) {
    $wids[] = pd_who($a)['wid'];
    $wids[] = pd_who($b)['wid'];
}
$turns = true;
for ($i = 0; $i + 1 < 6; $i++) {
    $turns = $turns && $wids[$i] !== $wids[$i + 1];
}
for ($i = 0; $i + 3 < 6; $i++) {
    $turns = $turns && $wids[$i] === $wids[$i + 3];
}
echo "A,B,A,B,A,B reached the workers in turn: ", $turns ? "yes" : json_encode($wids), "\n";

$a->close();
$b->close();
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
different reactor threads: true
A,B,A,B,A,B reached the workers in turn: yes
stopped cleanly
