<?php
/**
 * SWOOLE_PROCESS, one worker that needs 20 ms per packet (length-framed,
 * each starting with its sequence number after the length). Prints "ready",
 * every 20th packet "queue <recv_queued_bytes> <recv_waiting_num>" (from
 * stats()), and on close "closed <packets> out-of-order <n>".
 *
 * usage: php slow_worker.php PORT [JSON settings]
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$server->set(json_decode($argv[2] ?? '{}', true) + ['worker_num' => 1, 'open_length_check' => true,
    'package_length_type' => 'N', 'package_length_offset' => 0, 'package_body_offset' => 4]);
$next = 0;
$disorder = 0;
$server->on('workerStart', function () {
    echo "ready\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) use (&$next, &$disorder) {
    $disorder += (int)(unpack('N', $data, 4)[1] !== $next);
    $next++;
    if ($next % 20 === 0) {
        $st = $s->stats();
        echo "queue {$st['recv_queued_bytes']} {$st['recv_waiting_num']}\n";
    }
    usleep(20000);
});
$server->on('close', function () use (&$next, &$disorder) {
    echo "closed $next out-of-order $disorder\n";
});
$server->start();
