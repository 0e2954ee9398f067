--TEST--
SWOOLE_PROCESS, max_connection 3: a 4th concurrent connection is closed by the server at once (no onConnect, a warning, counted in abort_count, not in accept_count) while the first 3 keep working; after one closes, a new one is accepted; a burst of 6 simultaneous connections gets exactly 3 through
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

function start_server(): array
{
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, 'process', '{"worker_num":2,"max_connection":3}']);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLines('/^onWorkerStart /', 2);
    return [$srv, $port, wait_for_descendants($srv->pid, 3)];
}

echo "--- one after the other\n";
[$srv, $port, $pids] = start_server();
$clients = [];
$replies = [];
for ($i = 0; $i < 3; $i++) {
    $clients[$i] = new TestClient($port);
    $replies[$i] = ask($clients[$i], "fd\n");
}
echo preg_replace('/wid=[01]/', 'wid=W', implode(' | ', $replies)), "\n";
$over = new TestClient($port);
var_dump($over->recvAll());
$warning = $srv->waitForLine('/too many connections/');
echo "warning: ", preg_replace('/^.*(accept\(\).*from 127\.0\.0\.1:)\d+( refused)$/', '$1PORT$2', $warning), "\n";
$same = true;
foreach ($clients as $i => $c) {
    $same = $same && ask($c, "fd\n") === $replies[$i];
}
echo "the first 3 still work: ", var_export($same, true), "\n";
echo ask($clients[0], "stats\n"), "\n";
echo "onConnect lines: ", count(lines_matching($srv, '/^onConnect /')), "\n";

$clients[2]->close();
$srv->waitForLine('/^onClose fd=3 /');
$new = new TestClient($port);
echo preg_replace('/wid=[01]/', 'wid=W', ask($new, "fd\n")), "\n";
$over = new TestClient($port);
var_dump($over->recvAll());
echo ask($clients[0], "stats\n"), "\n";

foreach ([$clients[0], $clients[1], $new] as $c) {
    $c->close();
}
$srv->waitForLines('/^onClose /', 4);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";

echo "--- a burst\n";
[$srv, $port, $pids] = start_server();
$burst = [];
for ($i = 0; $i < 6; $i++) {
    $burst[] = new TestClient($port);
}
// three are refused (closed at once), three get served
$served = 0;
$live = null;
foreach ($burst as $c) {
    if (ask($c, "fd\n") !== '') {
        $served++;
        $live = $c;
    }
}
echo "served: $served\n";
echo $live ? ask($live, "stats\n") : 'none', "\n";
foreach ($burst as $c) {
    $c->close();
}
$srv->waitForLines('/^onClose /', $served);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECT--
--- one after the other
fd=1 wid=W | fd=2 wid=W | fd=3 wid=W
string(0) ""
warning: accept(): too many connections [max_connection=3], connection from 127.0.0.1:PORT refused
the first 3 still work: true
{"connection_num":3,"accept_count":3,"close_count":0,"abort_count":1}
onConnect lines: 3
fd=4 wid=W
string(0) ""
{"connection_num":3,"accept_count":4,"close_count":1,"abort_count":2}
int(0)
left: []
--- a burst
served: 3
{"connection_num":3,"accept_count":3,"close_count":0,"abort_count":3}
int(0)
left: []
