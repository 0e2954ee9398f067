<?php
/**
 * Worker 1 throws in onWorkerStart for its first two starts (counted in a
 * file), then starts normally.
 *
 * usage: php failing_start.php PORT COUNTER_FILE
 */
[$port, $counter] = [(int)$argv[1], $argv[2]];
$server = new Swoole\Server('127.0.0.1', $port);
$server->set(['worker_num' => 2]);
$server->on('workerStart', function ($s, $id) use ($counter) {
    if ($id === 1) {
        $n = (int)@file_get_contents($counter) + 1;
        file_put_contents($counter, (string)$n);
        if ($n <= 2) {
            throw new RuntimeException("worker 1 cannot start (attempt $n)");
        }
    }
    echo "started id=$id t=" . microtime(true) . "\n";
});
$server->on('workerError', function ($s, $id, $pid, $code, $sig) {
    echo "onWorkerError id=$id exit_code=$code t=" . microtime(true) . "\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, "ok\n");
});
$server->start();
