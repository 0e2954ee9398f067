--TEST--
WebSocket\Server in BASE mode with 2 workers, as Swoole 6.2.1: count($server->connections) is every connection of the server, iterating it (and getClientList()) yields the calling worker's own, so the usual broadcast (each worker's timer pushing to its connections) reaches every client exactly once; ours also pushes to an fd another worker holds and says it is established (Swoole: "session#N does not exists", false)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/ws_raw.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/ws_base_workers.php', [$port, 2]);
kill_on_exit($srv);
$srv->waitForLines('/worker \d started/', 2);
wait_for_port($port);

// Connect until both workers hold some (enable_reuse_port: the kernel spreads them).
$clients = [];
$holder = [];                                   // fd => worker
while (count($clients) < 8 || count(array_unique($holder)) < 2) {
    if (count($clients) >= 64) {
        die("the connections all went to one worker: " . json_encode(array_count_values($holder)) . "\n");
    }
    $ws = new RawWs($port);
    $clients[] = $ws;
    $holder[count($clients)] = (int)substr($ws->read()[1], 1);   // fds are 1, 2, ... in order
}
$n = count($clients);
echo "both workers hold connections\n";

$clients[0]->send(RawWs::frame(0x81, "report:$n"));
$r = json_decode($clients[0]->read()[1], true);
$own = array_keys(array_filter($holder, fn($w) => $w === $r['worker']));
echo "count is every connection: ", var_export($r['count'] === $n, true), "\n";
echo "iteration is the worker's own: ", var_export($r['iter'] === $own, true), "\n";
echo "getClientList is the worker's own: ", var_export($r['list'] === $own, true), "\n";
echo "isEstablished for every fd (ours): ", var_export($r['established'] === array_fill(0, $n, true), true), "\n";

$clients[0]->send(RawWs::frame(0x81, 'tick'));
$once = 0;
foreach ($clients as $ws) {
    $once += $ws->read()[1] === 'tick' ? 1 : 0;
}
echo "the per-worker broadcast reached each client: ", var_export($once === $n, true), "\n";

$clients[0]->send(RawWs::frame(0x81, "all:$n"));
$got = 0;
foreach ($clients as $i => $ws) {
    $got += $ws->read()[1] === 'to-all' ? 1 : 0;
}
echo "push to every fd from one worker (ours): ", $clients[0]->read()[1] === "pushed $n" && $got === $n ? 'all arrived' : "$got of $n", "\n";

// Nothing else arrives: the tick went to each client once.
$clients[0]->send(RawWs::frame(0x89, 'end'));
echo "next frame on the first client: opcode ", $clients[0]->read()[0], "\n";
$srv->stop();
?>
--EXPECT--
both workers hold connections
count is every connection: true
iteration is the worker's own: true
getClientList is the worker's own: true
isEstablished for every fd (ours): true
the per-worker broadcast reached each client: true
push to every fd from one worker (ours): all arrived
next frame on the first client: opcode 10
