--TEST--
Process descriptors: exportSocket()'s dup never takes 0-2 (even with STDIN closed) and is close-on-exec, as are the process's pipe ends: a program the child exec()s inherits none of them
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

/** Whether descriptor $fd of this process is close-on-exec (the flags line of its fdinfo, octal). */
function cloexec(int $fd): bool
{
    preg_match('/^flags:\s+([0-7]+)/m', file_get_contents("/proc/self/fdinfo/$fd"), $m);
    return (octdec($m[1]) & 02000000) !== 0;
}

$p = new Swoole\Process(function (Swoole\Process $w) {
    $s = $w->exportSocket();
    // Which of the child's pipe end and exported socket an exec()ed program
    // finds open (none).
    $w->exec('/bin/sh', ['-c', 'n=0; for fd in "$@"; do [ -e /proc/self/fd/$fd ] && n=$((n+1)); done; echo "exec sees $n of them"',
        'sh', (string)$w->pipe, (string)$s->fd]);
}, false, 1);
fclose(STDIN);   // descriptor 0 is free from here on
$s = $p->exportSocket();
echo 'export fd above 2: ', json_encode($s->fd > 2), "\n";
echo 'descriptor 0 still free: ', json_encode(!file_exists('/proc/self/fd/0')), "\n";
echo 'export close-on-exec: ', json_encode(cloexec($s->fd)), ', pipe close-on-exec: ', json_encode(cloexec($p->pipe)), "\n";
$p->start();
echo $p->read();
Swoole\Process::wait();
?>
--EXPECT--
export fd above 2: true
descriptor 0 still free: true
export close-on-exec: true, pipe close-on-exec: true
exec sees 0 of them
