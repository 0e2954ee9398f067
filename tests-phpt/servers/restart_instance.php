<?php
/**
 * One instance of a zero-downtime restart (restart_reuse_port.phpt): a line
 * server on PORT with enable_reuse_port, answering each line with NAME.
 * Prints "NAME ready" once its workers started, "NAME shutdown" at the end.
 *
 * usage: php restart_instance.php NAME base|process PORT
 */
[$name, $mode, $port] = [$argv[1], $argv[2], (int)$argv[3]];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set([
    'worker_num' => 2,
    'enable_reuse_port' => true,
    'max_wait_time' => 3,
    'open_eof_split' => true,
    'package_eof' => "\n",
    'log_level' => SWOOLE_LOG_WARNING,
]);
$started = new Swoole\Atomic(0);
$server->on('workerStart', function ($s, $id) use ($name, $started) {
    if ($started->add(1) === 2) {
        echo "$name ready\n";
    }
});
$server->on('receive', function ($s, $fd, $rid, $data) use ($name) {
    $s->send($fd, "$name\n");
});
$server->on('shutdown', function () use ($name) {
    echo "$name shutdown\n";
});
$server->start();
