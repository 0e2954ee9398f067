--TEST--
Seed 003 (tick, onWorkerStart example): $server->tick(1000) started in onWorkerStart var_dump()s its timer id every second
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/timer_tick_workerstart_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

$t0 = clock();
$lines = $srv->waitForLines('/^int\(\d+\)$/', 2, 4.0);
$took = clock() - $t0;
echo "two ticks within 1-3.5 s of listening: ", var_export($took >= 0.9 && $took < 3.5, true), "\n";
echo "the same timer id both times: ", var_export($lines[0] === $lines[1], true), "\n";
preg_match('/^int\((\d+)\)$/', $lines[0], $m);
echo "a positive id: ", var_export((int)$m[1] > 0, true), "\n";

$out = without_exit_timeout($srv->stop());
$all = explode("\n", trim($out));
echo "every line is that var_dump(): ", var_export(array_unique($all) === [$lines[0]], true), "\n";
if (array_unique($all) !== [$lines[0]]) {
    echo $out;
}
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
two ticks within 1-3.5 s of listening: true
the same timer id both times: true
a positive id: true
every line is that var_dump(): true
int(0)
array(0) {
}
