--TEST--
Process: redirect_stdin_and_stdout: the child's echo is read() by the parent and the parent's write() is the child's STDIN
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

$proc = new Swoole\Process(function (Swoole\Process $worker) {
    echo "hello from the child's echo\n";
    $line = fgets(STDIN);
    echo "child read from STDIN: $line";
}, true);
$pid = $proc->start();
kill_child_on_exit($pid);

$first = "hello from the child's echo\n";
var_dump(read_exactly($proc, strlen($first)));
var_dump($proc->write("ping\n"));
$second = "child read from STDIN: ping\n";
var_dump(read_exactly($proc, strlen($second)));
echo "child: ";
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => 0]);
?>
--EXPECT--
string(28) "hello from the child's echo
"
int(5)
string(28) "child read from STDIN: ping
"
child: as expected
