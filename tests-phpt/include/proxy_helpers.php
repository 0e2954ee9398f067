<?php
/** PROXY protocol headers for the proxy_protocol_*.phpt tests (HAProxy's specification). */

/** The v1 text line. */
function proxy_v1(string $src, string $dst, int $sport, int $dport): string
{
    $fam = str_contains($src, ':') ? 'TCP6' : 'TCP4';
    return "PROXY $fam $src $dst $sport $dport\r\n";
}

/** The v2 signature. */
const PROXY_V2_SIG = "\r\n\r\n\0\r\nQUIT\n";

/**
 * A v2 header: PROXY over TCP from $src:$sport to $dst:$dport (IPv4 or IPv6
 * by the address), with TLVs [[type, value], ...]; LOCAL when $src is null.
 */
function proxy_v2(?string $src, string $dst = '', int $sport = 0, int $dport = 0, array $tlvs = []): string
{
    $tail = '';
    foreach ($tlvs as [$type, $value]) {
        $tail .= chr($type) . pack('n', strlen($value)) . $value;
    }
    if ($src === null) {
        return PROXY_V2_SIG . "\x20\x00" . pack('n', strlen($tail)) . $tail;
    }
    $v6 = str_contains($src, ':');
    $addrs = inet_pton($src) . inet_pton($dst) . pack('nn', $sport, $dport);
    return PROXY_V2_SIG . "\x21" . ($v6 ? "\x21" : "\x11") . pack('n', strlen($addrs) + strlen($tail)) . $addrs . $tail;
}

/** Sends $parts one write each, a little apart, so the server reads them separately. */
function send_split(TestClient $c, array $parts): void
{
    foreach ($parts as $i => $p) {
        if ($i > 0) {
            // Only to make separate reads likely; the test passes either way.
            usleep(30000);
        }
        $c->send($p);
    }
}

/** The client's own port (what the server sees as the balancer's). */
function own_port(TestClient $c): int
{
    return (int)substr(strrchr(stream_socket_get_name($c->sock, false), ':'), 1);
}

/** One JSON reply line of proxy_server.php. */
function reply(TestClient $c): mixed
{
    $line = fgets($c->sock);
    return $line === false ? null : json_decode($line, true);
}

/** Whether the server closed $c without sending anything. */
function closed_silently(TestClient $c): bool
{
    return $c->recvAll() === '' && feof($c->sock);
}

/**
 * The shared scenario of proxy_protocol_base/process.phpt against
 * proxy_server.php in $mode.
 */
