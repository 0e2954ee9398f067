--TEST--
Server: enable_reuse_port gives each SWOOLE_BASE worker a listening socket of its own (SO_REUSEPORT), so the kernel spreads connections over all workers
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/** LISTEN sockets on $port in /proc/net/tcp. */
function listeners(int $port): int
{
    $hex = sprintf(':%04X', $port);
    $n = 0;
    foreach (file('/proc/net/tcp') as $line) {
        $f = preg_split('/\s+/', trim($line));
        $n += (int)(isset($f[3]) && $f[3] === '0A' && str_ends_with($f[1], $hex));
    }
    return $n;
}

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/reuse_port_server.php', [$port, 1]);
kill_on_exit($srv);
$srv->waitForLines('/^onWorkerStart /', 2);
wait_for_port($port);
echo "listening sockets: ", listeners($port), "\n";
$seen = [0 => 0, 1 => 0];
for ($i = 0; $i < 40; $i++) {
    $c = new TestClient($port);
    $c->send("hi");
    $seen[(int)substr(trim(fgets($c->sock)), 1)]++;
    $c->close();
}
echo "both workers served: ", var_export($seen[0] >= 4 && $seen[1] >= 4, true), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
listening sockets: 2
both workers served: true
int(0)
