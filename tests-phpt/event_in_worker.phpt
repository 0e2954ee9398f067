--TEST--
Event::add inside a server worker runs on the worker's loop; getClientList() inside a user process sees the workers' connections
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/event_in_worker.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLine('/^ready$/');
$c = new TestClient($port);
$c->send("poke");
echo trim($c->recvExactly(strlen("worker loop read: hello\n"))), "\n";
$c->send("list");
echo trim($c->recvExactly(strlen("user process sees fd 1\n"))), "\n";
$out = without_exit_timeout($srv->stop());
echo $out;
var_dump($srv->exitCode);
?>
--EXPECT--
worker loop read: hello
user process sees fd 1
bool(true)
ready
int(0)