function proxy_scenario(string $mode): void
{
    [$any, $plain, $v2, $untrusted] = [free_port(), free_port(), free_port(), free_port()];
    $srv = new ServerProcess(__DIR__ . '/../servers/proxy_server.php', [$mode, $any, $plain, $v2, $untrusted, 4]);
    kill_on_exit($srv);
    foreach ([$any, $plain, $v2, $untrusted] as $p) {
        wait_for_port($p);
    }
    $srv->waitForLines('/^worker \d+ started$/', $mode === 'process' ? 2 : 1);

    echo "--- v1 IPv4, split across reads, data in the last read\n";
    $c = new TestClient($any);
    $h = proxy_v1('192.0.2.1', '198.51.100.7', 56324, 443);
    send_split($c, [substr($h, 0, 7), substr($h, 7, 20), substr($h, 27) . 'hello']);
    $r = reply($c);
    same($r['data'], 'hello');
    same($r['remote'], '192.0.2.1:56324');
    same($r['proxy'], '127.0.0.1:' . own_port($c));
    echo $srv->waitForLine('/^connect .*remote=192\.0\.2\.1/') === "connect fd=1 port=$any remote=192.0.2.1:56324 proxy=127.0.0.1:" . own_port($c)
        ? "onConnect saw the real client\n" : "onConnect: wrong line\n";

    echo "--- v2 IPv6 with TLVs, split inside the signature and the addresses\n";
    $d = new TestClient($any);
    $h = proxy_v2('2001:db8::1', '2001:db8::2', 40000, 443, [[0x01, 'h2'], [0xE0, 'custom'], [0x04, "\0\0\0"]]);
    send_split($d, [substr($h, 0, 5), substr($h, 5, 20), substr($h, 25), 'ping']);
    $r = reply($d);
    same([$r['data'], $r['remote']], ['ping', '2001:db8::1:40000']);

    echo "--- v2 LOCAL (a health check): the socket's own peer\n";
    $e = new TestClient($any);
    $e->send(proxy_v2(null) . 'hc');
    $r = reply($e);
    same([$r['data'], $r['remote'], $r['proxy']], ['hc', '127.0.0.1:' . own_port($e), '-']);

    echo "--- dispatch_mode 4 picks the worker by the real client\n";
    // 192.0.2.2 is even, 192.0.2.1 odd (the balancer 127.0.0.1 is odd).
    $w = [];
    foreach (['192.0.2.2', '192.0.2.1'] as $ip) {
        $x = new TestClient($any);
        $x->send(proxy_v1($ip, '198.51.100.7', 1000, 443) . 'w');
        $w[] = reply($x)['worker'];
        $x->close();
    }
    same($w, $mode === 'process' ? [0, 1] : [0, 0]);

    echo "--- a plain port of the same server is unaffected\n";
    $p = new TestClient($plain);
    $p->send('PROXY TCP4 192.0.2.9 198.51.100.7 1 2');
    $r = reply($p);
    same([$r['data'], $r['remote'], $r['proxy']], ['PROXY TCP4 192.0.2.9 198.51.100.7 1 2', '127.0.0.1:' . own_port($p), '-']);

    echo "--- refused: malformed, oversized v1 and v2, missing, slow, wrong version, untrusted\n";
    $bad = new TestClient($any);
    $bad->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    same(closed_silently($bad), true);
    $big = new TestClient($any);
    $big->send('PROXY UNKNOWN ' . str_repeat('x', 200));
    same(closed_silently($big), true);
    $big2 = new TestClient($any);
    $big2->send(PROXY_V2_SIG . "\x21\x11\xff\xff" . str_repeat("\0", 64));
    same(closed_silently($big2), true);
    $none = new TestClient($any);
    stream_socket_shutdown($none->sock, STREAM_SHUT_WR);
    same(closed_silently($none), true);
    $slow = new TestClient($any);
    $slow->send('PROXY TCP4 192.0.2.1 ');
    $t = microtime(true);
    same(closed_silently($slow), true);
    $took = microtime(true) - $t;
    echo $took >= 0.3 && $took < 5 ? "closed after proxy_protocol_timeout\n" : "closed after {$took}s\n";
    $v1on2 = new TestClient($v2);
    $v1on2->send(proxy_v1('192.0.2.1', '198.51.100.7', 1, 2));
    same(closed_silently($v1on2), true);
    $u = new TestClient($untrusted);
    $u->send(proxy_v1('192.0.2.1', '198.51.100.7', 1, 2) . 'x');
    same(closed_silently($u), true);

    echo "--- the v2-only trusted port takes a v2 header\n";
    $ok = new TestClient($v2);
    $ok->send(proxy_v2('203.0.113.5', '198.51.100.7', 5555, 443) . 'v2');
    $r = reply($ok);
    same([$r['data'], $r['remote']], ['v2', '203.0.113.5:5555']);

    echo "--- the first connections still work; refusals are counted\n";
    $c->send('again');
    same(reply($c)['remote'], '192.0.2.1:56324');
    $c->send('stats');
    same(reply($c), 7);
    $out = $srv->output();
    echo "onConnect calls: ", preg_match_all('/^connect /m', $out), "\n";

    foreach ([$c, $d, $e, $p, $ok] as $x) {
        $x->close();
    }
    $srv->waitForLines('/^close /', 7);
    echo "onClose calls: ", preg_match_all('/^close /m', $srv->output()), "\n";
    posix_kill($srv->pid, SIGTERM);
    $all = $srv->wait();
    echo "warnings: ", preg_match_all('/PROXY protocol: /', $all), "\n";
    echo implode("\n", array_map(fn($l) => preg_replace(['/^.*?PROXY protocol: /', '/\d+\.\d+\.\d+\.\d+:\d+/'], ['', 'IP:PORT'], $l), preg_grep('/PROXY protocol: /', explode("\n", $all)))), "\n";
}

/**
 * A TLS client made by PHP's stream layer that sends $header in clear first
 * (as a balancer does), then handshakes, trusting "$dir/ca.crt". Returns
 * the stream, or null when the server refused it.
 */
function proxy_tls_connect(int $port, string $dir, string $header)
{
    $ctx = stream_context_create(['ssl' => ['cafile' => "$dir/ca.crt", 'peer_name' => 'localhost']]);
    $s = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, TEST_TIMEOUT, STREAM_CLIENT_CONNECT, $ctx);
    stream_set_timeout($s, (int)TEST_TIMEOUT);
    fwrite($s, $header);
    return @stream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLS_CLIENT) ? $s : null;
}

/** One command line on $s, its one reply line decoded. */
function proxy_ask($s, string $cmd): mixed
{
    fwrite($s, "$cmd\n");
    $line = fgets($s);
    return $line === false ? null : json_decode($line, true);
}

/**
 * A one-connection relay in a child process: the first bytes its client
 * sends (a TLS ClientHello) go to 127.0.0.1:$target after $header in one
 * write, so the server reads the header and the handshake's start
 * together; then bytes are pumped both ways until one side closes.
 * Returns the port to connect to.
 */
function proxy_coalescing_relay(int $target, string $header): int
{
    $listen = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
    $port = (int)substr(strrchr(stream_socket_get_name($listen, false), ':'), 1);
    $pid = pcntl_fork();
    if ($pid > 0) {
        fclose($listen);
        register_shutdown_function(function () use ($pid) {
            @posix_kill($pid, SIGKILL);
            pcntl_waitpid($pid, $status);
        });
        return $port;
    }
    $client = stream_socket_accept($listen, TEST_TIMEOUT);
    $server = stream_socket_client("tcp://127.0.0.1:$target", $errno, $errstr, TEST_TIMEOUT);
    $first = fread($client, 65536);
    fwrite($server, $header . $first);
    while (true) {
        $r = [$client, $server];
        $w = $e = null;
        if (stream_select($r, $w, $e, (int)TEST_TIMEOUT) < 1) {
            break;
        }
        foreach ($r as $from) {
            $to = $from === $client ? $server : $client;
            $bytes = fread($from, 65536);
            if ($bytes === '' || $bytes === false) {
                posix_kill(getmypid(), SIGKILL);
            }
            fwrite($to, $bytes);
        }
    }
    posix_kill(getmypid(), SIGKILL);
}
