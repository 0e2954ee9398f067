--TEST--
Seed 003 (tick, onReceive example): after a message, $server->tick(1000) sends the client "hello world" every second
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/timer_tick_receive_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

$c = new TestClient($port);
stream_set_timeout($c->sock, 4);
$t0 = clock();
$c->send("start");
$first = $c->recvExactly(11);
$t1 = clock();
$second = $c->recvExactly(11);
$t2 = clock();
var_dump($first, $second);
// the tick fires first one interval after it was added, then every interval
printf("first after about 1 s: %s\n", var_export($t1 - $t0 >= 0.9 && $t1 - $t0 < 2.0, true));
printf("second about 1 s later: %s\n", var_export($t2 - $t1 >= 0.8 && $t2 - $t1 < 2.0, true));

$out = without_exit_timeout($srv->stop());
$c->close();
echo "--- server output\n", $out, "--- end of server output\n";
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
string(11) "hello world"
string(11) "hello world"
first after about 1 s: true
second about 1 s later: true
--- server output
--- end of server output
int(0)
array(0) {
}
