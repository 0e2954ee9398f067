--TEST--
Seed 003 (addProcess()): the seed's broadcast user process sends a message from client A to every connection, client B included; as written (SWOOLE_BASE) and in SWOOLE_PROCESS mode
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

foreach ([false, true] as $processMode) {
    echo $processMode ? "--- SWOOLE_PROCESS\n" : "--- as written\n";
    $port = free_port();
    $srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/process_broadcast_003.php', $port, $processMode);
    $seen = [];
    kill_tree_on_exit($srv, $seen);
    wait_for_port($port);

    // B's own message coming back shows B is among the server's connections
    $b = new TestClient($port);
    stream_set_timeout($b->sock, 4);
    $b->send("B is here");
    var_dump($b->recvExactly(strlen("B is here")));

    $a = new TestClient($port);
    stream_set_timeout($a->sock, 4);
    $a->send("hello from A");
    echo "B received: ", var_export($b->recvExactly(strlen("hello from A")), true), "\n";
    echo "A received: ", var_export($a->recvExactly(strlen("hello from A")), true), "\n";

    // a third client joins late: it gets what is sent from now on, not what was sent before
    $c = new TestClient($port);
    stream_set_timeout($c->sock, 4);
    $c->send("C joins");
    foreach (['A' => $a, 'B' => $b, 'C' => $c] as $name => $client) {
        echo "$name received: ", var_export($client->recvExactly(strlen("C joins")), true), "\n";
    }

    $seen = descendants($srv->pid);
    echo "the server has child processes: ", var_export(count($seen) >= 2, true), "\n";
    $out = $srv->stop();
    echo "--- server output\n", $out, "--- end of server output\n";
    var_dump($srv->exitCode);
    echo "processes left: ";
    same(array_values(array_filter($seen, 'pid_alive')), []);
    foreach ([$a, $b, $c] as $client) {
        $client->close();
    }
}
?>
--EXPECT--
--- as written
string(9) "B is here"
B received: 'hello from A'
A received: 'hello from A'
A received: 'C joins'
B received: 'C joins'
C received: 'C joins'
the server has child processes: true
--- server output
--- end of server output
int(0)
processes left: as expected
--- SWOOLE_PROCESS
string(9) "B is here"
B received: 'hello from A'
A received: 'hello from A'
A received: 'C joins'
B received: 'C joins'
C received: 'C joins'
the server has child processes: true
--- server output
--- end of server output
int(0)
processes left: as expected
