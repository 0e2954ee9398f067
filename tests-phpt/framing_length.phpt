--TEST--
Framing: open_length_check delivers exactly one onReceive per packet, whether sent a byte at a time or many per write; an oversized or malformed packet closes only its connection
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

function pkt(string $body): string { return pack('N', strlen($body)) . $body; }
function lines(TestClient $c, int $n): array {
    $out = [];
    while (count($out) < $n) {
        $line = fgets($c->sock);
        if ($line === false) { break; }
        $out[] = rtrim($line, "\n");
    }
    return $out;
}

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/framing.php', [$port, 'length']);
kill_on_exit($srv);
wait_for_port($port);

$a = new TestClient($port);
echo "--- one byte at a time\n";
foreach (str_split(pkt("hello") . pkt("")) as $byte) {
    $a->send($byte);
    usleep(200); // let each byte travel alone
}
echo implode("\n", lines($a, 1)), "\n";   // the empty-body packet (4 bytes) is a packet too
echo implode("\n", lines($a, 1)), "\n";
echo "--- many per write\n";
$a->send(pkt("one") . pkt("two") . pkt(str_repeat("x", 1000)) . pkt("four"));
echo implode("\n", array_map(fn($l) => strlen($l) > 40 ? substr($l, 0, 20) . "..." : $l, lines($a, 4))), "\n";

echo "--- an oversized packet closes only that client\n";
$b = new TestClient($port);
$b->send(pack('N', 5000) . "too big");
var_dump($b->recvAll());                  // closed, nothing sent
echo $srv->waitForLine("/packet length too large.*error 1201/") ? "logged 1201\n" : "";
$a->send(pkt("still here"));
echo implode("\n", lines($a, 1)), "\n";
$out = $srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
--- one byte at a time
got 9:"hello"
got 4:""
--- many per write
got 7:"one"
got 7:"two"
got 1004:"xxxxxxxxxx...
got 8:"four"
--- an oversized packet closes only that client
string(0) ""
logged 1201
got 14:"still here"
int(0)
