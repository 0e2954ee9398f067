--TEST--
PROCESS reactor_id: onConnect/onReceive/onClose get the connection's getClientInfo()['reactor_id'], below reactor_num, and both reactor threads serve connections
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

[$srv, $port, $pids, $manager] = pd_start(2, 2, 'events,reactors=2');

$clients = [];
for ($i = 0; $i < 6; $i++) {
    $clients[$i] = new TestClient($port);
}
$bad = [];
$rids = [];
$byFd = [];
for ($round = 0; $round < 2; $round++) {
    foreach ($clients as $i => $c) {
        $r = pd_who($c);
        if ($r['rid'] !== $r['info_rid'] || $r['rid'] < 0 || $r['rid'] >= 2) {
            $bad[] = json_encode($r);
        }
        if (isset($byFd[$r['fd']]) && $byFd[$r['fd']] !== $r['rid']) {
            $bad[] = "reactor changed: " . json_encode($r);
        }
        $byFd[$r['fd']] = $r['rid'];
        $rids[$r['rid']] = true;
    }
}
echo "onReceive: \$reactor_id == info reactor_id < 2, stable: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";
ksort($rids);
echo "reactor ids used: ", implode(',', array_keys($rids)), "\n";

$bad = [];
foreach ($srv->waitForLines('/^onConnect /', 6) as $line) {
    preg_match('/^onConnect fd=(\d+) wid=\d+ rid=(\d+) socket_fd=\d+ info_rid=(\d+) /', $line, $m);
    if ($m[2] !== $m[3] || (int)$m[2] !== $byFd[(int)$m[1]]) {
        $bad[] = $line;
    }
}
echo "onConnect: \$reactor_id == info reactor_id == onReceive's: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";

// onClose after the client closed: the connection's reactor
foreach ($clients as $c) {
    $c->close();
}
$bad = [];
foreach ($srv->waitForLines('/^onClose /', 6) as $line) {
    preg_match('/^onClose fd=(\d+) wid=\d+ rid=(-?\d+) /', $line, $m);
    if ((int)$m[2] !== $byFd[(int)$m[1]]) {
        $bad[] = $line;
    }
}
echo "onClose after a client-side close: the connection's reactor: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
onReceive: $reactor_id == info reactor_id < 2, stable: yes
reactor ids used: 0,1
onConnect: $reactor_id == info reactor_id == onReceive's: yes
onClose after a client-side close: the connection's reactor: yes
stopped cleanly
