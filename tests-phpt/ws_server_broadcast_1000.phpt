--TEST--
WebSocket\Server, both modes: a timer broadcasts to 1,000 connections (Python's websockets clients) three times; every client gets every message, and onClose runs for each
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
exec('/usr/bin/python3 -c "import websockets" 2>&1', $out, $rc);
if ($rc !== 0) die('skip python3-websockets is not installed');
// 1,000 client sockets in the test's Python and 1,000 in the server, plus their own files.
$soft = posix_getrlimit()['soft openfiles'] ?? 'unlimited';
if ($soft !== 'unlimited' && (int)$soft < 1100) die("skip the open files limit ($soft) is under the 1,100 each side needs");
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const CONNECTIONS = 1000;

foreach (['base' => 1, 'process' => 2] as $mode => $workers) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/ws_server.php', [$port, $mode, json_encode(['worker_num' => $workers, 'max_connection' => 4096, 'backlog' => 1024])]);
    kill_on_exit($srv);
    $srv->waitForLines('/worker \d started/', $workers);
    wait_for_port($port);
    $t = microtime(true);
    echo shell_exec('/usr/bin/python3 ' . escapeshellarg(__DIR__ . '/include/ws_client.py') . " $port broadcast " . CONNECTIONS . ' 3 2>&1');
    $seconds = microtime(true) - $t;
    // A generous bound for a shared 2-core machine: it takes about a second alone.
    echo "within 60 s: ", var_export($seconds < 60, true), "\n";
    $srv->waitForLines('/^close \d+$/m', CONNECTIONS);
    $out = $srv->stop();
    // Not anchored: two workers' "open N /" lines, each written in three pieces, may interleave.
    echo "onOpen: ", preg_match_all('/open \d+ /', $out), ", onClose: ", preg_match_all('/^close \d+$/m', $out), "\n";
}
?>
--EXPECT--
--- base
broadcast 1000 connections, all got 3 : True
within 60 s: true
onOpen: 1000, onClose: 1000
--- process
broadcast 1000 connections, all got 3 : True
within 60 s: true
onOpen: 1000, onClose: 1000
