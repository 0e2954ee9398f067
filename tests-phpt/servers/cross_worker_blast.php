<?php
/**
 * Two BASE workers that send to each other's connections at the same time.
 * Commands (one per message):
 *   who                                -> "fd=F wid=W"
 *   blast BEFORE N SIZE F1,F2... AFTER -> sleeps BEFORE ms, makes N send()s of
 *                                         SIZE bytes to each of F1, F2... (the
 *                                         other worker's connections), sleeps
 *                                         AFTER ms, replies "sent=<all true?>"
 *
 * usage: php cross_worker_blast.php PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 2, 'socket_buffer_size' => 256 * 1024 * 1024]);
$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});
$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) {
    $p = explode(' ', trim($data));
    if ($p[0] === 'who') {
        $s->send($fd, "fd=$fd wid={$s->getWorkerId()}\n");
        return;
    }
    [, $before, $n, $size, $targets, $after] = $p;
    usleep((int)$before * 1000);
    $chunk = str_repeat('z', (int)$size);
    $ok = true;
    for ($i = 0; $i < (int)$n; $i++) {
        foreach (explode(',', $targets) as $t) {
            $ok = $s->send((int)$t, $chunk) && $ok;
        }
    }
    usleep((int)$after * 1000);
    $s->send($fd, 'sent=' . var_export($ok, true) . "\n");
});
$server->start();
