--TEST--
Process: exec() in the child replaces it with another program (same pid); with redirect, the parent reads its output
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $worker->exec(PHP_BINARY, ['-n', '-r', 'echo "exec ok, pid=", getmypid(), ", args=", json_encode(array_slice($argv, 1)), "\n";', 'one', 'two']);
    echo "exec() returned\n";   // not reached when exec() works
}, true);
$pid = $proc->start();
kill_child_on_exit($pid);
$want = "exec ok, pid=$pid, args=[\"one\",\"two\"]\n";
echo "the program's output: ";
same(read_exactly($proc, strlen($want)), $want);
echo "child: ";
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => 0]);
?>
--EXPECT--
the program's output: as expected
child: as expected
