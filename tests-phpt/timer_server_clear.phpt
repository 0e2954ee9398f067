--TEST--
Seed 003 (clearTimer example): the tick clears itself with $server->clearTimer() on its first run: exactly one run, the timer is gone
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/timer_clear_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

preg_match('/^tick timer (\d+) started$/', $srv->waitForLine('/^tick timer /'), $m);
$id = $m[1];
echo "the tick's run: ";
same($srv->waitForLine('/^clearTimer\(/', 3.0), "clearTimer($id) returned true");
echo "later: ";
same($srv->waitForLine('/^2\.5 s later/', 4.0), "2.5 s later: timer $id exists: false");

$out = $srv->stop();
echo "clearTimer() calls in all: ", count(preg_grep('/^clearTimer\(/', explode("\n", $out))), "\n";
echo str_replace(["timer $id ", "clearTimer($id)"], ["timer ID ", "clearTimer(ID)"], $out);
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
the tick's run: as expected
later: as expected
clearTimer() calls in all: 1
tick timer ID started
clearTimer(ID) returned true
2.5 s later: timer ID exists: false
int(0)
array(0) {
}
