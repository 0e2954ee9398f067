--TEST--
Log lines name their process as Swoole's do: % for a plain script, # for a Process\Pool master, * and the worker id for its workers, $ for a server's manager (onManagerStart's own lines too), @ and the worker id for a user process; a worker that dies is reported as "Worker::report_error(): worker(pid=N, id=I) abnormal exit, status=S, signal=G"
--EXTENSIONS--
swoole
--FILE--
<?php
$cmd = PHP_BINARY . ' -d extension=' . getenv('SWOOLE_SO') . ' ' . escapeshellarg(__DIR__ . '/servers/log_flags.php') . ' 2>&1';
$lines = [];
foreach (explode("\n", trim(shell_exec($cmd))) as $line) {
    // "[date time F<pid>.<id>]\tLEVEL\tmessage" -> "F<id> message", pids masked.
    if (preg_match('/^\[\S+ \S+ (.)\d+\.(\d+)\]\t\w+\t(.*)$/', $line, $m)) {
        $lines[] = $m[1] . $m[2] . ' ' . preg_replace('/pid=\d+/', 'pid=P', $m[3]);
    }
}
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
#0 Worker::report_error(): worker(pid=P, id=0) abnormal exit, status=0, signal=9
#0 pool master
$0 after the server
$0 manager
%0 plain
*0 pool worker, second run
@1 user process
