--TEST--
Seed 003 (bind() example) in PROCESS mode: "bind N success", then "M say:..." reaches the clients whose uids share a worker (dispatch_mode 5)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/bind_chat_003.php', $port, true);
$seen = [];
kill_tree_on_exit($srv, $seen);
wait_for_port($port);

/** Reads exactly $want from $c and prints what came. */
function expect(TestClient $c, string $who, string $want): void
{
    $got = $c->recvExactly(strlen($want));
    echo "$who got ", json_encode($got), $got === $want ? "" : " (want " . json_encode($want) . ")", "\n";
}

// Five clients, one after the other: the first message of each is the
// handshake, answered "bind <fd+1> success" (session ids start at 1).
$c = [];
for ($i = 1; $i <= 5; $i++) {
    $c[$i] = new TestClient($port);
    $c[$i]->send("hello");
    expect($c[$i], "client $i", "bind " . ($i + 1) . " success");
}

// From now on dispatch_mode 5 sends each client's packets to worker uid % 4:
// uids 2..6 -> workers 2, 3, 0, 1, 2. Each worker keeps its own $serv->fdlist
// (the clients that spoke to it), and "say" goes to that list: clients 1 and 5
// share worker 2, the others are alone on theirs.
$c[1]->send("a");
expect($c[1], "client 1", "1 say:a");
$c[5]->send("b");
expect($c[1], "client 1", "5 say:b");
expect($c[5], "client 5", "5 say:b");
$c[2]->send("c");
expect($c[2], "client 2", "2 say:c");   // "5 say:b" never came here
$c[1]->send("d");
expect($c[1], "client 1", "1 say:d");
expect($c[5], "client 5", "1 say:d");
$c[3]->send("e");
expect($c[3], "client 3", "3 say:e");
$c[4]->send("f");
expect($c[4], "client 4", "4 say:f");

foreach ($c as $x) {
    $x->close();
}
$procs = descendants($srv->pid);
echo "manager and workers: ", count($procs), "\n";
$out = $srv->stop();
$lines = explode("\n", $out);
// dispatch_mode 5 is not a hash mode: start() drops onConnect/onClose with a warning
echo "warning about onConnect: ", var_export((bool)preg_grep('/warning.*onConnect.*dispatch_mode/i', $lines), true), "\n";
echo "onConnect ran: ", var_export((bool)preg_grep('/ connect, worker:/', $lines), true), "\n";
echo "worker_id lines: ", count(preg_grep('/^worker_id: [0-3]$/', $lines)), "\n";
var_dump($srv->exitCode);
echo preg_grep('/Fatal|Deprecated/', $lines) ? $out : "", "processes left: ", json_encode(array_values(array_filter($procs, 'pid_alive'))), "\n";
?>
--EXPECT--
client 1 got "bind 2 success"
client 2 got "bind 3 success"
client 3 got "bind 4 success"
client 4 got "bind 5 success"
client 5 got "bind 6 success"
client 1 got "1 say:a"
client 1 got "5 say:b"
client 5 got "5 say:b"
client 2 got "2 say:c"
client 1 got "1 say:d"
client 5 got "1 say:d"
client 3 got "3 say:e"
client 4 got "4 say:f"
manager and workers: 5
warning about onConnect: true
onConnect ran: false
worker_id lines: 11
int(0)
processes left: []
