--TEST--
PROCESS dispatch_mode 4 (IP hash): the client's IPv4 address modulo worker_num picks the worker, whatever the fd
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

// 3 workers: an address modulo 3 is the same in either byte order (256 % 3 == 1),
// so the expectation holds however the address is turned into a number.
const WORKERS = 3;
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 4, 'events');

/** A client connecting from $ip (any 127.x.y.z is a loopback address on Linux). */
function client_from(string $ip, int $port): TestClient
{
    $c = (new ReflectionClass(TestClient::class))->newInstanceWithoutConstructor();
    $ctx = stream_context_create(['socket' => ['bindto' => "$ip:0"]]);
    $c->sock = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, TEST_TIMEOUT, STREAM_CLIENT_CONNECT, $ctx);
    if (!$c->sock) {
        throw new RuntimeException("connect from $ip failed: $errstr");
    }
    stream_set_timeout($c->sock, (int)TEST_TIMEOUT);
    return $c;
}

// two connections from each of three addresses, three requests each
$clients = [];
foreach (['127.0.0.1', '127.0.0.2', '127.0.0.3'] as $ip) {
    for ($k = 0; $k < 2; $k++) {
        $clients[] = [$ip, client_from($ip, $port)];
    }
}
$byIp = [];
$bad = [];
$connects = [];
for ($round = 0; $round < 3; $round++) {
    foreach ($clients as [$ip, $c]) {
        $r = pd_who($c);
        $want = ip2long($ip) % WORKERS;
        if ($r['remote_ip'] !== $ip || $r['wid'] !== $want || $r['pid'] !== $pids[$want]) {
            $bad[] = "$ip: " . json_encode($r) . " (want wid=$want)";
        }
        $byIp[$ip][$r['wid']] = true;
        $connects[$r['fd']] = $want;
    }
}
echo "worker = ip2long(ip) % 3 for every packet: ", $bad === [] ? "yes" : implode("\n", $bad), "\n";
foreach ($byIp as $ip => $w) {
    echo "$ip -> worker ", implode(',', array_keys($w)), "\n";
}

// mode 4 is a hash mode: onConnect is kept, and runs on the same worker
$got = [];
foreach ($srv->waitForLines('/^onConnect /', count($clients)) as $line) {
    preg_match('/^onConnect fd=(\d+) wid=(\d+) /', $line, $m);
    $got[(int)$m[1]] = (int)$m[2];
}
ksort($got);
ksort($connects);
same($got, $connects);
echo "warnings: ", count(preg_grep('/warning/i', explode("\n", $srv->output()))), "\n";

foreach ($clients as [, $c]) {
    $c->close();
}
$srv->waitForLines('/^onClose /', count($clients));
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
worker = ip2long(ip) % 3 for every packet: yes
127.0.0.1 -> worker 2
127.0.0.2 -> worker 0
127.0.0.3 -> worker 1
as expected
warnings: 0
stopped cleanly
