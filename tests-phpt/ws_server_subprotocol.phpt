--TEST--
WebSocket\Server websocket_subprotocol, as Swoole 6.2.1: without onHandShake the 101 names the protocol only when the client offers it as a whole token (compared without case: "a, CHAT" gets "chat", "chatty"/"xchat" get nothing), no setting answers nothing; onOpen sees the offer in $request->header; with onHandShake only what the user's Response sets goes out. Python's websockets negotiates it
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
exec('/usr/bin/python3 -c "import websockets" 2>&1', $out, $rc);
if ($rc !== 0) die('skip python3-websockets is not installed');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $sub, $handshake] = [(int)$argv[1], $argv[2], $argv[3] === 'yes'];
$s = new Swoole\WebSocket\Server('127.0.0.1', $port, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]
    + ($sub === '-' ? [] : ['websocket_subprotocol' => $sub]));
$s->on('workerStart', function () { echo "worker started\n"; });
$s->on('open', function ($s, $req) { echo "open offer=", $req->header['sec-websocket-protocol'] ?? '-', "\n"; });
$s->on('message', function ($s, $f) { $s->push($f->fd, $f->data); });
if ($handshake) {
    // The user's handshake: it answers the client's first offer itself.
    $s->on('handshake', function ($req, $resp) {
        $resp->status(101);
        $resp->header('Upgrade', 'websocket');
        $resp->header('Connection', 'Upgrade');
        $resp->header('Sec-WebSocket-Accept', base64_encode(sha1($req->header['sec-websocket-key'] . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true)));
        if ($req->server['request_uri'] === '/first' && isset($req->header['sec-websocket-protocol'])) {
            $resp->header('Sec-WebSocket-Protocol', trim(explode(',', $req->header['sec-websocket-protocol'])[0]));
        }
        $resp->end();
        return true;
    });
}
$s->start();
PHP;

/** The Sec-WebSocket-Protocol of the 101 for an upgrade offering $offer (null: no header). */
function answered(int $port, ?string $offer, string $path = '/'): string
{
    $c = new TestClient($port);
    $c->send("GET $path HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        . "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        . ($offer === null ? '' : "Sec-WebSocket-Protocol: $offer\r\n") . "\r\n");
    $head = '';
    while (!str_contains($head, "\r\n\r\n")) {
        $more = $c->recv();
        if ($more === '') { break; }
        $head .= $more;
    }
    $c->close();
    $status = strtok($head, "\r\n");
    return preg_match('/^Sec-WebSocket-Protocol: (.*)\r$/mi', $head, $m) ? "$status, protocol $m[1]" : "$status, no protocol";
}

function py(int $port, string $offer): string
{
    return shell_exec('/usr/bin/python3 ' . escapeshellarg(__DIR__ . '/include/ws_client.py') . " $port subprotocol " . escapeshellarg($offer) . ' 2>&1');
}

foreach ([['chat', 'no'], ['-', 'no'], ['chat', 'yes']] as [$sub, $handshake]) {
    echo "--- websocket_subprotocol $sub, onHandShake $handshake\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $sub, $handshake]);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);
    foreach (['chat', 'a, CHAT', 'chatty', 'xchat,b', null] as $offer) {
        echo str_pad($offer ?? '(no offer)', 10), " -> ", answered($port, $offer), "\n";
    }
    if ($handshake === 'yes') {
        echo str_pad('zzz, chat', 10), " -> ", answered($port, 'zzz, chat', '/first'), " (the user's)\n";
    } else {
        echo py($port, 'a,chat'), py($port, 'b');
    }
    $out = $srv->stop();
    echo "onOpen offers: ", implode(' | ', array_map(fn($l) => substr($l, 11), preg_grep('/^open /', explode("\n", $out)))), "\n";
}
?>
--EXPECT--
--- websocket_subprotocol chat, onHandShake no
chat       -> HTTP/1.1 101 Switching Protocols, protocol chat
a, CHAT    -> HTTP/1.1 101 Switching Protocols, protocol chat
chatty     -> HTTP/1.1 101 Switching Protocols, no protocol
xchat,b    -> HTTP/1.1 101 Switching Protocols, no protocol
(no offer) -> HTTP/1.1 101 Switching Protocols, no protocol
offered a,chat agreed chat echo hello
offered b agreed None echo hello
onOpen offers: chat | a, CHAT | chatty | xchat,b | - | a, chat | b
--- websocket_subprotocol -, onHandShake no
chat       -> HTTP/1.1 101 Switching Protocols, no protocol
a, CHAT    -> HTTP/1.1 101 Switching Protocols, no protocol
chatty     -> HTTP/1.1 101 Switching Protocols, no protocol
xchat,b    -> HTTP/1.1 101 Switching Protocols, no protocol
(no offer) -> HTTP/1.1 101 Switching Protocols, no protocol
offered a,chat agreed None echo hello
offered b agreed None echo hello
onOpen offers: chat | a, CHAT | chatty | xchat,b | - | a, chat | b
--- websocket_subprotocol chat, onHandShake yes
chat       -> HTTP/1.1 101 Switching Protocols, no protocol
a, CHAT    -> HTTP/1.1 101 Switching Protocols, no protocol
chatty     -> HTTP/1.1 101 Switching Protocols, no protocol
xchat,b    -> HTTP/1.1 101 Switching Protocols, no protocol
(no offer) -> HTTP/1.1 101 Switching Protocols, no protocol
zzz, chat  -> HTTP/1.1 101 Switching Protocols, protocol zzz (the user's)
onOpen offers: 
