--TEST--
WebSocket\Server, both modes, onHandShake: the answer's status decides when it is ended, as Swoole's Response::end(): a 101 makes a WebSocket connection at once (whatever the callback returns; isEstablished() inside the callback already), any other status, or no end() at all (the 500 of a response never ended), closes it with onDisconnect and no onMessage; a response kept and ended later decides then; until then websocket_status is 2
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
$case = [];   // fd => the case its request path names
$kept = [];   // responses answered later, by fd
$state = fn($s, $fd) => 'established=' . var_export($s->isEstablished($fd), true)
    . ' status=' . var_export(($s->getClientInfo($fd) ?: [])['websocket_status'] ?? null, true);
$s->on('handshake', function ($req, $resp) use ($s, &$case, &$kept, $state) {
    $fd = $req->fd;
    $name = $case[$fd] = trim($req->server['request_uri'], '/');
    $accept = function () use ($req, $resp) {
        $resp->status(101);
        $resp->header('Upgrade', 'websocket');
        $resp->header('Connection', 'Upgrade');
        $resp->header('Sec-WebSocket-Accept',
            base64_encode(sha1($req->header['sec-websocket-key'] . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true)));
    };
    echo "$name: before the answer ", $state($s, $fd), "\n";
    switch ($name) {
        case 'accept':            // a 101, and false returned: the status counts
            $accept();
            $resp->end();
            echo "$name: after end() established=", var_export($s->isEstablished($fd), true), "\n";
            return false;
        case 'forbidden':
            $resp->status(403);
            $resp->end('no');
            echo "$name: after end() established=", var_export($s->isEstablished($fd), true), "\n";
            return true;
        case 'unanswered':        // never ended: Swoole's 500, then the close
            return true;
        case 'later':
        case 'later-forbidden':
            $kept[$fd] = $resp;
            Swoole\Timer::after(100, function () use ($s, $fd, $name, $resp, $accept, &$kept, $state) {
                echo "$name: still waiting ", $state($s, $fd), "\n";
                if ($name === 'later') {
                    $accept();
                    $resp->end();
                } else {
                    $resp->status(403);
                    $resp->end();
                }
                echo "$name: after end() established=", var_export($s->isEstablished($fd), true), "\n";
                unset($kept[$fd]);
            });
            return true;
    }
});
$s->on('open', function () { echo "open (must not run)\n"; });
$s->on('message', function ($s, $f) use (&$case) {
    echo "message {$case[$f->fd]} {$f->data}\n";
    $s->push($f->fd, "re:" . $f->data);
});
$s->on('close', function ($s, $fd) use (&$case) { echo "close {$case[$fd]}\n"; });
$s->on('disconnect', function ($s, $fd) use (&$case) { echo "disconnect {$case[$fd]}\n"; });
$s->start();
PHP;

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $mode]);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);
    foreach (['accept', 'forbidden', 'unanswered', 'later', 'later-forbidden'] as $name) {
        $c = new RawWs($port, "/$name");
        echo "$name: ", strtok($c->head, "\r\n"), "\n";
        if (str_contains($c->head, ' 101 ')) {
            $c->send(RawWs::frame(0x81, 'hi'));
            echo "$name: ", json_encode($c->read()), "\n";
            $c->c->close();
            $srv->waitForLine("/^close $name\$/");
        } else {
            // the frame goes nowhere: the connection is closed after the answer
            $c->send(RawWs::frame(0x81, 'hi'));
            $c->c->recvAll();
            echo "$name: closed=", var_export(feof($c->c->sock), true), "\n";
            $srv->waitForLine("/^disconnect $name\$/");
        }
    }
    // (the close events come after end() returns here, inside it on Swoole)
    echo sorted_lines($srv->stop());
}
?>
--EXPECT--
--- base
accept: HTTP/1.1 101 Switching Protocols
accept: [1,"re:hi"]
forbidden: HTTP/1.1 403 Forbidden
forbidden: closed=true
unanswered: HTTP/1.1 500 Internal Server Error
unanswered: closed=true
later: HTTP/1.1 101 Switching Protocols
later: [1,"re:hi"]
later-forbidden: HTTP/1.1 403 Forbidden
later-forbidden: closed=true
accept: after end() established=true
accept: before the answer established=false status=2
close accept
close later
disconnect forbidden
disconnect later-forbidden
disconnect unanswered
forbidden: after end() established=false
forbidden: before the answer established=false status=2
later-forbidden: after end() established=false
later-forbidden: before the answer established=false status=2
later-forbidden: still waiting established=false status=2
later: after end() established=true
later: before the answer established=false status=2
later: still waiting established=false status=2
message accept hi
message later hi
unanswered: before the answer established=false status=2
worker started
--- process
accept: HTTP/1.1 101 Switching Protocols
accept: [1,"re:hi"]
forbidden: HTTP/1.1 403 Forbidden
forbidden: closed=true
unanswered: HTTP/1.1 500 Internal Server Error
unanswered: closed=true
later: HTTP/1.1 101 Switching Protocols
later: [1,"re:hi"]
later-forbidden: HTTP/1.1 403 Forbidden
later-forbidden: closed=true
accept: after end() established=true
accept: before the answer established=false status=2
close accept
close later
disconnect forbidden
disconnect later-forbidden
disconnect unanswered
forbidden: after end() established=false
forbidden: before the answer established=false status=2
later-forbidden: after end() established=false
later-forbidden: before the answer established=false status=2
later-forbidden: still waiting established=false status=2
later: after end() established=true
later: before the answer established=false status=2
later: still waiting established=false status=2
message accept hi
message later hi
unanswered: before the answer established=false status=2
worker started
