--TEST--
Framing: open_eof_split gives one onReceive per EOF-terminated packet at any split; open_eof_check dispatches when the buffer ends with EOF; a signed negative length is malformed (1204) and closes only its connection
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

function lines(TestClient $c, int $n): array {
    $out = [];
    while (count($out) < $n && ($line = fgets($c->sock)) !== false) {
        $out[] = rtrim($line, "\n");
    }
    return $out;
}

echo "--- eof_split\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/framing.php', [$port, 'eof_split']);
kill_on_exit($srv);
wait_for_port($port);
$c = new TestClient($port);
$c->send("a\r\nbb\r");
usleep(20000);
$c->send("\nccc\r\n");
echo implode("\n", lines($c, 3)), "\n";
$srv->stop();

echo "--- eof_check (one onReceive may hold several packets)\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/framing.php', [$port, 'eof']);
kill_on_exit($srv);
wait_for_port($port);
$c = new TestClient($port);
$c->send("x\r\ny\r\n");
echo implode("\n", lines($c, 1)), "\n";
$srv->stop();

echo "--- malformed length\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/framing.php', [$port, 'length_signed']);
kill_on_exit($srv);
wait_for_port($port);
$ok = new TestClient($port);
$bad = new TestClient($port);
$bad->send(pack('c', -3) . "zzz");
var_dump($bad->recvAll());
$srv->waitForLine('/malformed packet.*error 1204/');
$ok->send(pack('c', 2) . "hi");
echo implode("\n", lines($ok, 1)), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
--- eof_split
got 3:"a\r\n"
got 4:"bb\r\n"
got 5:"ccc\r\n"
--- eof_check (one onReceive may hold several packets)
got 6:"x\r\ny\r\n"
--- malformed length
string(0) ""
got 3:"hi"
int(0)
