--TEST--
TLS settings: start() refuses a TLS port whose ssl_* settings cannot work (none given, a missing file, a key of another certificate, a cipher string that selects nothing, ssl_verify_peer without a CA) with a warning naming the setting; ssl_sni_certs must be an array; SWOOLE_SSL on a datagram port (DTLS) is refused; $server->ssl and the port's type
--EXTENSIONS--
swoole
openssl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/include/tls_helpers.php';

$d = tls_dir();
tls_make_ca($d);
tls_make_cert($d, 'server', 'localhost');
tls_make_cert($d, 'other', 'other');
$good = ['ssl_cert_file' => "$d/server.crt", 'ssl_key_file' => "$d/server.key"];
$cases = [
    'nothing' => [],
    'missing cert' => ['ssl_cert_file' => "$d/nope.crt"] + $good,
    'key of another cert' => ['ssl_key_file' => "$d/other.key"] + $good,
    'bad ciphers' => ['ssl_ciphers' => 'NOPE', 'ssl_protocols' => SWOOLE_SSL_TLSv1_2] + $good,
    'verify without CA' => ['ssl_verify_peer' => true] + $good,
    'sni not an array' => ['ssl_sni_certs' => 'x'] + $good,
];
foreach ($cases as $name => $settings) {
    echo "-- $name\n";
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $s->set($settings + ['worker_num' => 1]);
    $s->on('receive', function () {});
    $s->on('workerStart', function ($s) {
        echo "started\n";
        $s->shutdown();
    });
    var_dump($s->start());
}

echo "-- properties\n";
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($s->ssl, $s->type, $s->ports[0]->type, $s->ports[0]->ssl);
$plain = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($plain->ssl);
$p = $plain->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($plain->ssl, $p->type, $p->ssl, $plain->ports[0]->ssl);

echo "-- DTLS\n";
var_dump($plain->addListener('127.0.0.1', 0, SWOOLE_SOCK_UDP | SWOOLE_SSL));
try {
    new Swoole\Client(SWOOLE_SOCK_UDP | SWOOLE_SSL);
} catch (Swoole\Exception $e) {
    echo $e->getCode(), " ", $e->getMessage(), "\n";
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($c->type);
?>
--EXPECTF--
-- nothing

Warning: Swoole\Server::start(): TLS port 127.0.0.1:%d: a SWOOLE_SSL port requires the ssl_cert_file and ssl_key_file settings in %s on line %d
bool(false)
-- missing cert

Warning: Swoole\Server::start(): TLS port 127.0.0.1:%d: ssl_cert_file '%s/nope.crt' does not exist in %s on line %d
bool(false)
-- key of another cert

Warning: Swoole\Server::start(): TLS port 127.0.0.1:%d: ssl_key_file '%s/other.key' is not the private key of the certificate in ssl_cert_file '%s/server.crt' in %s on line %d
bool(false)
-- bad ciphers

Warning: Swoole\Server::start(): TLS port 127.0.0.1:%d: ssl_ciphers 'NOPE' selects no cipher (no cipher match) in %s on line %d
bool(false)
-- verify without CA

Warning: Swoole\Server::start(): TLS port 127.0.0.1:%d: ssl_verify_peer needs ssl_client_cert_file: the CA certificates that sign the client certificates in %s on line %d
bool(false)
-- sni not an array

Warning: Swoole\Server::set(): setting 'ssl_sni_certs' must be of type array, string given in %s on line %d
started
bool(true)
-- properties
bool(true)
int(1)
int(1)
bool(true)
bool(false)
bool(true)
int(1)
bool(true)
bool(false)
-- DTLS

Warning: Swoole\Server::addlistener(): SWOOLE_SSL on a datagram port (DTLS) is not implemented by this extension; refusing to serve plaintext on a port that asked for encryption in %s on line %d
bool(false)
505 SWOOLE_SSL on a datagram port (DTLS) is not implemented by this extension; refusing to serve plaintext on a port that asked for encryption
int(513)
