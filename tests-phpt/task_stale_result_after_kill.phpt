--TEST--
Server: an event worker killed while it waits in taskwait() leaves its task's result behind; its replacement's own taskwait() gets its own result, never the dead worker's (task ids run on across the processes of a worker id) (both modes)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/task_stale_result.php', [$port, $mode]);
    kill_on_exit($srv);
    $first = pids_in($srv->waitForLine('/^ready /'), '/ready/')[0];
    wait_for_port($port);
    // The worker waits for a task that takes 0.5 s and is killed meanwhile:
    // the result comes back to a worker id whose process is gone.
    $old = new TestClient($port);
    $old->send("slow:for the killed worker\n");
    $srv->waitForLine('/^task_started slow:/');
    posix_kill($first, SIGKILL);
    $next = pids_in($srv->waitForLine("/^ready pid=(?!$first\\b)/"), '/ready/')[0];
    $c = new TestClient($port);
    $c->send("fast:for the replacement\n");
    $reply = rtrim((string)fgets($c->sock));
    echo "$mode: ", $reply === "$next got 'fast:for the replacement'" ? 'its own result' : "got: $reply", "\n";
    $c->close();
    $old->close();
    $srv->stop();
    echo "$mode exit: ", var_export($srv->exitCode, true), "\n";
}
?>
--EXPECT--
base: its own result
base exit: 0
process: its own result
process exit: 0
