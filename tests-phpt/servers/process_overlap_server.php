<?php
/**
 * PROCESS mode, worker_num 1, max_request 5: a worker that reached its limit
 * keeps running for a while (a tick timer started with its last request;
 * onWorkerExit clears it after 300 ms) and keeps sending on the connection,
 * while its successor, which has no timer of its own yet, already answers
 * the requests: the successor must be woken for them, not the old worker.
 * usage: PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$server->set(['worker_num' => 1, 'max_request' => 5, 'max_request_grace' => 0, 'max_wait_time' => 3]);
$last = 0;
$served = 0;
$server->on('workerStart', function (Swoole\Server $s, $id) {
    echo "onWorkerStart pid=" . getmypid() . "\n";
});
$server->on('workerExit', function (Swoole\Server $s, $id) {
    static $since = null;
    $since ??= microtime(true);
    if (microtime(true) - $since > 0.3) {
        Swoole\Timer::clearAll();
    }
});
$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) use (&$last, &$served) {
    $last = $fd;
    $s->send($fd, "reply " . trim($data) . " " . getmypid() . "\n");
    if (++$served === 5) {
        Swoole\Timer::tick(5, function () use ($s, &$last) {
            $s->send($last, "tick " . getmypid() . "\n");
        });
    }
});
$server->start();
