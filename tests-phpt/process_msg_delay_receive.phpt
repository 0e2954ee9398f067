--TEST--
SWOOLE_PROCESS, enable_delay_receive: what a client sends right after connecting reaches onReceive only after confirm($fd) (here 300 ms after onConnect, from a timer), whole and in order; confirm() of an unknown fd is false; seed 003's confirm() example in PROCESS mode
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

echo "--- confirm 300 ms after onConnect\n";
$port = free_port();
$srv = new ServerProcess(
    __DIR__ . '/servers/process_msg_server.php',
    [$port, 'process', '{"worker_num":2,"enable_delay_receive":true}', '{"confirm_after":300}']
);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$pids = wait_for_descendants($srv->pid, 3);

$t0 = clock();
$c = new TestClient($port);
$c->send("early ");
$srv->waitForLine('/^onConnect fd=1 /');
$c->send("data");
// nothing comes back before the server confirms the connection
echo "echo before 150 ms: ", var_export(readable($c->sock, 0.15), true), "\n";
$echo = $c->recvExactly(10);
$waited = clock() - $t0;
var_dump($echo);
echo "waited for the confirm: ", var_export($waited >= 0.28, true), "\n";
// in the server: onConnect, then the confirm, then the data in one or more onReceive
$connect = line_index($srv, '/^onConnect fd=1 /');
$confirm = line_index($srv, '/^confirm fd=1: true$/');
$receive = line_index($srv, '/^onReceive fd=1 /');
echo "order: ", var_export($connect !== false && $confirm !== false && $receive !== false && $connect < $confirm && $confirm < $receive, true), "\n";
echo "bytes received: ", array_sum(array_map(fn($l) => (int)substr(strrchr($l, '='), 1), lines_matching($srv, '/^onReceive fd=1 /'))), "\n";
// afterwards the connection works as usual
echo preg_replace('/wid=[01]$/', 'wid=0|1', ask($c, "fd\n")), "\n";
echo ask($c, "confirm 99\n"), "\n";

// a second connection is delayed the same way
$t0 = clock();
$d = new TestClient($port);
$d->send("payload!");
var_dump($d->recvExactly(8));
echo "waited for the confirm: ", var_export(clock() - $t0 >= 0.28, true), "\n";
echo $srv->waitForLine('/^confirm fd=2: /'), "\n";

$c->close();
$d->close();
$srv->waitForLines('/^onClose /', 2);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";

echo "--- seed 003 confirm() example, PROCESS mode\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/confirm_003.php', $port, true);
kill_on_exit($srv);
wait_for_port($port);
$pids = wait_for_descendants($srv->pid, server_processes('process', swoole_cpu_num()));   // worker_num defaults to the CPU count
$c = new TestClient($port);
$c->send("hello");
var_dump($c->recvExactly(strlen("Server: hello")));
$c->send("again");
var_dump($c->recvExactly(strlen("Server: again")));
$c->close();
echo $srv->waitForLine('/^Client: Close\.$/'), "\n";
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECT--
--- confirm 300 ms after onConnect
echo before 150 ms: false
string(10) "early data"
waited for the confirm: true
order: true
bytes received: 10
fd=1 wid=0|1
confirm=false
string(8) "payload!"
waited for the confirm: true
confirm fd=2: true
int(0)
left: []
--- seed 003 confirm() example, PROCESS mode
string(13) "Server: hello"
string(13) "Server: again"
Client: Close.
int(0)
left: []
