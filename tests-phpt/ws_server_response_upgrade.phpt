--TEST--
Response::upgrade() from onRequest, as Swoole 6.2.1's async servers: refused with "async server dose not support protocol upgrade" (false, last error 503), push()/recv()/disconnect() of a Response warn "fd[N] is not a websocket conncetion", after end() upgrade() is false with 7106 and no warning; the HTTP answer still goes out. On a WebSocket\Server an upgrade request never reaches onRequest: the handshake is answered and onOpen runs
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/ws_raw.php';

const UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

function body_of(int $port, string $request): string
{
    $c = new TestClient($port);
    $c->send($request);
    $r = '';
    while (!preg_match('/Content-Length: (\d+)\r\n.*?\r\n\r\n/s', $r, $m) || strlen($r) < strpos($r, "\r\n\r\n") + 4 + (int)$m[1]) {
        $more = $c->recv();
        if ($more === '') { break; }
        $r .= $more;
    }
    return strtok($r, "\r\n") . ' / ' . substr($r, strpos($r, "\r\n\r\n") + 4);
}

foreach ([['http', 'base'], ['http', 'process'], ['websocket', 'base']] as [$class, $mode]) {
    echo "--- $class $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/ws_response_upgrade.php', [$port, $class, $mode]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker started/');
    wait_for_port($port);
    if ($class === 'http') {
        echo body_of($port, "GET /up HTTP/1.1\r\nHost: x\r\n" . UPGRADE . "\r\n"), "\n";
        echo body_of($port, "GET /after HTTP/1.1\r\nHost: x\r\n" . UPGRADE . "\r\n"), "\n";
    } else {
        $ws = new RawWs($port);
        echo strtok($ws->head, "\r\n"), "\n";
        $ws->send(RawWs::frame(0x81, 'echo'));
        echo "frame: ", $ws->read()[1], "\n";
        echo body_of($port, "GET /plain HTTP/1.1\r\nHost: x\r\n\r\n"), "\n";
    }
    $out = $srv->stop();
    echo preg_replace('/^(open) \d+$/m', '$1 N', preg_replace('/^(PHP Warning|Warning|worker).*\n/m', '', $out));
    preg_match_all('/^PHP Warning: +Swoole\\\\Http\\\\Response::(\w+\(\)): (.*) in /m', $out, $warnings, PREG_SET_ORDER);
    foreach ($warnings as $w) {
        echo "warning $w[1] ", preg_replace('/fd\[\d+\]/', 'fd[N]', $w[2]), "\n";
    }
}
?>
--EXPECT--
--- http base
HTTP/1.1 200 OK / answered /up
HTTP/1.1 200 OK / ended
request /up upgrade header: websocket
upgrade: false 503
push: false 503
recv: false 503
disconnect: false 503
isWritable: true 0
request /after upgrade header: websocket
upgrade after end: false 7106
warning upgrade() async server dose not support protocol upgrade
warning push() fd[N] is not a websocket conncetion
warning recv() fd[N] is not a websocket conncetion
warning disconnect() fd[N] is not a websocket conncetion
--- http process
HTTP/1.1 200 OK / answered /up
HTTP/1.1 200 OK / ended
request /up upgrade header: websocket
upgrade: false 503
push: false 503
recv: false 503
disconnect: false 503
isWritable: true 0
request /after upgrade header: websocket
upgrade after end: false 7106
warning upgrade() async server dose not support protocol upgrade
warning push() fd[N] is not a websocket conncetion
warning recv() fd[N] is not a websocket conncetion
warning disconnect() fd[N] is not a websocket conncetion
--- websocket base
HTTP/1.1 101 Switching Protocols
frame: echo
HTTP/1.1 200 OK / answered /plain
open N
request /plain upgrade header: -
upgrade: false 503
push: false 503
recv: false 503
disconnect: false 503
isWritable: true 0
warning upgrade() async server dose not support protocol upgrade
warning push() fd[N] is not a websocket conncetion
warning recv() fd[N] is not a websocket conncetion
warning disconnect() fd[N] is not a websocket conncetion
