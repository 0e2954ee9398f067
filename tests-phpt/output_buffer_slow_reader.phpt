--TEST--
Output buffer: a slow reader fills its queue; onBufferFull fires, the next send() fails with 1009 (only for that client), and after the client reads, onBufferEmpty fires and send() works again
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/slow_reader.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);

$slow = new TestClient($port);
$slow->send("flood");                       // ...and read nothing for now
echo $srv->waitForLine('/^onBufferFull /'), "\n";
echo preg_replace('/after \d+ chunks/', 'after N chunks', $srv->waitForLine('/^send\(\) false/')), "\n";
echo $srv->waitForLine('/^queued: /'), "\n";

$other = new TestClient($port);            // another client is not affected
$other->send("x");
echo "the other client still gets data: ", var_export(strlen($other->recv(10)) > 0, true), "\n";
$other->close();

// now read everything: the queue drains, onBufferEmpty fires, "recovered" arrives last
$tail = '';
$deadline = microtime(true) + TEST_TIMEOUT;
while (!str_ends_with($tail, "recovered\n") && microtime(true) < $deadline) {
    $chunk = fread($slow->sock, 1 << 20);
    if ($chunk === false || $chunk === '') { break; }
    $tail = substr($tail . $chunk, -20);
}
echo "received the backlog, then: ", trim(substr($tail, -10)), "\n";
echo $srv->waitForLine('/^onBufferEmpty /'), "\n";
echo $srv->waitForLine('/^bool/'), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
onBufferFull fd=1
send() false after N chunks, error 1009
queued: at least the limit
the other client still gets data: true
received the backlog, then: recovered
onBufferEmpty fd=1
bool(true)
int(0)
