<?php
/**
 * Output limits: "flood" sends 64 KiB chunks until send() fails; onBufferFull
 * and onBufferEmpty print a line; after onBufferEmpty the server sends
 * "recovered" (so a client that reads everything ends with that line).
 *
 * usage: php slow_reader.php PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['socket_buffer_size' => 256 * 1024, 'buffer_high_watermark' => 128 * 1024, 'buffer_low_watermark' => 0]);
$server->on('bufferFull', function ($s, $fd) {
    echo "onBufferFull fd=$fd\n";
});
$server->on('bufferEmpty', function ($s, $fd) {
    echo "onBufferEmpty fd=$fd\n";
    var_dump($s->send($fd, "recovered\n"));
});
$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $chunk = str_repeat('x', 65536);
    for ($i = 1; $i <= 5000; $i++) {
        if (!$s->send($fd, $chunk)) {
            echo "send() false after ", $i - 1, " chunks, error ", $s->getLastError(), "\n";
            echo "queued: ", $s->getClientInfo($fd)['send_queued_bytes'] >= 256 * 1024 ? "at least the limit" : "less", "\n";
            return;
        }
    }
    echo "never refused\n";
});
$server->start();
