--TEST--
PROXY protocol behind a real HAProxy (send-proxy-v2, HTTP health checks on each instance's health port, leastconn): getClientInfo() shows the client's own address and port, with one of two instances killed no request fails, and once it is restarted the health check brings it back
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
if (!is_executable('/usr/sbin/haproxy') && trim((string)shell_exec('command -v haproxy')) === '') die('skip haproxy is not installed');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$examples = dirname(__DIR__) . '/examples-php';
[$front, $pa, $pb, $hpa, $hpb] = [free_port(), free_port(), free_port(), free_port(), free_port()];
$a = new ServerProcess("$examples/proxy_protocol_instance.php", ['a', $pa, $hpa]);
kill_on_exit($a);
$b = new ServerProcess("$examples/proxy_protocol_instance.php", ['b', $pb, $hpb]);
kill_on_exit($b);
$a->waitForLine('/^instance a ready/');
$b->waitForLine('/^instance b ready/');

$cfg = sys_get_temp_dir() . '/haproxy-' . getmypid() . '.cfg';
$stats = sys_get_temp_dir() . '/haproxy-' . getmypid() . '.sock';
file_put_contents($cfg, str_replace(['FRONT_PORT', 'PORT_A', 'PORT_B', 'HEALTH_A', 'HEALTH_B', 'STATS_SOCKET'], [$front, $pa, $pb, $hpa, $hpb, $stats], file_get_contents("$examples/haproxy.cfg")));
register_shutdown_function(function () use ($cfg, $stats) { @unlink($cfg); @unlink($stats); });
$bin = is_executable('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
$ha = proc_open([$bin, '-db', '-f', $cfg], [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
$haPid = proc_get_status($ha)['pid'];
register_shutdown_function(function () use ($haPid) { @posix_kill($haPid, SIGKILL); });
wait_for_port($front);

function ask_front(int $port, string $what): string
{
    $c = new TestClient($port);
    $c->send("$what\n");
    $line = (string)fgets($c->sock);
    $own = (int)substr(strrchr(stream_socket_get_name($c->sock, false), ':'), 1);
    $c->close();
    return str_replace(":$own ", ':OWN ', trim($line) . ' ');
}

/** Waits until HAProxy's `show stat` reports server $name as $state (UP or DOWN). */
function wait_server_state(string $stats, string $name, string $state): void
{
    $deadline = microtime(true) + TEST_TIMEOUT;
    while (microtime(true) < $deadline) {
        $s = @stream_socket_client("unix://$stats");
        if ($s) {
            fwrite($s, "show stat\n");
            foreach (explode("\n", stream_get_contents($s)) as $row) {
                $f = str_getcsv($row);
                if (($f[0] ?? '') === 'instances' && ($f[1] ?? '') === $name && str_starts_with($f[17] ?? '', $state)) {
                    fclose($s);
                    return;
                }
            }
            fclose($s);
        }
        usleep(20000);
    }
    echo "server $name never $state\n";
}

echo "--- the client's own address and port, the balancer as proxy\n";
wait_server_state($stats, 'a', 'UP');
wait_server_state($stats, 'b', 'UP');
$seen = [];
for ($i = 0; $i < 200 && count($seen) < 2; $i++) {
    $r = ask_front($front, "hello");
    if (preg_match('/^instance=(\w) client=127\.0\.0\.1:OWN via=127\.0\.0\.1:\d+ data=hello $/', $r, $m)) {
        $seen[$m[1]] = true;
    } else {
        echo "unexpected: $r\n";
        break;
    }
    usleep(20000);
}
ksort($seen);
echo "instances answering: ", implode(',', array_keys($seen)), "\n";

echo "--- instance a killed (SIGKILL): every request is still answered\n";
foreach (array_merge(child_pids($a->pid), [$a->pid]) as $pid) {
    posix_kill($pid, SIGKILL);
}
// Requests in the moment before the health check sees it may fail (HAProxy
// cannot retry a request it has sent); none may fail after.
wait_server_state($stats, 'a', 'DOWN');
$failed = 0;
$by = [];
for ($i = 0; $i < 30; $i++) {
    $r = ask_front($front, "n$i");
    if (!preg_match('/^instance=(\w) client=127\.0\.0\.1:OWN /', $r, $m)) {
        $failed++;
        continue;
    }
    $by[$m[1]] = ($by[$m[1]] ?? 0) + 1;
}
echo "failed: $failed, answered by: ", implode(',', array_keys($by)), "\n";

echo "--- instance a restarted: the health check brings it back, both answer again\n";
$a = new ServerProcess("$examples/proxy_protocol_instance.php", ['a', $pa, $hpa]);
kill_on_exit($a);
$a->waitForLine('/^instance a ready/');
wait_server_state($stats, 'a', 'UP');
$seen = [];
$failed = 0;
for ($i = 0; $i < 200 && count($seen) < 2; $i++) {
    $r = ask_front($front, "again$i");
    if (preg_match('/^instance=(\w) client=127\.0\.0\.1:OWN /', $r, $m)) {
        $seen[$m[1]] = true;
    } else {
        $failed++;
    }
}
ksort($seen);
echo "failed: $failed, instances answering: ", implode(',', array_keys($seen)), "\n";

posix_kill($haPid, SIGTERM);
proc_close($ha);
$b->stop();
$a->stop();
?>
--EXPECT--
--- the client's own address and port, the balancer as proxy
instances answering: a,b
--- instance a killed (SIGKILL): every request is still answered
failed: 0, answered by: b
--- instance a restarted: the health check brings it back, both answer again
failed: 0, instances answering: a,b
