--TEST--
WebSocket\Server, both modes, onHandShake: the answer's head ends after Server and Date (none of an HTTP answer's Connection, Content-Type, Content-Length, Transfer-Encoding, Content-Encoding), whatever the status; its body follows as given (after a 101 too, for a HEAD request too, never compressed, chunks of write() in hex); a push() inside the callback right after a 101's end() goes out behind the head
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING,
    'http_compression' => true, 'http_compression_min_length' => 1]);
$s->on('workerStart', function () { echo "worker started\n"; });
$s->on('handshake', function ($req, $resp) use ($s) {
    $accept = function () use ($req, $resp) {
        $resp->status(101);
        $resp->header('Upgrade', 'websocket');
        $resp->header('Connection', 'Upgrade');
        $resp->header('Sec-WebSocket-Accept',
            base64_encode(sha1($req->header['sec-websocket-key'] . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true)));
    };
    switch (trim($req->server['request_uri'], '/')) {
        case 'accept':
            $accept();
            $resp->end();
            echo "push inside: ", var_export($s->push($req->fd, 'inside'), true), "\n";
            break;
        case 'bare':          // a 101 with no header of the user's
            $resp->status(101);
            $resp->end();
            break;
        case 'accept-body':
            $accept();
            $resp->end('xyz');
            break;
        case 'forbidden':
            $resp->status(403);
            $resp->header('X-A', 'b');
            $resp->cookie('c', 'd');
            $resp->end(str_repeat('z', 40));   // long enough to be compressed, were it an HTTP answer
            break;
        case 'own-server':
            $resp->status(403);
            $resp->header('Server', 'mine');
            $resp->header('Date', 'then');
            $resp->end();
            break;
        case 'redirect':
            $resp->redirect('/elsewhere');
            break;
        case 'chunks':
            $resp->status(403);
            $resp->write('abc');
            $resp->end('de');
            break;
        case 'unanswered':
            break;
    }
});
$s->on('message', function () {});
$s->start();
PHP;

/** Reads until $done says the bytes so far are whole (or the server closes). */
function read_until(TestClient $c, callable $done): string
{
    $buf = '';
    while (!$done($buf) && ($more = $c->recv()) !== '') {
        $buf .= $more;
    }
    return $buf;
}

function show(string $bytes): string
{
    $bytes = preg_replace('/^(Date|Sec-Websocket-Accept): (?!then)[^\r]*/m', '$1: #', $bytes);
    return addcslashes($bytes, "\0..\37\177..\377");
}

$head_and = fn(int $n) => fn(string $b) => ($at = strpos($b, "\r\n\r\n")) !== false && strlen($b) >= $at + 4 + $n;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $mode]);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);
    foreach (['accept' => 8, 'bare' => 0, 'accept-body' => 3, 'forbidden', 'own-server', 'redirect', 'chunks', 'unanswered', 'HEAD forbidden'] as $k => $v) {
        [$name, $more] = is_int($k) ? [$v, null] : [$k, $v];
        [$method, $path] = str_contains($name, ' ') ? explode(' ', $name) : ['GET', $name];
        $c = new TestClient($port);
        $c->send("$method /$path HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            . "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        // a 101 leaves the connection open: read what is due; any other answer is followed by the close
        $got = $more === null ? $c->recvAll() : read_until($c, $head_and($more));
        echo "$name: ", show($got), "\n";
        $c->close();
    }
    echo sorted_lines($srv->stop());
}
?>
--EXPECT--
--- base
accept: HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-Websocket-Accept: #\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n\201\006inside
bare: HTTP/1.1 101 Switching Protocols\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
accept-body: HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-Websocket-Accept: #\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nxyz
forbidden: HTTP/1.1 403 Forbidden\r\nX-A: b\r\nSet-Cookie: c=d\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
own-server: HTTP/1.1 403 Forbidden\r\nServer: mine\r\nDate: then\r\n\r\n
redirect: HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
chunks: HTTP/1.1 403 Forbidden\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n
unanswered: HTTP/1.1 500 Internal Server Error\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
HEAD forbidden: HTTP/1.1 403 Forbidden\r\nX-A: b\r\nSet-Cookie: c=d\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
push inside: true
worker started
--- process
accept: HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-Websocket-Accept: #\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n\201\006inside
bare: HTTP/1.1 101 Switching Protocols\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
accept-body: HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-Websocket-Accept: #\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nxyz
forbidden: HTTP/1.1 403 Forbidden\r\nX-A: b\r\nSet-Cookie: c=d\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
own-server: HTTP/1.1 403 Forbidden\r\nServer: mine\r\nDate: then\r\n\r\n
redirect: HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
chunks: HTTP/1.1 403 Forbidden\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n
unanswered: HTTP/1.1 500 Internal Server Error\r\nServer: swoole-http-server\r\nDate: #\r\n\r\n
HEAD forbidden: HTTP/1.1 403 Forbidden\r\nX-A: b\r\nSet-Cookie: c=d\r\nServer: swoole-http-server\r\nDate: #\r\n\r\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
push inside: true
worker started
