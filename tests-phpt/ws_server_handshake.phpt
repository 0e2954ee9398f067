--TEST--
WebSocket\Server, both modes, onHandShake: the user's own 101 from (Request, Response), onOpen then not called, the connection established and its frames reach onMessage
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/ws_raw.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('workerStart', function () { echo "worker started\n"; });
$s->on('handshake', function ($req, $resp) {
    $key = $req->header['sec-websocket-key'];
    $resp->status(101);
    $resp->header('Upgrade', 'websocket');
    $resp->header('Connection', 'Upgrade');
    $resp->header('Sec-WebSocket-Accept', base64_encode(sha1($key . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true)));
    $resp->end();
    echo "handshake\n";
    return true;
});
$s->on('open', function () { echo "open (must not run)\n"; });
$s->on('message', function ($s, $f) {
    echo "message {$f->data} established=", var_export($s->isEstablished($f->fd), true), "\n";
    $s->push($f->fd, "re:" . $f->data);
});
$s->start();
PHP;

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $mode]);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);
    $c = new RawWs($port);
    echo strtok($c->head, "\r\n"), "\n";
    $c->send(RawWs::frame(0x81, 'hi'));
    echo json_encode($c->read()), "\n";
    echo $srv->stop();
}
?>
--EXPECT--
--- base
HTTP/1.1 101 Switching Protocols
[1,"re:hi"]
worker started
handshake
message hi established=true
--- process
HTTP/1.1 101 Switching Protocols
[1,"re:hi"]
worker started
handshake
message hi established=true
