--TEST--
Process: name() in the child changes its process title (/proc/PID/cmdline)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $ret = $worker->name("swoole-phpt-renamed-" . getmypid());
    $worker->write("name() returned " . var_export($ret, true));
    $worker->read();   // stay alive until the parent has looked
});
$pid = $proc->start();
kill_child_on_exit($pid);
echo $proc->read(), "\n";
$title = rtrim(file_get_contents("/proc/$pid/cmdline"), "\0 ");
echo "cmdline: ";
same($title, "swoole-phpt-renamed-$pid");
echo "the parent keeps its own title: ", var_export(!str_contains(file_get_contents('/proc/self/cmdline'), 'swoole-phpt-renamed'), true), "\n";
$proc->write("bye");
echo "child: ";
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => 0]);
?>
--EXPECT--
name() returned true
cmdline: as expected
the parent keeps its own title: true
child: as expected
