--TEST--
WebSocket\Server, both modes, onHandShake: a frame the client sends before the 101, in a read after the request's, while the answer is kept: the connection is established at once (onMessage, status 3, push() before the 101), and stays a WebSocket connection whatever status the kept answer is then ended with; an answer by sendfile() leaves the handshake pending (status 2, the connection open) the same way
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
[$port, $mode, $file] = [(int)$argv[1], $argv[2], $argv[3]];
$s = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('workerStart', function () { echo "worker started\n"; });
$case = [];   // fd => the case its request path names
$kept = [];   // fd => the answer kept for later
$end = function ($s, $fd) use (&$case, &$kept) {
    $resp = $kept[$fd];
    unset($kept[$fd]);
    $resp->status(str_ends_with($case[$fd], 'refused') ? 403 : 101);
    echo "{$case[$fd]}: end() ", var_export($resp->end(), true), " established=", var_export($s->isEstablished($fd), true), "\n";
};
$s->on('handshake', function ($req, $resp) use ($s, &$case, &$kept, $file) {
    $name = $case[$req->fd] = trim($req->server['request_uri'], '/');
    if ($name === 'sendfile') {   // not end(): the handshake stays pending
        $resp->status(403);
        echo "sendfile: ", var_export($resp->sendfile($file), true), " status=", $s->getClientInfo($req->fd)['websocket_status'], "\n";
    } else {
        $kept[$req->fd] = $resp;
    }
    echo "handshake $name\n";
});
$s->on('message', function ($s, $f) use (&$case, &$kept, $end) {
    echo "{$case[$f->fd]}: message {$f->data} established=", var_export($s->isEstablished($f->fd), true),
        " status=", $s->getClientInfo($f->fd)['websocket_status'], "\n";
    $s->push($f->fd, "re:" . $f->data);
    if (isset($kept[$f->fd])) {
        $end($s, $f->fd);
    }
});
$s->on('close', function ($s, $fd) use (&$case) { echo "{$case[$fd]}: close\n"; });
$s->on('disconnect', function ($s, $fd) use (&$case) { echo "{$case[$fd]}: disconnect\n"; });
$s->start();
PHP;

function show(string $bytes): string
{
    return addcslashes(preg_replace('/^Date: [^\r]*/m', 'Date: #', $bytes), "\0..\37\177..\377");
}

$request = fn(string $name) => "GET /$name HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    . "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
$file = sys_get_temp_dir() . '/ws-early-' . getmypid() . '.txt';
file_put_contents($file, 'file');
register_shutdown_function(fn() => @unlink($file));
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $mode, $file]);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);

    foreach (['later', 'later-refused'] as $name) {
        $c = new TestClient($port);
        $c->send($request($name));
        $srv->waitForLine("/^handshake $name\$/");
        $c->send(RawWs::frame(0x81, 'early-frame'));
        $got = '';
        while (!str_contains($got, "\r\n\r\n") && ($more = $c->recv()) !== '') {
            $got .= $more;
        }
        echo "$name: ", show($got), "\n";
        $c->send(RawWs::frame(0x81, 'after'));
        echo "$name: ", show($c->recvExactly(2 + strlen('re:after'))), "\n";
        $c->close();
        $srv->waitForLine("/^$name: close\$/");
    }
    $c = new TestClient($port);
    $c->send($request('sendfile'));
    $got = '';
    while (!str_ends_with($got, "\r\n\r\nfile") && ($more = $c->recv()) !== '') {
        $got .= $more;
    }
    echo "sendfile: ", show($got), "\n";
    $c->send(RawWs::frame(0x81, 'after'));
    echo "sendfile: ", show($c->recvExactly(2 + strlen('re:after'))), "\n";
    $c->close();
    $srv->waitForLine("/^sendfile: close\$/");
    echo sorted_lines($srv->stop());
}
?>
--EXPECT--
--- base
later: \201\016re:early-frameHTTP/1.1 101 Switching Protocols\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
later: \201\bre:after
later-refused: \201\016re:early-frameHTTP/1.1 403 Forbidden\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
later-refused: \201\bre:after
sendfile: HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nfile
sendfile: \201\bre:after
handshake later
handshake later-refused
handshake sendfile
later-refused: close
later-refused: end() true established=true
later-refused: message after established=true status=3
later-refused: message early-frame established=true status=3
later: close
later: end() true established=true
later: message after established=true status=3
later: message early-frame established=true status=3
sendfile: close
sendfile: message after established=true status=3
sendfile: true status=2
worker started
--- process
later: \201\016re:early-frameHTTP/1.1 101 Switching Protocols\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
later: \201\bre:after
later-refused: \201\016re:early-frameHTTP/1.1 403 Forbidden\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
later-refused: \201\bre:after
sendfile: HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nfile
sendfile: \201\bre:after
handshake later
handshake later-refused
handshake sendfile
later-refused: close
later-refused: end() true established=true
later-refused: message after established=true status=3
later-refused: message early-frame established=true status=3
later: close
later: end() true established=true
later: message after established=true status=3
later: message early-frame established=true status=3
sendfile: close
sendfile: message after established=true status=3
sendfile: true status=2
worker started
