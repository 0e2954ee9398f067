--TEST--
Process: pipe round trip: the child's write() is read() by the parent, the parent's write() is read() by the child
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $worker->write("hello from child " . getmypid());
    $msg = $worker->read();
    $worker->write("child got: $msg");
});
echo "pid before start: ", var_export($proc->pid, true), "\n";
echo "pipe is an fd: ", var_export(is_int($proc->pipe), true), "\n";
$pid = $proc->start();
kill_child_on_exit($pid);
echo "start() returned the child's pid: ", var_export(is_int($pid) && $pid > 0 && $pid !== getmypid(), true), "\n";
echo "\$proc->pid: ";
same($proc->pid, $pid);

echo "child says: ";
same($proc->read(), "hello from child $pid");
var_dump($proc->write("hello from parent"));
var_dump($proc->read());

$status = Swoole\Process::wait();
echo "wait(): ";
same($status, ['pid' => $pid, 'code' => 0, 'signal' => 0]);
?>
--EXPECT--
pid before start: NULL
pipe is an fd: true
start() returned the child's pid: true
$proc->pid: as expected
child says: as expected
int(17)
string(28) "child got: hello from parent"
wait(): as expected
