--TEST--
SWOOLE_PROCESS output buffer with a slow reader (socket_buffer_size 256 KiB): send() in a loop eventually returns false with error 1009 and onBufferFull fires; other clients are not affected; every chunk send() accepted reaches the client, in order, and after the client reads, onBufferEmpty fires and send() works again
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

$port = free_port();
$settings = '{"worker_num":2,"socket_buffer_size":262144,"buffer_high_watermark":131072,"buffer_low_watermark":0}';
$srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, 'process', $settings]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$pids = wait_for_descendants($srv->pid, 3);

$slow = new TestClient($port);
$slow->send("flood\n");                     // ...and read nothing for now
echo $srv->waitForLine('/^onBufferFull /'), "\n";
$line = $srv->waitForLine('/^flood: /');
echo preg_replace('/after \d+ chunks/', 'after N chunks', $line), "\n";
$accepted = preg_match('/after (\d+) chunks/', $line, $m) ? (int)$m[1] : -1;
echo "some chunks accepted first: ", var_export($accepted >= 4, true), "\n";

$other = new TestClient($port);             // another client is not affected
echo preg_replace('/\d/', 'N', ask($other, "fd\n")), "\n";
$other->close();

// now read everything: the backlog (all accepted chunks), then "recovered" from onBufferEmpty
$received = 0;
$bad = 0;
$tail = '';
$deadline = clock() + TEST_TIMEOUT;
while (!str_ends_with($tail, "recovered\n") && clock() < $deadline) {
    $chunk = fread($slow->sock, 1 << 20);
    if ($chunk === false || $chunk === '') {
        break;
    }
    $tail = substr($tail . $chunk, -20);
    $xs = strspn($chunk, 'x');
    $received += $xs;
    $bad += strlen($chunk) - $xs - (str_contains($chunk, 'recovered') ? 10 : 0);
}
echo "then: ", trim(substr($tail, -10)), "\n";
echo "all accepted chunks arrived: ", var_export($received === $accepted * 65536, true),
    $received === $accepted * 65536 ? '' : " (got $received bytes = " . round($received / 65536, 2) . " chunks of $accepted)", "\n";
echo "nothing else: ", var_export($bad === 0, true), "\n";
echo $srv->waitForLine('/^onBufferEmpty /'), "\n";
echo "onBufferFull lines: ", count(lines_matching($srv, '/^onBufferFull /')), "\n";

// and the connection works as before
echo preg_replace('/\d/', 'N', ask($slow, "fd\n")), "\n";
$slow->close();
$srv->waitForLines('/^onClose /', 2);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECT--
onBufferFull fd=1
flood: send() false after N chunks, error 1009
some chunks accepted first: true
fd=N wid=N
then: recovered
all accepted chunks arrived: true
nothing else: true
onBufferEmpty fd=1 send=true
onBufferFull lines: 1
fd=N wid=N
int(0)
left: []
