<?php
/**
 * The shared scenario of proxy_protocol_tls_base/process.phpt against
 * servers/proxy_tls_server.php: the PROXY header before the TLS handshake,
 * and connections still waiting for their header (or handshake) unseen by PHP.
 */
require_once __DIR__ . '/proxy_helpers.php';
require_once __DIR__ . '/tls_helpers.php';

/** Polls stats() over $s until the server counts $n connections (accepted, announced or not). */
function proxy_wait_connections($s, int $n): void
{
    for ($i = 0; $i < 500; $i++) {
        if ((proxy_ask($s, 'stats')['connections'] ?? -1) === $n) {
            return;
        }
        usleep(10000);
    }
    echo "the server never counted $n connections\n";
}

function proxy_tls_scenario(string $mode): void
{
    $dir = tls_dir();
    tls_make_ca($dir);
    tls_make_cert($dir, 'server', 'localhost');
    [$tls, $plain] = [free_port(), free_port()];
    $srv = new ServerProcess(__DIR__ . '/../servers/proxy_tls_server.php', [$mode, $tls, $plain, $dir]);
    kill_on_exit($srv);
    $srv->waitForLine('/^worker 0 started/');
    wait_for_port($tls);
    wait_for_port($plain);

    echo "--- PROXY v1 in clear, then the TLS handshake (a PHP stream client)\n";
    $c = proxy_tls_connect($tls, $dir, proxy_v1('192.0.2.10', '198.51.100.7', 4321, 443));
    $me = (int)substr(strrchr(stream_socket_get_name($c, false), ':'), 1);
    $r = proxy_ask($c, 'who');
    same([$r['remote'], $r['proxy']], ['192.0.2.10:4321', "127.0.0.1:$me"]);
    same($srv->waitForLine('/^connect /'), "connect {$r['fd']} remote=192.0.2.10:4321");
    $cfd = $r['fd'];

    echo "--- a v2 header and the ClientHello in one read\n";
    $relay = proxy_coalescing_relay($tls, proxy_v2('2001:db8::5', '2001:db8::6', 7000, 443, [[0x01, 'h2']]));
    $d = tls_connect($relay, $dir);
    $r = is_resource($d) ? proxy_ask($d, 'who') : null;
    same($r['remote'] ?? $d, '2001:db8::5:7000');
    fclose($d);
    $srv->waitForLine('/^close /');

    echo "--- a TLS client that sends no header is refused\n";
    same(tls_connect($tls, $dir), 'refused');

    echo "--- a header, then plain text on the TLS port: closed as a bad TLS client\n";
    $p = new TestClient($tls);
    $p->send(proxy_v1('192.0.2.11', '198.51.100.7', 1, 443) . "GET / HTTP/1.0\r\n\r\n");
    same(closed_silently($p), true);

    echo "--- connections still waiting for their header or handshake are none for PHP\n";
    $w = new TestClient($plain);
    $w->send('PROXY TCP4 192.0.2.12 ');
    $h = new TestClient($tls);
    $h->send(proxy_v1('192.0.2.13', '198.51.100.7', 1, 443));
    proxy_wait_connections($c, 3);
    $r = proxy_ask($c, 'peers');
    same([$r['list'], $r['info'], $r['sendable']], [[$cfd], [$cfd], []]);
    $w->send("198.51.100.7 5 443\r\nwho\n");
    $wfd = json_decode((string)fgets($w->sock), true)['fd'] ?? null;
    $r = proxy_ask($c, 'peers');
    same([$r['list'], $r['info']], [[$cfd, $wfd], [$cfd, $wfd]]);

    echo "--- refusals counted: the headerless TLS client only\n";
    same(proxy_ask($c, 'stats')['errors'], 1);
    $srv->stop();
}
