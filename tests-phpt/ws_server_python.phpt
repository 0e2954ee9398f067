--TEST--
WebSocket\Server, both modes, driven by Python's websockets: echo of 0 B/125 B/126 B/64 KiB/1 MiB text and binary frames with compression off and on, a fragmented message, ping/pong, a push from a task worker, close codes both ways, a broadcast from a timer to 300 connections, plain HTTP on the same port
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

function py(int $port, string ...$args): string
{
    $cmd = '/usr/bin/python3 ' . escapeshellarg(__DIR__ . '/include/ws_client.py') . " $port " . implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1';
    return shell_exec($cmd);
}

foreach (['base' => 1, 'process' => 2] as $mode => $workers) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/ws_server.php', [$port, $mode, json_encode(['websocket_compression' => true, 'worker_num' => $workers])]);
    kill_on_exit($srv);
    $srv->waitForLines('/worker \d started/', $workers);
    wait_for_port($port);
    echo "compression off:\n", py($port, 'echo', 'off');
    echo "compression on:\n", py($port, 'echo', 'on');
    echo py($port, 'disconnect');
    $srv->waitForLine('/^disconnect \d+/');
    echo py($port, 'broadcast', '300', '3');
    $c = new TestClient($port);
    $c->send("GET /plain HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    $r = $c->recvAll();
    echo "plain http: ", substr($r, strpos($r, "\r\n\r\n") + 4), "\n";
    $out = $srv->stop();
    echo "messages seen: ", preg_match_all('/^message \d+ opcode=[12] flags=(33|39) finish=true/m', $out), "\n";
    echo "onClose for the closed ones: ", preg_match_all('/^close \d+$/m', $out) >= 300 ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
--- base
compression off:
extensions: []
text 0 True
binary 0 True
text 125 True
binary 125 True
text 126 True
binary 126 True
text 65536 True
binary 65536 True
text 1048576 True
binary 1048576 True
fragments fragmented
pong ok
info [3,true]
push from task: from task
close code 4001
compression on:
extensions: ['PerMessageDeflate']
text 0 True
binary 0 True
text 125 True
binary 125 True
text 126 True
binary 126 True
text 65536 True
binary 65536 True
text 1048576 True
binary 1048576 True
fragments fragmented
pong ok
info [3,true]
push from task: from task
close code 4001
closed by server 4000 bye
broadcast 300 connections, all got 3 : True
plain http: http:/plain
messages seen: 22
onClose for the closed ones: yes
--- process
compression off:
extensions: []
text 0 True
binary 0 True
text 125 True
binary 125 True
text 126 True
binary 126 True
text 65536 True
binary 65536 True
text 1048576 True
binary 1048576 True
fragments fragmented
pong ok
info [3,true]
push from task: from task
close code 4001
compression on:
extensions: ['PerMessageDeflate']
text 0 True
binary 0 True
text 125 True
binary 125 True
text 126 True
binary 126 True
text 65536 True
binary 65536 True
text 1048576 True
binary 1048576 True
fragments fragmented
pong ok
info [3,true]
push from task: from task
close code 4001
closed by server 4000 bye
broadcast 300 connections, all got 3 : True
plain http: http:/plain
messages seen: 22
onClose for the closed ones: yes
