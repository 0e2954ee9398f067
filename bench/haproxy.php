<?php
/**
 * bench/haproxy.php: what HAProxy in front costs, in one run. The same echo
 * server (bench/proxy_echo_server.php, BASE, one worker) is loaded by
 * tcpbench directly, through HAProxy (mode tcp) to one instance without and
 * with send-proxy-v2, and through HAProxy to two instances (leastconn,
 * send-proxy-v2); each with kept-alive connections (pingpong: the PROXY
 * header is paid once per connection) and with a new connection per request
 * (connect: once per request). Printed side by side: requests/s and their
 * ratio to the direct run, the instances' CPU per request and HAProxy's.
 *
 * Servers and HAProxy run on CPU 0, the client on CPU 1 (when there are 2+).
 *
 * usage: bench/run haproxy   (env: SWOOLE_SO, TCPBENCH, DURATION=3, CONNS=50, SIZE=64)
 */
$root = dirname(__DIR__);
$so = getenv('SWOOLE_SO') ?: "$root/target/release/libswoole.so";
$tcpbench = getenv('TCPBENCH') ?: "$root/target/tcpbench/release/tcpbench";
$duration = (float)(getenv('DURATION') ?: 3);
$conns = (int)(getenv('CONNS') ?: 50);
$size = (int)(getenv('SIZE') ?: 64);
$haproxy = is_executable('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : trim((string)shell_exec('command -v haproxy'));
if ($haproxy === '') {
    fwrite(STDERR, "bench/haproxy.php: haproxy is not installed\n");
    exit(1);
}
$pin = (int)shell_exec('nproc') >= 2;
$serverPin = $pin ? ['taskset', '-c', '0'] : [];
$clientPin = $pin ? ['taskset', '-c', '1'] : [];

require __DIR__ . '/cpu.php';

function free_port(): int
{
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int)substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
    fclose($s);
    return $port;
}

function wait_port(int $port): void
{
    for ($i = 0; $i < 500; $i++) {
        if ($c = @stream_socket_client("tcp://127.0.0.1:$port", $e, $es, 0.2)) {
            fclose($c);
            return;
        }
        usleep(10000);
    }
    throw new RuntimeException("nothing listens on $port");
}

/** Starts $cmd in the background; returns [process, pid]. */
function spawn(array $cmd): array
{
    $p = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    return [$p, proc_get_status($p)['pid'], $pipes[1]];
}

function stop(array $proc): void
{
    posix_kill($proc[1], SIGTERM);
    for ($i = 0; $i < 300 && proc_get_status($proc[0])['running']; $i++) {
        usleep(10000);
    }
    if (proc_get_status($proc[0])['running']) {
        posix_kill($proc[1], SIGKILL);
    }
    proc_close($proc[0]);
}

/** One case: $instances servers (PROXY v2 on them when $sendProxy), HAProxy in front unless $direct. */
function run_case(string $mode, bool $direct, int $instances, bool $sendProxy): array
{
    global $so, $tcpbench, $duration, $conns, $size, $haproxy, $serverPin, $clientPin;
    $servers = [];
    $ports = [];
    for ($i = 0; $i < $instances; $i++) {
        $ports[] = $port = free_port();
        $servers[] = $s = spawn([...$serverPin, PHP_BINARY, '-d', "extension=$so", __DIR__ . '/proxy_echo_server.php', $port, $sendProxy ? 2 : 0]);
        fgets($s[2]);
        wait_port($port);
    }
    $ha = null;
    $target = $ports[0];
    if (!$direct) {
        $target = free_port();
        $cfg = sys_get_temp_dir() . '/bench-haproxy-' . getmypid() . '.cfg';
        $lines = ["global", "  maxconn 4096", "defaults", "  mode tcp", "  timeout connect 2s", "  timeout client 30s",
            "  timeout server 30s", "frontend f", "  bind 127.0.0.1:$target", "  default_backend b", "backend b", "  balance leastconn"];
        foreach ($ports as $i => $p) {
            $lines[] = "  server s$i 127.0.0.1:$p" . ($sendProxy ? ' send-proxy-v2' : '');
        }
        file_put_contents($cfg, implode("\n", $lines) . "\n");
        $ha = spawn([...$serverPin, $haproxy, '-db', '-f', $cfg]);
        wait_port($target);
    }
    $cpu0 = array_sum(array_map(fn($s) => tree_cpu($s[1]), $servers));
    $ha0 = $ha ? tree_cpu($ha[1]) : 0.0;
    // tcpbench's warm-up second is not counted in its figures, but is in the CPU: sample around it separately.
    $out = shell_exec(implode(' ', array_map('escapeshellarg', [...$clientPin, $tcpbench, '--addr', "127.0.0.1:$target",
        '--mode', $mode, '--conns', (string)$conns, '--size', (string)$size, '--duration', (string)$duration,
        '--warmup', '0', '--prefix', 'Server: ', '--verify'])) . ' 2>&1');
    $cpu = array_sum(array_map(fn($s) => tree_cpu($s[1]), $servers)) - $cpu0;
    $haCpu = $ha ? tree_cpu($ha[1]) - $ha0 : 0.0;
    $json = null;
    foreach (explode("\n", (string)$out) as $l) {
        if (str_starts_with($l, '{')) {
            $json = json_decode($l, true);
        }
    }
    if ($ha) {
        stop($ha);
    }
    foreach ($servers as $s) {
        stop($s);
    }
    $req = max(1, (int)($json['requests'] ?? 0));
    return ['rps' => (float)($json['rps'] ?? 0), 'errors' => (int)($json['errors'] ?? -1) + (int)($json['mismatches'] ?? 0),
        'server_us' => $cpu * 1e6 / $req, 'haproxy_us' => $haCpu * 1e6 / $req];
}

$cases = [
    ['direct', true, 1, false],
    ['HAProxy -> 1 instance', false, 1, false],
    ['HAProxy send-proxy-v2 -> 1 instance', false, 1, true],
    ['HAProxy send-proxy-v2 -> 2 instances', false, 2, true],
];
printf("%s, %d conns, %d B, %.0f s each, %s\n", date('Y-m-d'), $conns, $size, $duration, trim((string)shell_exec("$haproxy -v | head -1")));
$failed = false;
foreach (['pingpong', 'connect'] as $mode) {
    printf("\n%-10s %-38s %12s %9s %16s %17s %7s\n", $mode, 'path', 'requests/s', 'vs direct', 'server CPU us/req', 'HAProxy CPU us/req', 'errors');
    $base = null;
    foreach ($cases as [$name, $direct, $n, $proxy]) {
        $r = run_case($mode, $direct, $n, $proxy);
        $base ??= $r['rps'] ?: 1;
        $failed = $failed || $r['errors'] !== 0 || $r['rps'] == 0;
        printf("%-10s %-38s %12.0f %9.2f %16.2f %17.2f %7d\n", '', $name, $r['rps'], $r['rps'] / $base, $r['server_us'], $r['haproxy_us'], $r['errors']);
    }
}
exit($failed ? 1 : 0);
