--TEST--
Server->after(100): the one-shot timer answers about 100 ms later, once, with no arguments; no timer is left afterwards
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/timer_after_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

$c = new TestClient($port);
stream_set_timeout($c->sock, 4);
$t0 = clock();
$c->send("hello");
$line = fgets($c->sock);
$took = clock() - $t0;
var_dump($line);
echo "about 100 ms later: ", var_export($took >= 0.09 && $took < 1.0, true), "\n";
// a one-shot timer is gone once it has run (a second run would arrive before this answer)
$c->send("timers");
var_dump(fgets($c->sock));

$c->send("again");
var_dump(fgets($c->sock));

$out = $srv->stop();
$c->close();
echo "--- server output\n", $out, "--- end of server output\n";
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
string(20) "after: hello args=0
"
about 100 ms later: true
string(9) "timers=0
"
string(20) "after: again args=0
"
--- server output
--- end of server output
int(0)
array(0) {
}
