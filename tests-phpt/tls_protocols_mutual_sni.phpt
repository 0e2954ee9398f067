--TEST--
TLS: ssl_protocols limits the versions (TLS 1.2-only, 1.3-only); mutual TLS with ssl_verify_peer accepts a client certificate of the CA (getClientInfo()'s ssl_client_cert, both modes) and refuses none or one of another CA without onConnect; ssl_sni_certs picks the certificate by the name the client asks for
--EXTENSIONS--
swoole
posix
openssl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/include/tls_helpers.php';
require __DIR__ . '/servers/helpers.php';

$dir = tls_dir();
tls_make_ca($dir);
tls_make_cert($dir, 'server', 'localhost');
tls_make_cert($dir, 'a', 'a.test');
tls_make_cert($dir, 'client', 'client1');
tls_make_cert($dir, 'stranger', 'stranger', null);

function serve(string $mode, string $dir, array $settings): array {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, $mode, $dir, json_encode($settings)]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready/');
    wait_for_port($port);
    return [$port, $srv];
}

/** "echo:ping" over a new connection, or "refused" if the server would not have it. */
function attempt(int $port, string $dir, array $ssl): string {
    $s = tls_connect($port, $dir, $ssl);
    if (!is_resource($s)) {
        return $s;
    }
    // TLS 1.3: the client is done before the server checked its certificate.
    error_clear_last();
    $answer = @tls_ask($s, 'ping');
    $proto = stream_get_meta_data($s)['crypto']['protocol'] ?? '?';
    // The server's alert, as libssl words it.
    $alert = preg_match('/SSL routines::(.*alert.*)$/m', error_get_last()['message'] ?? '', $m) ? " ($m[1])" : '';
    return $answer === '' ? "refused$alert" : "$answer over $proto";
}

echo "--- protocols\n";
foreach (['1.2 only' => SWOOLE_SSL_TLSv1_2, '1.3 only' => SWOOLE_SSL_TLSv1_3] as $name => $mask) {
    [$port, $srv] = serve('base', $dir, ['ssl_protocols' => $mask]);
    foreach (['TLSv1.2' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT, 'TLSv1.3' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT] as $client => $method) {
        echo "$name, $client client: ", attempt($port, $dir, ['crypto_method' => $method]), "\n";
    }
    echo "any client: ", attempt($port, $dir, []), "\n";
    $srv->stop();
}

echo "--- mutual TLS\n";
foreach (['base', 'process'] as $mode) {
    [$port, $srv] = serve($mode, $dir, ['ssl_verify_peer' => true, 'ssl_client_cert_file' => "$dir/ca.crt"]);
    $s = tls_connect($port, $dir, ['local_cert' => "$dir/client.crt", 'local_pk' => "$dir/client.key"]);
    $info = json_decode(tls_ask($s, 'info'), true);
    echo "$mode, certificate of the CA: first key {$info['first_key']}, CN {$info['client_cn']}\n";
    fclose($s);
    echo "$mode, no certificate: ", attempt($port, $dir, []), "\n";
    echo "$mode, certificate of another CA: ", attempt($port, $dir,
        ['local_cert' => "$dir/stranger.crt", 'local_pk' => "$dir/stranger.key"]), "\n";
    $srv->waitForLines('/bad SSL client/', 2);
    // The good client's close reaches onClose in its own time (in PROCESS
    // mode after the master logged the refusals, on a loaded machine).
    $srv->waitForLine('/^close /');
    // Only the good client connected (and closed).
    $events = preg_grep('/^(connect|close) /', explode("\n", $srv->output()));
    echo implode(", ", $events), "\n";
    $srv->stop();
}

echo "--- without ssl_verify_peer the certificate is taken and reported\n";
[$port, $srv] = serve('base', $dir, ['ssl_client_cert_file' => "$dir/ca.crt"]);
$s = tls_connect($port, $dir, ['local_cert' => "$dir/stranger.crt", 'local_pk' => "$dir/stranger.key"]);
echo json_decode(tls_ask($s, 'info'), true)['client_cn'], "\n";
$s = tls_connect($port, $dir, []);
var_dump(json_decode(tls_ask($s, 'info'), true)['client_cn']);
$srv->stop();

echo "--- SNI\n";
[$port, $srv] = serve('process', $dir,
    ['ssl_sni_certs' => ['a.test' => ['ssl_cert_file' => "$dir/a.crt", 'ssl_key_file' => "$dir/a.key"]]]);
foreach (['a.test', 'A.TEST', 'localhost'] as $name) {
    $s = tls_connect($port, $dir, ['peer_name' => $name]);
    echo "asked for $name: got ", tls_peer_cn($s), ", ", tls_ask($s, 'hi'), "\n";
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
$c->set(['ssl_host_name' => 'a.test', 'ssl_cafile' => "$dir/ca.crt", 'ssl_verify_peer' => true]);
var_dump($c->connect('127.0.0.1', $port, TEST_TIMEOUT));
echo "Swoole\\Client asked for a.test: got ", openssl_x509_parse($c->getPeerCert())['subject']['CN'], "\n";
$srv->stop();
?>
--EXPECT--
--- protocols
1.2 only, TLSv1.2 client: echo:ping over TLSv1.2
1.2 only, TLSv1.3 client: refused
any client: echo:ping over TLSv1.2
1.3 only, TLSv1.2 client: refused
1.3 only, TLSv1.3 client: echo:ping over TLSv1.3
any client: echo:ping over TLSv1.3
--- mutual TLS
base, certificate of the CA: first key ssl_client_cert, CN client1
base, no certificate: refused (tlsv13 alert certificate required)
base, certificate of another CA: refused (tlsv1 alert unknown ca)
connect 1, close 1
process, certificate of the CA: first key ssl_client_cert, CN client1
process, no certificate: refused (tlsv13 alert certificate required)
process, certificate of another CA: refused (tlsv1 alert unknown ca)
connect 1, close 1
--- without ssl_verify_peer the certificate is taken and reported
stranger
NULL
--- SNI
asked for a.test: got a.test, echo:hi
asked for A.TEST: got a.test, echo:hi
asked for localhost: got localhost, echo:hi
bool(true)
Swoole\Client asked for a.test: got a.test
