--TEST--
WebSocket\Server, both modes, a raw-socket client: unmasked frames, reserved opcodes, a 2^63 length, invalid UTF-8, a frame or a fragmented message over package_max_length each close only the offender with RFC 6455's code; ping answered with pong, a close echoed; a bad handshake gets 400 and onDisconnect
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
    $srv = new ServerProcess(__DIR__ . '/servers/ws_server.php', [$port, $mode, json_encode(['package_max_length' => 65536])]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);
    $good = new RawWs($port);
    echo "handshake: ", strtok($good->head, "\r\n"), "\n";
    $cases = [
        'unmasked' => RawWs::frame(0x81, 'hi', false),
        'opcode 3' => RawWs::frame(0x83, 'hi'),
        'length 2^63' => "\x82\xff\x80\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04",
        'bad utf-8' => RawWs::frame(0x81, "ok\xc3\x28"),
        'frame over package_max_length' => RawWs::frame(0x82, str_repeat('x', 70000)),
        'fragments over package_max_length' => RawWs::frame(0x02, str_repeat('x', 40000)) . RawWs::frame(0x80, str_repeat('x', 40000)),
        'continuation first' => RawWs::frame(0x80, 'x'),
        'ping of 126 bytes' => RawWs::frame(0x89, str_repeat('p', 126)),
    ];
    foreach ($cases as $name => $bytes) {
        $bad = new RawWs($port);
        $bad->send($bytes);
        echo "$name: ", $bad->closeCode(), "\n";
        $good->send(RawWs::frame(0x81, "still $name"));
        echo "  good connection: ", $good->read()[1], "\n";
    }
    $good->send(RawWs::frame(0x89, 'p1'));
    echo "ping: ", json_encode($good->read()), "\n";
    $good->send(RawWs::frame(0x01, 'frag') . RawWs::frame(0x89, 'mid') . RawWs::frame(0x80, 'ment'));
    echo "ping between fragments: ", json_encode($good->read()), " then ", json_encode($good->read()), "\n";
    $good->send(RawWs::frame(0x88, pack('n', 1000) . 'bye'));
    $f = $good->read();
    echo "close echoed: ", $f[0], ' ', unpack('n', $f[1])[1], ' ', substr($f[1], 2), " then ", $good->read() === null ? 'closed' : 'open', "\n";

    $c = new TestClient($port);
    $c->send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n");
    echo "bad key: ", strtok($c->recvAll(), "\r\n"), "\n";
    $srv->waitForLine('/^disconnect \d+/');
    echo "onDisconnect for it\n";
    $out = $srv->stop();
    echo "onMessage never saw the bad frames: ", preg_match('/len=(70000|40000|80000)/', $out) ? 'no' : 'yes', "\n";
}
?>
--EXPECT--
--- base
handshake: HTTP/1.1 101 Switching Protocols
unmasked: 1002 then closed
  good connection: still unmasked
opcode 3: 1002 then closed
  good connection: still opcode 3
length 2^63: 1009 then closed
  good connection: still length 2^63
bad utf-8: 1007 then closed
  good connection: still bad utf-8
frame over package_max_length: 1009 then closed
  good connection: still frame over package_max_length
fragments over package_max_length: 1009 then closed
  good connection: still fragments over package_max_length
continuation first: 1002 then closed
  good connection: still continuation first
ping of 126 bytes: 1002 then closed
  good connection: still ping of 126 bytes
ping: [10,"p1"]
ping between fragments: [10,"mid"] then [1,"fragment"]
close echoed: 8 1000 bye then closed
bad key: HTTP/1.1 400 Bad Request
onDisconnect for it
onMessage never saw the bad frames: yes
--- process
handshake: HTTP/1.1 101 Switching Protocols
unmasked: 1002 then closed
  good connection: still unmasked
opcode 3: 1002 then closed
  good connection: still opcode 3
length 2^63: 1009 then closed
  good connection: still length 2^63
bad utf-8: 1007 then closed
  good connection: still bad utf-8
frame over package_max_length: 1009 then closed
  good connection: still frame over package_max_length
fragments over package_max_length: 1009 then closed
  good connection: still fragments over package_max_length
continuation first: 1002 then closed
  good connection: still continuation first
ping of 126 bytes: 1002 then closed
  good connection: still ping of 126 bytes
ping: [10,"p1"]
ping between fragments: [10,"mid"] then [1,"fragment"]
close echoed: 8 1000 bye then closed
bad key: HTTP/1.1 400 Bad Request
onDisconnect for it
onMessage never saw the bad frames: yes
