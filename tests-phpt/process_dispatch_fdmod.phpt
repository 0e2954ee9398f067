--TEST--
PROCESS dispatch_mode 2 (the default): every packet, onConnect and onClose of a connection reach worker socket_fd % worker_num
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

const WORKERS = 4;
// dispatch_mode left unset: the default is 2 (FDMOD)
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 'default', 'events');

// 8 connections open at once (so their OS fds differ), 3 requests each, interleaved
$clients = [];
for ($i = 0; $i < 8; $i++) {
    $clients[$i] = new TestClient($port);
}
$seen = [];
for ($round = 0; $round < 3; $round++) {
    foreach ($clients as $i => $c) {
        $seen[$i][] = pd_who($c);
    }
}

$bad = [];
$socketFds = [];
$expectConnect = [];
foreach ($seen as $i => $replies) {
    $first = $replies[0];
    $socketFds[] = $first['socket_fd'];
    $want = $first['socket_fd'] % WORKERS;
    foreach ($replies as $r) {
        if ($r['fd'] !== $first['fd'] || $r['socket_fd'] !== $first['socket_fd'] || $r['wid'] !== $want || $r['pid'] !== $pids[$want]) {
            $bad[] = "client $i: " . json_encode($r) . " (want wid=$want pid={$pids[$want]})";
        }
    }
    $expectConnect[$first['fd']] = "onConnect fd={$first['fd']} wid=$want socket_fd={$first['socket_fd']} pid={$pids[$want]}";
}
echo "packets on worker socket_fd % 4, always the same one: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";
echo "distinct socket fds: ", count(array_unique($socketFds)), "\n";
$used = array_unique(array_map(fn($fd) => $fd % WORKERS, $socketFds));
echo "several workers used: ", var_export(count($used) >= 2, true), "\n";

// onConnect ran in the same worker as the packets
$got = [];
foreach ($srv->waitForLines('/^onConnect /', 8) as $line) {
    preg_match('/^onConnect fd=(\d+) wid=(\d+) rid=\d+ socket_fd=(\d+) info_rid=\d+ pid=(\d+)$/', $line, $m);
    $got[(int)$m[1]] = "onConnect fd=$m[1] wid=$m[2] socket_fd=$m[3] pid=$m[4]";
}
ksort($got);
ksort($expectConnect);
same($got, $expectConnect);

// onClose too
foreach ($clients as $c) {
    $c->close();
}
$got = [];
foreach ($srv->waitForLines('/^onClose /', 8) as $line) {
    preg_match('/^onClose fd=(\d+) wid=(\d+) rid=\d+ pid=(\d+)$/', $line, $m);
    $got[(int)$m[1]] = "wid=$m[2] pid=$m[3]";
}
ksort($got);
$want = [];
foreach ($seen as $replies) {
    $want[$replies[0]['fd']] = "wid={$replies[0]['wid']} pid={$replies[0]['pid']}";
}
ksort($want);
same($got, $want);

pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
packets on worker socket_fd % 4, always the same one: yes
distinct socket fds: 8
several workers used: true
as expected
as expected
stopped cleanly
