--TEST--
WebSocket\Server, both modes: open_websocket_ping_frame, open_websocket_pong_frame and open_websocket_close_frame deliver those frames to onMessage (no automatic pong; a CloseFrame with code and reason, then the echo and the close)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/ws_raw.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/ws_server.php', [$port, $mode, json_encode(['open_websocket_ping_frame' => true, 'open_websocket_pong_frame' => true, 'open_websocket_close_frame' => true])]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);
    $c = new RawWs($port);
    // The server echoes what onMessage gets with the same opcode: a ping comes back as a ping.
    $c->send(RawWs::frame(0x89, 'p1'));
    echo "ping: ", json_encode($c->read()), "\n";
    $c->send(RawWs::frame(0x8a, 'q1'));
    echo "pong: ", json_encode($c->read()), "\n";
    $c->send(RawWs::frame(0x88, pack('n', 4001) . 'done'));
    $f = $c->read();
    echo "close echoed: ", $f[0], ' ', unpack('n', $f[1])[1], ' ', substr($f[1], 2), ", then ", $c->read() === null ? 'closed' : 'open', "\n";
    echo trim($srv->waitForLine('/^close frame/')), "\n";
    $out = $srv->stop();
    echo preg_match_all('/^message \d+ opcode=(9|10) flags=33 finish=true len=2$/m', $out), " control frames in onMessage\n";
}
?>
--EXPECT--
--- base
ping: [9,"p1"]
pong: [10,"q1"]
close echoed: 8 4001 done, then closed
close frame 4001 done
2 control frames in onMessage
--- process
ping: [9,"p1"]
pong: [10,"q1"]
close echoed: 8 4001 done, then closed
close frame 4001 done
2 control frames in onMessage
