<?php
/**
 * An operated server: 2 workers; settings from argv.
 * Commands: "whoami" -> "uid=U gid=G pid=P"; "root" -> what the worker's "/" holds;
 * "throw" -> an uncaught exception.
 *
 * usage: php ops_server.php PORT JSON_SETTINGS [MAX_LIFETIME_SECONDS]
 *
 * With MAX_LIFETIME_SECONDS the server shuts itself down that long after
 * start() (a daemonized one a test lost track of does not outlive it).
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 2] + json_decode($argv[2], true));
// Absolute, so a worker restarted after "throw" keeps the same end.
$endAt = isset($argv[3]) ? microtime(true) + (float)$argv[3] : null;
$server->on('workerStart', function ($s, $id) use ($endAt) {
    echo "worker $id started\n";
    if ($endAt !== null && $id === 0) {
        Swoole\Timer::after(max(1, (int)(($endAt - microtime(true)) * 1000)), fn() => $s->shutdown());
    }
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
