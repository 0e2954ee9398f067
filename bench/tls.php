<?php
/**
 * bench/tls.php: TLS servers side by side, this extension and real Swoole
 * (ORACLE_SO), in BASE and PROCESS mode, with the same clients (PHP's own
 * ssl:// streams in CLIENTS forked processes, run with plain `php`):
 *
 * - handshakes/s: a new connection, one 64-byte round trip, close;
 * - TLS echo requests/s on CONNS kept-alive connections, SIZE-byte messages,
 *   each client process keeping one request in flight on each of its
 *   connections.
 *
 * For each, the server's CPU time (its process and every descendant) per
 * request is printed, as bench/run does for the plain echo. Certificates
 * are made with the openssl CLI (RSA 2048, the common case).
 *
 * usage: php bench/tls.php    (env: SWOOLE_SO, ORACLE_SO, DURATION=3,
 *        CLIENTS=4, CONNS=50, SIZE=64, MODES="base process")
 */
$root = dirname(__DIR__);
require __DIR__ . '/lib.php';
$impls = ['ours' => getenv('SWOOLE_SO') ?: "$root/target/release/libswoole.so"];
$oracle = getenv('ORACLE_SO') ?: "$root/../shared/reference/swoole-6.2.1/swoole.so";
if (!is_file($oracle)) {
    $oracle = "$root/../../shared/reference/swoole-6.2.1/swoole.so";
}
if (is_file($oracle)) {
    $impls['swoole'] = $oracle;
}
$duration = (float)(getenv('DURATION') ?: 3);
$clients = (int)(getenv('CLIENTS') ?: 4);
$conns = (int)(getenv('CONNS') ?: 50);
$size = (int)(getenv('SIZE') ?: 64);
$modes = explode(' ', getenv('MODES') ?: 'base process');

$dir = sys_get_temp_dir() . '/swoole-tls-bench-' . getmypid();
@mkdir($dir);
$owner = getmypid();
// (The forked clients exit through here too: only the driver removes the certificates.)
register_shutdown_function(fn() => getmypid() === $owner && exec('rm -rf ' . escapeshellarg($dir)));
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=localhost' -keyout $dir/server.key -out $dir/server.crt 2>&1", $o, $rc);
if ($rc !== 0) {
    fwrite(STDERR, implode("\n", $o) . "\n");
    exit(1);
}

function connect_tls(int $port)
{
    $ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
    return @stream_socket_client("ssl://127.0.0.1:$port", $e, $es, 5, STREAM_CLIENT_CONNECT, $ctx);
}

/** Runs $work($deadline) in $n forked clients; the sum of what they return. */
function in_clients(int $n, callable $work, float $duration): int
{
    $pipes = [];
    for ($i = 0; $i < $n; $i++) {
        $pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
        $pid = pcntl_fork();
        if ($pid === 0) {
            fclose($pair[0]);
            fwrite($pair[1], (string)$work($i, microtime(true) + $duration));
            exit(0);
        }
        fclose($pair[1]);
        $pipes[$pid] = $pair[0];
    }
    $total = 0;
    foreach ($pipes as $pid => $p) {
        $total += (int)stream_get_contents($p);
        pcntl_waitpid($pid, $status);
    }
    return $total;
}

$msg = str_repeat('x', $size);
$handshakes = function (int $i, float $deadline) use (&$port, $msg, $size): int {
    $n = 0;
    while (microtime(true) < $deadline) {
        $s = connect_tls($port);
        if (!$s) {
            continue;
        }
        fwrite($s, $msg);
        $got = '';
        while (strlen($got) < $size && ($c = fread($s, $size)) !== false && $c !== '') {
            $got .= $c;
        }
        fclose($s);
        $n += strlen($got) === $size ? 1 : 0;
    }
    return $n;
};
$echo = function (int $i, float $deadline) use (&$port, $msg, $size, $clients, $conns): int {
    $mine = intdiv($conns, $clients) + ($i < $conns % $clients ? 1 : 0);
    $socks = [];
    for ($k = 0; $k < $mine; $k++) {
        $socks[] = connect_tls($port);
    }
    $n = 0;
    while (microtime(true) < $deadline) {
        foreach ($socks as $s) {
            fwrite($s, $msg);
        }
        foreach ($socks as $s) {
            $got = 0;
            while ($got < $size && ($c = fread($s, $size - $got)) !== false && $c !== '') {
                $got += strlen($c);
            }
            $n++;
        }
    }
    return $n;
};

printf("%-7s %-8s %-10s %12s %14s\n", 'mode', 'server', 'test', 'per second', 'server CPU/req');
foreach ($modes as $mode) {
    foreach ($impls as $name => $so) {
        $port = 20000 + random_int(0, 9999);
        $cmd = sprintf('exec %s -n -d extension=%s %s %d %s %s', PHP_BINARY, escapeshellarg($so),
            escapeshellarg(__DIR__ . '/tls_server.php'), $port, $mode, escapeshellarg($dir));
        $proc = proc_open($cmd, [1 => ['file', "$dir/$name-$mode.log", 'w'], 2 => ['file', "$dir/$name-$mode.log", 'a']], $p);
        $pid = proc_get_status($proc)['pid'];
        for ($t = 0; $t < 100 && !($s = @fsockopen('127.0.0.1', $port)); $t++) {
            usleep(50000);
        }
        if (!$s) {
            echo "$name $mode: the server did not start: ", @file_get_contents("$dir/$name-$mode.log"), "\n";
            proc_terminate($proc);
            continue;
        }
        fclose($s);
        in_clients($clients, $handshakes, 0.5); // warm-up
        foreach (['handshake' => $handshakes, 'echo' => $echo] as $test => $work) {
            $cpu0 = tree_cpu($pid);
            $t0 = microtime(true);
            $n = in_clients($clients, $work, $duration);
            $elapsed = microtime(true) - $t0;
            $cpu = tree_cpu($pid) - $cpu0;
            printf("%-7s %-8s %-10s %12.0f %11.1f us\n", $mode, $name, $test, $n / $elapsed, $n ? $cpu / $n * 1e6 : 0);
        }
        posix_kill($pid, SIGTERM);
        proc_close($proc);
    }
}
