<?php
/**
 * A WebSocket server for ws_server_slow_reader.phpt, `socket_buffer_size` 1 MiB.
 *   "flood"  push 64 KiB frames to the sender until push() returns false (at most 2000), then log
 *            how it ended; the connection must stay
 *   "again"  push "done" (the queue has drained by then)
 *   other    echoed
 *
 * usage: php ws_slow_reader.php PORT base|process
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'socket_buffer_size' => 1 << 20, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);
$server->on('workerStart', function ($s, $id) {
    echo "worker $id started\n";
});
$server->on('message', function (Swoole\WebSocket\Server $s, Swoole\WebSocket\Frame $f) {
    if ($f->data === 'flood') {
        $chunk = str_repeat('a', 65536);
        for ($n = 0; $n < 2000 && $s->push($f->fd, $chunk); $n++);
        $error = swoole_last_error();
        echo "pushed $n, then ", $n < 2000 ? 'false' : 'never false', " error $error exists ",
            var_export($s->exist($f->fd), true), " established ", var_export($s->isEstablished($f->fd), true), "\n";
        return;
    }
    $s->push($f->fd, $f->data === 'again' ? 'done' : $f->data);
});
$server->on('close', function ($s, $fd) {
    echo "close $fd\n";
});
$server->start();
