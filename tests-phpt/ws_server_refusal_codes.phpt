--TEST--
WebSocket\Server refuses as Swoole 6.2.1, with its codes: push() and disconnect() to a plain HTTP connection, to fd 0 or to no connection warn and leave 503 (push() says "session#N does not exists" for an fd that is none, disconnect() "not a websocket client"); a bad opcode is 8505 in push(), 503 in the static pack(); unpack() of bytes that are no frame is false with 508
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\WebSocket\Server;
$s = new Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_NONE]);
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        $r = @$call();
        $w = error_get_last()['message'] ?? '-';
        error_clear_last();
        printf("%s: %s %d %s\n", $name, json_encode($r), swoole_last_error(), $w);
    }
}
$s->on('message', function () {});
$s->on('workerStart', function ($s) {
    $GLOBALS['c'] = stream_socket_client('tcp://127.0.0.1:' . $s->port);
    fwrite($GLOBALS['c'], "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
});
$s->on('request', function ($req, $resp) use ($s) {
    $fd = $req->fd;
    probe([
        'push http' => fn() => $s->push($fd, 'x'),
        'push 0' => fn() => $s->push(0, 'x'),
        'push none' => fn() => $s->push(99999, 'x'),
        'push opcode' => fn() => $s->push($fd, 'x', 99),
        'disconnect http' => fn() => $s->disconnect($fd),
        'disconnect none' => fn() => $s->disconnect(99999),
        'isEstablished http' => fn() => $s->isEstablished($fd),
        'pack opcode' => fn() => Server::pack('x', 99),
        'unpack short' => fn() => Server::unpack("\x81"),
        'unpack empty' => fn() => Server::unpack(''),
        'unpack ok' => fn() => Server::unpack("\x81\x01a")->data,
    ]);
    $resp->end('x');
    $s->shutdown();
});
$s->start();
?>
--EXPECT--
push http: false 503 Swoole\WebSocket\Server::push(): the connected client of connection[1] is not a websocket client or closed
push 0: false 503 Swoole\WebSocket\Server::push(): session#0 does not exists
push none: false 503 Swoole\WebSocket\Server::push(): session#99999 does not exists
push opcode: false 8505 Swoole\WebSocket\Server::push(): opcode must be between 0 and 10
disconnect http: false 503 Swoole\WebSocket\Server::disconnect(): the connected client of connection[1] is not a websocket client or closed
disconnect none: false 503 Swoole\WebSocket\Server::disconnect(): the connected client of connection[99999] is not a websocket client or closed
isEstablished http: false 0 -
pack opcode: "" 503 Swoole\WebSocket\Server::pack(): opcode must be between 0 and 10
unpack short: false 508 -
unpack empty: false 508 -
unpack ok: "a" 0 -
