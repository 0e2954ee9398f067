--TEST--
PROXY protocol on a SWOOLE_SSL port behind a real HAProxy (mode tcp, send-proxy-v2, TLS passed through), both modes: the client's TLS session reaches the server, which reports the client's own address and port, the balancer as proxy
--EXTENSIONS--
swoole
posix
pcntl
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/sbin/haproxy') && trim((string)shell_exec('command -v haproxy')) === '') die('skip haproxy is not installed');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/proxy_helpers.php';
require __DIR__ . '/include/tls_helpers.php';

$dir = tls_dir();
tls_make_ca($dir);
tls_make_cert($dir, 'server', 'localhost');
$bin = is_executable('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    [$tls, $plain, $front] = [free_port(), free_port(), free_port()];
    $srv = new ServerProcess(__DIR__ . '/servers/proxy_tls_server.php', [$mode, $tls, $plain, $dir]);
    kill_on_exit($srv);
    $srv->waitForLine('/^worker 0 started/');
    wait_for_port($tls);
    $cfg = "$dir/haproxy-$mode.cfg";
    file_put_contents($cfg, "defaults\n  mode tcp\n  timeout connect 1s\n  timeout client 10s\n  timeout server 10s\n"
        . "frontend front\n  bind 127.0.0.1:$front\n  default_backend tls\n"
        . "backend tls\n  server s 127.0.0.1:$tls send-proxy-v2\n");
    $ha = proc_open([$bin, '-db', '-f', $cfg], [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    $haPid = proc_get_status($ha)['pid'];
    register_shutdown_function(function () use ($haPid) { @posix_kill($haPid, SIGKILL); });
    wait_for_port($front);
    $ok = 0;
    for ($i = 0; $i < 3; $i++) {
        $c = tls_connect($front, $dir);
        if (!is_resource($c)) {
            echo "handshake through HAProxy failed: $c\n";
            continue;
        }
        $me = (int)substr(strrchr(stream_socket_get_name($c, false), ':'), 1);
        $r = proxy_ask($c, 'who');
        $ok += (int)($r['remote'] === "127.0.0.1:$me" && preg_match('/^127\.0\.0\.1:\d+$/', $r['proxy']) && $r['proxy'] !== "127.0.0.1:$me");
        fclose($c);
    }
    echo "sessions with the client's own address: $ok of 3\n";
    posix_kill($haPid, SIGTERM);
    proc_close($ha);
    $srv->stop();
}
?>
--EXPECT--
--- base
sessions with the client's own address: 3 of 3
--- process
sessions with the client's own address: 3 of 3
