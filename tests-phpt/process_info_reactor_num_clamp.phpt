--TEST--
PROCESS reactor_num above worker_num is lowered to worker_num: $reactor_id and getClientInfo()['reactor_id'] stay below worker_num
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

// Swoole: "reactor_num must be <= worker_num; a larger reactor_num is lowered
// to worker_num" (Server::create: if (worker_num < reactor_num) reactor_num = worker_num).
[$srv, $port, $pids, $manager] = pd_start(2, 2, 'reactors=4');
$rids = [];
$infoRids = [];
$clients = [];
for ($i = 0; $i < 8; $i++) {
    $clients[$i] = new TestClient($port);
    $r = pd_who($clients[$i]);
    $rids[$r['rid']] = true;
    $infoRids[$r['info_rid']] = true;
}
ksort($rids);
ksort($infoRids);
echo "onReceive \$reactor_id values: ", implode(',', array_keys($rids)), "\n";
echo "getClientInfo reactor_id values: ", implode(',', array_keys($infoRids)), "\n";
foreach ($clients as $c) {
    $c->close();
}
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
onReceive $reactor_id values: 0,1
getClientInfo reactor_id values: 0,1
stopped cleanly
