--TEST--
Seed 004: the class-based echo server (swoole_server, 8 workers) greets, logs messages and closes, then stops cleanly
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
$port = free_port();
$server = ServerProcess::example(dirname(__DIR__) . '/examples-php/echo_server_004.php', $port);

// onStart runs once, in worker 0.
$server->waitForLine('/^Start$/');

// worker_num => 8: eight worker processes, all children of the server process.
$deadline = microtime(true) + TEST_TIMEOUT;
while (count($workers = child_pids($server->pid)) < 8 && microtime(true) < $deadline) {
    usleep(5000);
}
echo "workers: ", count($workers), "\n";

function greeting_worker(string $greeting, int $fd): int
{
    if (!preg_match("/^Hello fd:$fd! from_id:(\\d+)\$/", $greeting, $m)) {
        echo "unexpected greeting: ", json_encode($greeting), "\n";
        return -1;
    }
    $id = (int)$m[1];
    echo "fd $fd greeted by a worker id in 0..7: ", var_export($id >= 0 && $id <= 7, true), "\n";
    return $id;
}

// onConnect greets the client with its fd and the id of the worker that accepted it.
$c1 = new TestClient($port);
$g1 = $c1->recvExactly(strlen("Hello fd:1! from_id:0"));
var_dump($g1);
$w1 = greeting_worker($g1, 1);

$c2 = new TestClient($port);
$g2 = $c2->recvExactly(strlen("Hello fd:2! from_id:0"));
var_dump($g2);
$w2 = greeting_worker($g2, 2);

// onReceive only logs the message (nothing is sent back).
$c1->send("hello from client 1");
$line = $server->waitForLine('/^Get Message From Client fd:1 /');
echo $line, "\n";
var_dump($line === "Get Message From Client fd:1 from_id:$w1  data:hello from client 1");

$c2->send("hello from client 2");
$line = $server->waitForLine('/^Get Message From Client fd:2 /');
echo $line, "\n";
var_dump($line === "Get Message From Client fd:2 from_id:$w2  data:hello from client 2");

// onClose logs the closed connection, with the same worker id.
$c1->close();
$line = $server->waitForLine('/^Client fd:1 .*close connection$/');
echo $line, "\n";
var_dump($line === "Client fd:1 from_id:$w1 close connection");

$c2->close();
$line = $server->waitForLine('/^Client fd:2 .*close connection$/');
echo $line, "\n";
var_dump($line === "Client fd:2 from_id:$w2 close connection");

// Eight processes print, so the order between them is not fixed: compare sorted lines.
$out = $server->stop();
$lines = array_values(array_filter(explode("\n", $out), 'strlen'));
sort($lines);
echo "--- server output, sorted ---\n", implode("\n", $lines), "\n";
var_dump($server->exitCode);

// Nothing is left behind: no child of the server, and every worker has exited.
var_dump(child_pids($server->pid));
var_dump(array_values(array_filter($workers, fn($pid) => file_exists("/proc/$pid"))));
?>
--EXPECTF--
workers: 8
string(21) "Hello fd:1! from_id:%d"
fd 1 greeted by a worker id in 0..7: true
string(21) "Hello fd:2! from_id:%d"
fd 2 greeted by a worker id in 0..7: true
Get Message From Client fd:1 from_id:%d  data:hello from client 1
bool(true)
Get Message From Client fd:2 from_id:%d  data:hello from client 2
bool(true)
Client fd:1 from_id:%d close connection
bool(true)
Client fd:2 from_id:%d close connection
bool(true)
--- server output, sorted ---
Client fd:1 from_id:%d close connection
Client fd:2 from_id:%d close connection
Get Message From Client fd:1 from_id:%d  data:hello from client 1
Get Message From Client fd:2 from_id:%d  data:hello from client 2
Start
int(0)
array(0) {
}
array(0) {
}
