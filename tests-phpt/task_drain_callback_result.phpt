--TEST--
task() with a callback in a BASE worker that drains after a reload: its result goes to the worker id's inbox, which Swoole's draining worker no longer reads (ours still may: it is held with SIGSTOP here). The successor, which has no callback for it, gives Swoole's warning "require 'onFinish' callback" and drops it, not handed to onFinish
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$marker = sys_get_temp_dir() . "/task_drain_callback_$port";
@unlink($marker);
$srv = new ServerProcess(__DIR__ . '/servers/task_drain_callback.php', [$port, $marker]);
kill_on_exit($srv);
wait_for_port($port);
preg_match('/pid=(\d+)/', $srv->waitForLine('/^onWorkerStart id=0 start=1/'), $m);
$old = (int)$m[1];
$c = new TestClient($port);
echo ask($c, "go"), "\n";
$srv->waitForLine('/^onWorkerStart id=0 start=2/');
// The draining worker (it still holds $c) is held while the result comes back.
posix_kill($old, SIGSTOP);
touch($marker);
$srv->waitForLine("/require 'onFinish' callback/");
echo "warning\n";
posix_kill($old, SIGCONT);
$c->close();
$out = $srv->stop();
@unlink($marker);
echo "onFinish lines: ", preg_match_all('/^onFinish /m', $out), "\n";
// (A PHP warning can be printed twice: displayed and logged.)
echo "callbacks and warnings: ", preg_match_all('/^callback /m', $out) + (int)str_contains($out, "require 'onFinish' callback"), "\n";
?>
--EXPECTF--
dispatched
warning
onFinish lines: 0
callbacks and warnings: 1
