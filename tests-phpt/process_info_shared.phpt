--TEST--
PROCESS shared connection table: getClientInfo/exist/getClientList/connections/send work from any worker for any fd; a closed fd gives false and 1005
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

[$srv, $port, $pids, $manager] = pd_start(2, 2, 'events');

// at least 4 connections, and some on each worker (dispatch_mode 2: socket fd parity)
$c = [];
$who = [];
$byWorker = [];
for ($i = 0; $i < 16 && ($i < 4 || count($byWorker) < 2); $i++) {
    $c[$i] = new TestClient($port);
    $who[$i] = pd_who($c[$i]);
    $who[$i]['local_port'] = (int)substr(strrchr(stream_socket_get_name($c[$i]->sock, false), ':'), 1);
    $byWorker[$who[$i]['wid']][] = $i;
}
$n = count($c);
ksort($byWorker);
echo "both workers serve connections: ", var_export(array_keys($byWorker) === [0, 1], true), "\n";
[$x, $y] = [$byWorker[0][0], $byWorker[1][0]];   // x on worker 0, y on worker 1
$fdX = $who[$x]['fd'];
$fdY = $who[$y]['fd'];
$allFds = array_column($who, 'fd');
sort($allFds);

echo "--- getClientInfo of a connection another worker serves\n";
foreach ([[$x, $y], [$y, $x]] as [$asker, $about]) {
    $info = json_decode(ask($c[$asker], "info {$who[$about]['fd']}"), true);
    same(
        [$info['socket_fd'] ?? null, $info['remote_port'] ?? null, $info['reactor_id'] ?? null, $info['server_port'] ?? null],
        [$who[$about]['socket_fd'], $who[$about]['local_port'], $who[$about]['info_rid'], $port]
    );
}

echo "--- exist, getClientList and connections from every worker\n";
$bad = [];
foreach ($c as $i => $client) {
    foreach ($allFds as $fd) {
        if (ask($client, "exist $fd") !== 'exist=true') {
            $bad[] = "exist $fd from client $i";
        }
    }
    $list = json_decode(substr(ask($client, 'list'), strlen('list=')), true);
    sort($list);
    if ($list !== $allFds) {
        $bad[] = "list from client $i: " . json_encode($list);
    }
    if (!preg_match('/^conns count=(\d+) fds=(\[.*\])$/', ask($client, 'conns'), $m)) {
        $bad[] = "conns from client $i";
        continue;
    }
    $conns = json_decode($m[2], true);
    sort($conns);
    if ((int)$m[1] !== $n || $conns !== $allFds) {
        $bad[] = "conns from client $i: $m[0]";
    }
}
echo "every fd seen from every worker: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";

echo "--- send() to a connection another worker serves\n";
echo ask($c[$x], "send $fdY hello-from-worker-0"), "\n";
echo rtrim(fgets($c[$y]->sock)), "\n";
echo ask($c[$y], "send $fdX hello-from-worker-1"), "\n";
echo rtrim(fgets($c[$x]->sock)), "\n";

echo "--- after y closed\n";
$c[$y]->close();
$srv->waitForLine("/^onClose fd=$fdY wid=1 /");
echo "info false from worker 0: ", var_export(pd_until(fn() => ask($c[$x], "info $fdY") === 'false'), true), "\n";
echo ask($c[$x], "exist $fdY"), "\n";
echo ask($c[$x], "send $fdY late"), "\n";
$left = array_values(array_diff($allFds, [$fdY]));
$ok = [];
foreach ($c as $i => $client) {
    if ($i === $y) {
        continue;
    }
    $list = json_decode(substr(ask($client, 'list'), strlen('list=')), true);
    sort($list);
    preg_match('/^conns count=(\d+) fds=(\[.*\])$/', ask($client, 'conns'), $m);
    $conns = json_decode($m[2], true);
    sort($conns);
    $ok[] = ask($client, "exist $fdY") === 'exist=false' && $list === $left && (int)$m[1] === $n - 1 && $conns === $left;
}
echo "gone from exist/getClientList/connections in every worker: ", json_encode(array_unique($ok)), "\n";
echo "never open: ", ask($c[$x], "send 99999 x"), "\n";

foreach ($c as $i => $client) {
    if ($i !== $y) {
        $client->close();
    }
}
$srv->waitForLines('/^onClose /', $n);
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
both workers serve connections: true
--- getClientInfo of a connection another worker serves
as expected
as expected
--- exist, getClientList and connections from every worker
every fd seen from every worker: yes
--- send() to a connection another worker serves
send=true err=0
hello-from-worker-0
send=true err=0
hello-from-worker-1
--- after y closed
info false from worker 0: true
exist=false
send=false err=1005
gone from exist/getClientList/connections in every worker: [true]
never open: send=false err=1005
stopped cleanly
