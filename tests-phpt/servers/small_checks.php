<?php
/**
 * One worker and one task worker. At start, worker 0 tries send() with
 * fds that are no session ids, printing "send(<fd>): <result> err=<code>";
 * then a task whose onTask returns a closure (which cannot be serialized),
 * then one that returns the task worker's pid; prints "finish <data>" and
 * "task worker pid <pid>" (the pid its onWorkerStart saw, printed from its
 * onTask).
 *
 * usage: php small_checks.php PORT base|process
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1]);
$server->on('workerStart', function ($s, $id) {
    if ($id !== 0) {
        $GLOBALS['started_as'] = getmypid();
        return;
    }
    foreach (['abc', '', '1abc', null] as $fd) {
        $r = $s->send($fd, 'data');
        echo 'send(' . var_export($fd, true) . '): ' . var_export($r, true) . ' err=' . $s->getLastError() . "\n";
    }
    $s->task('closure');
    $s->task('pid');
});
$server->on('receive', function () {});
$server->on('task', function ($s, $id, $src, $data) {
    if ($data === 'closure') {
        return fn() => 1;
    }
    // Printed here, after the worker's own lines: a line printed while the
    // worker writes a warning (in pieces) could land inside it.
    echo "task worker pid " . $GLOBALS['started_as'] . "\n";
    return (string)getmypid();
});
$server->on('finish', function ($s, $id, $data) {
    echo "finish $data\n";
});
$server->on('pipeMessage', function () {});
$server->start();
