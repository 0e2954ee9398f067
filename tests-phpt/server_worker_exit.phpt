--TEST--
Server: onWorkerExit runs in a worker stopping for a reload (BASE and PROCESS) while its timers keep it alive; clearing them there lets it exit at once, otherwise it is stopped after max_wait_time
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach ([['process', '1'], ['base', '1'], ['process', '0']] as [$mode, $clear]) {
    echo "--- $mode, clear=$clear\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/worker_exit_server.php', [$port, $mode, $clear]);
    kill_on_exit($srv);
    wait_for_port($port);
    $first = $srv->waitForLine('/^onWorkerStart /');
    $c = new TestClient($port);
    $t = microtime(true);
    echo ask($c, 'reload'), "\n";
    $c->close();
    $old = pids_in($first, '/onWorkerStart/')[0];
    echo preg_replace('/pid=\d+/', 'pid=P', $srv->waitForLine("/^onWorkerExit id=0 pid=$old$/")), "\n";
    echo preg_replace('/pid=\d+/', 'pid=P', $srv->waitForLine("/^onWorkerStop id=0 pid=$old /", 5)), "\n";
    $took = microtime(true) - $t;
    $srv->waitForLines('/^onWorkerStart /', 2);
    echo $clear === '1' ? ($took < 0.9 ? "stopped at once\n" : "took {$took}s\n")
                        : ($took >= 0.9 ? "stopped after max_wait_time\n" : "took {$took}s\n");
    $out = $srv->stop();
    echo str_contains($out, 'worker exit timeout, forced termination') ? "forced\n" : "not forced\n";
}
?>
--EXPECT--
--- process, clear=1
reload=true
onWorkerExit id=0 pid=P
onWorkerStop id=0 pid=P exits=yes
stopped at once
not forced
--- base, clear=1
reload=true
onWorkerExit id=0 pid=P
onWorkerStop id=0 pid=P exits=yes
stopped at once
not forced
--- process, clear=0
reload=true
onWorkerExit id=0 pid=P
onWorkerStop id=0 pid=P exits=yes
stopped after max_wait_time
forced
