--TEST--
Process: wait() gives pid/code/signal for exit(7) and for a SIGTERM from kill(); false when no child is left; kill($pid, 0) checks a pid
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

echo "--- exit(7)\n";
$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $worker->read();   // until the parent says so
    exit(7);
});
$pid = $proc->start();
kill_child_on_exit($pid);
echo "kill(\$pid, 0) while it runs: ", var_export(Swoole\Process::kill($pid, 0), true), "\n";
$proc->write("go");
$status = Swoole\Process::wait();
var_dump(array_keys($status));
same($status, ['pid' => $pid, 'code' => 7, 'signal' => 0]);
echo "kill(\$pid, 0) once reaped: ", var_export(Swoole\Process::kill($pid, 0), true), "\n";

echo "--- kill() sends SIGTERM by default\n";
$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $worker->read();   // blocks until killed
});
$pid = $proc->start();
kill_child_on_exit($pid);
var_dump(Swoole\Process::kill($pid));
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => SIGTERM]);

echo "--- no child left\n";
var_dump(Swoole\Process::wait());
var_dump(Swoole\Process::wait(false));
?>
--EXPECT--
--- exit(7)
kill($pid, 0) while it runs: true
array(3) {
  [0]=>
  string(3) "pid"
  [1]=>
  string(4) "code"
  [2]=>
  string(6) "signal"
}
as expected
kill($pid, 0) once reaped: false
--- kill() sends SIGTERM by default
bool(true)
as expected
--- no child left
bool(false)
bool(false)
