--TEST--
PROCESS dispatch_mode 1 (round robin): consecutive packets of one connection reach the workers in turn
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

const WORKERS = 3;
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 1);

// one connection, a sequential request/reply loop: each packet goes to the next worker
$c = new TestClient($port);
$wids = [];
$pidOk = true;
for ($i = 0; $i < 6; $i++) {
    $r = pd_who($c);
    $wids[] = $r['wid'];
    $pidOk = $pidOk && $r['pid'] === $pids[$r['wid']];
}
$counts = array_count_values($wids);
ksort($counts);
echo "each worker twice: ", $counts === [0 => 2, 1 => 2, 2 => 2] ? "yes" : json_encode($wids), "\n";
$turns = true;
for ($i = 0; $i + 1 < 6; $i++) {
    $turns = $turns && $wids[$i] !== $wids[$i + 1];
}
for ($i = 0; $i + 3 < 6; $i++) {
    $turns = $turns && $wids[$i] === $wids[$i + 3];
}
echo "in turn (period 3, never twice in a row): ", $turns ? "yes" : json_encode($wids), "\n";
echo "answered by the worker pid of that id: ", var_export($pidOk, true), "\n";

// two connections taking turns: each one's 3 packets still meet 3 different workers
$a = new TestClient($port);
$b = new TestClient($port);
$onA = $onB = [];
for ($i = 0; $i < 3; $i++) {
    $onA[] = pd_who($a)['wid'];
    $onB[] = pd_who($b)['wid'];
}
sort($onA);
sort($onB);
same([$onA, $onB], [[0, 1, 2], [0, 1, 2]]);

// round robin is not a hash mode: no "cannot set" warning without onConnect/onClose
echo "warnings: ", count(preg_grep('/warning/i', explode("\n", $srv->output()))), "\n";

foreach ([$c, $a, $b] as $x) {
    $x->close();
}
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
each worker twice: yes
in turn (period 3, never twice in a row): yes
answered by the worker pid of that id: true
as expected
warnings: 0
stopped cleanly
