<?php
/**
 * Two BASE workers. Commands (one per message):
 *   who           -> "fd=F wid=W"
 *   tell F TEXT   -> send(F, "TEXT from worker W\n"), reply "told=<bool> err=<getLastError()>"
 *   kick F        -> close(F), reply "kicked=<bool>"
 *
 * usage: php cross_worker.php PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 2]);
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});
$server->on('close', function ($s, $fd, $rid) {
    echo "onClose fd=$fd in worker {$s->getWorkerId()}\n";
});
$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) {
    $p = explode(' ', trim($data), 3);
    $wid = $s->getWorkerId();
    $reply = match ($p[0]) {
        'who' => "fd=$fd wid=$wid",
        'tell' => 'told=' . var_export($s->send((int)$p[1], "{$p[2]} from worker $wid\n"), true) . ' err=' . $s->getLastError(),
        'kick' => 'kicked=' . var_export($s->close((int)$p[1]), true),
        default => "echo:$data",
    };
    $s->send($fd, $reply . "\n");
});
$server->start();
