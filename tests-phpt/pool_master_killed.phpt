--TEST--
Pool: workers never outlive their master: SIGKILL to the master gets every worker SIGTERM (it stops cleanly, onWorkerStop runs)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$srv = new ServerProcess(__DIR__ . '/servers/pool_server.php', ['unixsock', 2]);
$seen = [];
kill_tree_on_exit($srv, $seen);
$srv->waitForLines('/^in loop /', 2);
$workers = pids_in(implode("\n", $srv->waitForLines('/^onWorkerStart /', 2)), '/./');
$seen = $workers;
posix_kill($srv->pid, SIGKILL);
$out = $srv->wait();
$deadline = microtime(true) + TEST_TIMEOUT;
while (array_filter($workers, 'pid_alive') && microtime(true) < $deadline) {
    usleep(10000);
}
echo "workers alive: ", count(array_filter($workers, 'pid_alive')), "\n";
echo "onWorkerStop lines: ", count(preg_grep('/^onWorkerStop /', explode("\n", $out))), "\n";
?>
--EXPECT--
workers alive: 0
onWorkerStop lines: 2
