<?php
/**
 * A server for the smaller API: getWorkerStatus, the connection_* aliases,
 * getCallback, max_connection, start_session_id and stop().
 *
 * usage: php misc_api.php PORT WORKER_NUM [MAX_CONNECTION]
 */
$port = (int)$argv[1];
$settings = ['worker_num' => (int)$argv[2], 'start_session_id' => 100];
if (isset($argv[3])) {
    $settings['max_connection'] = (int)$argv[3];
}
$server = new Swoole\Server('127.0.0.1', $port);
$server->set($settings);
$onReceive = function (Swoole\Server $s, int $fd, int $rid, string $data) use (&$onReceive) {
    $cmd = trim($data);
    $other = 1 - $s->getWorkerId();
    $reply = match ($cmd) {
        'status' => json_encode([
            'self' => $s->getWorkerStatus(),
            'self_by_id' => $s->getWorkerStatus($s->getWorkerId()),
            'other' => $s->worker_id === 0 && $s->setting['worker_num'] === 1 ? null : $s->getWorkerStatus($other),
            'unknown' => $s->getWorkerStatus(99),
        ]),
        'aliases' => json_encode([
            'info' => $s->connection_info($fd) === $s->getClientInfo($fd),
            'list' => $s->connection_list() === $s->getClientList(),
            'callback' => $s->getCallback('receive') === $onReceive && $s->getCallback('RECEIVE') === $onReceive,
            'no_callback' => $s->getCallback('connect'),
        ]),
        'fd' => "fd=$fd",
        'stats' => json_encode(array_intersect_key($s->stats(), ['abort_count' => 1, 'connection_num' => 1, 'accept_count' => 1])),
        'stop' => 'stop=' . var_export($s->stop(), true),
        default => "pid=" . getmypid() . " wid=" . $s->getWorkerId(),
    };
    $s->send($fd, $reply . "\n");
};
$server->on('receive', $onReceive);
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
});
$server->on('workerStop', function ($s, $id) {
    echo "onWorkerStop id=$id pid=" . getmypid() . "\n";
});
echo "start: " . var_export($server->start(), true) . "\n";
