<?php
/**
 * An operated server: 2 workers; settings from argv.
 * Commands: "whoami" -> "uid=U gid=G pid=P"; "root" -> what the worker's "/" holds;
 * "throw" -> an uncaught exception.
 *
 * usage: php ops_server.php PORT JSON_SETTINGS
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 2] + json_decode($argv[2], true));
$server->on('workerStart', function ($s, $id) {
    echo "worker $id started\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    if (trim($data) === 'throw') {
        throw new RuntimeException("boom for the log");
    }
    if (trim($data) === 'root') {
        $entries = array_values(array_diff(scandir('/') ?: [], ['.', '..']));
        $s->send($fd, "root=" . implode(',', $entries) . "\n");
        return;
    }
    $s->send($fd, sprintf("uid=%d gid=%d pid=%d\n", posix_geteuid(), posix_getegid(), getmypid()));
});
$server->start();
