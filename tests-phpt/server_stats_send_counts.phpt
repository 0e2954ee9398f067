--TEST--
Server, both modes: stats()' response_count, worker_response_count and total_send_bytes count send() on a stream connection alone, as Swoole's: a sendfile() and a datagram's sendto() leave them as they were
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$file = tempnam(sys_get_temp_dir(), 'sendcount');
file_put_contents($file, "12345\n");

// One connection, one request at a time: each reply says what stats()
// showed before that request's output.
$code = <<<'PHP'
<?php
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
$udp = $server->addListener('127.0.0.1', (int)$argv[3], SWOOLE_SOCK_UDP);
$server->on('WorkerStart', fn($s, $id) => print("workerStart $id\n"));
$counts = function ($s) {
    $st = $s->stats();
    return "response_count={$st['response_count']} worker_response_count={$st['worker_response_count']}"
        . " total_send_bytes={$st['total_send_bytes']}";
};
$server->on('Receive', function ($s, $fd, $rid, $data) use ($counts, $argv) {
    $before = $counts($s);
    match (trim($data)) {
        'file' => $s->sendfile($fd, $argv[4]),
        'one' => $s->send($fd, "abc\n"),
        default => $s->send($fd, "$before\n"),
    };
});
$server->on('Packet', function ($s, $data, $addr) use ($counts) {
    $s->sendto($addr['address'], $addr['port'], $counts($s));
});
$server->start();
PHP;

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [$port = free_port(), $mode, $udpPort = free_port(), $file]);
    $srv->waitForLine('/^workerStart 0$/');
    $c = new TestClient($port);
    $ask = function (string $what) use ($c) {
        $c->send("$what\n");
        $line = '';
        while (!str_ends_with($line, "\n")) {
            $line .= $c->recv(1);
        }
        return rtrim($line);
    };
    echo $ask('counts'), "\n";               // before anything was sent
    echo "sendfile: ", $ask('file'), "\n";    // the file's one line
    echo $ask('counts'), "\n";               // the first reply's send() only
    echo "send: ", $ask('one'), "\n";
    echo $ask('counts'), "\n";
    $u = stream_socket_client("udp://127.0.0.1:$udpPort");
    for ($i = 0; $i < 2; $i++) {
        fwrite($u, 'x');
        $r = [$u];
        $w = $e = null;
        echo "udp: ", stream_select($r, $w, $e, (int)TEST_TIMEOUT) ? fread($u, 500) : 'no reply', "\n";
    }
    $c->close();
    $srv->stop();
}
unlink($file);
?>
--EXPECT--
--- base
response_count=0 worker_response_count=0 total_send_bytes=0
sendfile: 12345
response_count=1 worker_response_count=1 total_send_bytes=60
send: abc
response_count=3 worker_response_count=3 total_send_bytes=125
udp: response_count=4 worker_response_count=4 total_send_bytes=187
udp: response_count=4 worker_response_count=4 total_send_bytes=187
--- process
response_count=0 worker_response_count=0 total_send_bytes=0
sendfile: 12345
response_count=1 worker_response_count=1 total_send_bytes=60
send: abc
response_count=3 worker_response_count=3 total_send_bytes=125
udp: response_count=4 worker_response_count=4 total_send_bytes=187
udp: response_count=4 worker_response_count=4 total_send_bytes=187
