--TEST--
PROCESS mode with open_length_check: a 1 MiB packet (one write, or 1000-byte pieces) arrives whole in one onReceive, and a 1 MiB reply arrives whole
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_life_helpers.php';

$port = free_port();
$seen = [];
$settings = [
    'worker_num' => 2,
    'open_length_check' => true,
    'package_length_type' => 'N',
    'package_length_offset' => 0,
    'package_body_offset' => 4,
    'package_max_length' => 4 * 1024 * 1024,
];
$srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode($settings)]);
kill_tree_on_exit($srv, $seen);
wait_for_port($port);
$seen = pids_in(implode("\n", $srv->waitForLines('/^onWorkerStart id=\d kind=event /', 2)), '/./');
$seen[] = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
$seen[] = $srv->pid;

const MIB = 1024 * 1024;

/** Reads one length-prefixed packet; returns its body ('' and a note on EOF/timeout). */
function read_packet(TestClient $c): string
{
    $head = $c->recvExactly(4);
    if (strlen($head) !== 4) {
        return "[no header: " . strlen($head) . " bytes]";
    }
    $n = unpack('N', $head)[1];
    $body = $c->recvExactly($n);
    return strlen($body) === $n ? $body : "[short body: " . strlen($body) . " of $n]";
}

$c = new TestClient($port);
$received = 0;

echo "--- 1 MiB in one write\n";
$body = random_bytes(MIB);
$c->send(pack('N', MIB) . $body);
$received++;
echo "server got it whole in one onReceive: ";
same($srv->waitForLines('/^onReceive /', $received)[$received - 1], "onReceive len=" . MIB . " declared=" . MIB . " md5=" . md5($body));
echo "reply: ";
same(read_packet($c), "len=" . MIB . " md5=" . md5($body));

echo "--- 1 MiB in 1000-byte pieces (the header split too)\n";
$body = random_bytes(MIB);
$packet = pack('N', MIB) . $body;
$c->send(substr($packet, 0, 2));
usleep(20000);
$pieces = str_split(substr($packet, 2), 1000);
foreach ($pieces as $i => $piece) {
    $c->send($piece);
    if ($i % 50 === 0) {
        usleep(1000);
    }
}
$received++;
echo "pieces: ", count($pieces), "\n";
echo "server got it whole in one onReceive: ";
same($srv->waitForLines('/^onReceive /', $received)[$received - 1], "onReceive len=" . MIB . " declared=" . MIB . " md5=" . md5($body));
echo "reply: ";
same(read_packet($c), "len=" . MIB . " md5=" . md5($body));

echo "--- 1 MiB then a small packet in the same write\n";
$body = random_bytes(MIB);
$c->send(pack('N', MIB) . $body . pack('N', 5) . 'small');
$received += 2;
$lines = $srv->waitForLines('/^onReceive /', $received);
echo "two onReceive, in order: ";
same(array_slice($lines, -2), ["onReceive len=" . MIB . " declared=" . MIB . " md5=" . md5($body), "onReceive len=5 declared=5 md5=" . md5('small')]);
echo "replies: ";
same([read_packet($c), read_packet($c)], ["len=" . MIB . " md5=" . md5($body), "len=5 md5=" . md5('small')]);

echo "--- 1 MiB reply\n";
$c->send(pack('N', 11) . 'big ' . MIB);
$received++;
$want = substr(str_repeat('0123456789abcdef!', intdiv(MIB, 17) + 1), 0, MIB);
echo "server line: ";
same($srv->waitForLines('/^onReceive /', $received)[$received - 1], "onReceive big len=" . MIB . " md5=" . md5($want));
$reply = read_packet($c);
echo "reply received whole: ";
same([strlen($reply), md5($reply)], [MIB, md5($want)]);

echo "--- the connection is still usable\n";
$c->send(pack('N', 2) . 'ok');
echo "reply: ";
same(read_packet($c), 'len=2 md5=' . md5('ok'));

$out = $srv->stop();
echo "exit code: ";
same($srv->exitCode, 0);
echo "client sees EOF at shutdown: ";
same([$c->recvAll(), feof($c->sock)], ['', true]);
$c->close();
echo "onReceive lines: ", count(pl_lines($out, '/^onReceive /')), "\n";
echo "no warning or error: ";
same(pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING|ERROR/'), []);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
echo "processes left: ";
same(wait_pids_gone($seen), []);
?>
--EXPECT--
--- 1 MiB in one write
server got it whole in one onReceive: as expected
reply: as expected
--- 1 MiB in 1000-byte pieces (the header split too)
pieces: 1049
server got it whole in one onReceive: as expected
reply: as expected
--- 1 MiB then a small packet in the same write
two onReceive, in order: as expected
replies: as expected
--- 1 MiB reply
server line: as expected
reply received whole: as expected
--- the connection is still usable
reply: as expected
exit code: as expected
client sees EOF at shutdown: as expected
onReceive lines: 6
no warning or error: as expected
clean stop
processes left: as expected
