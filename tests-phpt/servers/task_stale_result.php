<?php
/**
 * One event worker, one task worker whose onTask takes 0.5 s for "slow:*".
 * A request line is a value for taskwait($line, 5.0, 0); the reply is
 * "PID got VALUE" (or "PID got false"). Prints "ready pid=P" per event worker,
 * "task_started DATA" when a slow task begins.
 *
 * usage: php task_stale_result.php PORT base|process
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 1, 'open_eof_split' => true, 'package_eof' => "\n"]);
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, getmypid() . ' got ' . var_export($s->taskwait(trim($data), 5.0, 0), true) . "\n");
});
$server->on('task', function ($s, $id, $from, $data) {
    if (str_starts_with($data, 'slow:')) {
        echo "task_started $data\n";
        usleep(500000);
    }
    return $data;
});
$server->on('workerStart', function ($s, $id) {
    if (!$s->taskworker) {
        echo 'ready pid=' . getmypid() . "\n";
    }
});
$server->start();
