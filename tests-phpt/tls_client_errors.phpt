--TEST--
Swoole\Client over TLS: ssl_verify_peer against the right CA and name passes; a wrong ssl_host_name, no CA, or a plaintext server fail connect() with Swoole's warning and errCode (1014, 1018) plus the reason; verifyPeerCert() after an unverified connect logs Swoole's notice and leaves errCode alone; enableSSL()/getPeerCert()/verifyPeerCert() without a connection warn (5001); a missing ssl_cafile is a clear error
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
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, 'base', $dir, '{}']);
kill_on_exit($srv);
$plain_port = free_port();
$plain = server_from_code(<<<PHP
<?php
\$s = new Swoole\\Server('127.0.0.1', $plain_port, SWOOLE_BASE);
\$s->on('receive', function (\$s, \$fd, \$r, \$d) { \$s->send(\$fd, "not TLS"); });
\$s->start();
PHP);
$srv->waitForLine('/^ready/');
wait_for_port($port);
wait_for_port($plain_port);

$cases = [
    'no verification' => [],
    'the right CA and name' => ['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/ca.crt", 'ssl_host_name' => 'localhost'],
    'a wrong ssl_host_name' => ['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/ca.crt", 'ssl_host_name' => 'elsewhere'],
    'no CA (the system\'s)' => ['ssl_verify_peer' => true],
    'a missing ssl_cafile' => ['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/nope.crt"],
];
foreach ($cases as $name => $settings) {
    echo "-- $name\n";
    $c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set($settings);
    $ok = $c->connect('127.0.0.1', $port, TEST_TIMEOUT);
    var_dump($ok, $c->errCode);
    if ($ok) {
        $c->send("hi\n");
        echo rtrim($c->recv()), "\n";
        var_dump($c->verifyPeerCert(), $c->errCode);
    }
}
echo "-- a plaintext server\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($c->connect('127.0.0.1', $plain_port, TEST_TIMEOUT), $c->errCode);
echo "-- enableSSL() on a plaintext connection to a TLS port\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['ssl_cafile' => "$dir/ca.crt", 'ssl_verify_peer' => true, 'ssl_host_name' => 'localhost']);
var_dump($c->connect('127.0.0.1', $port, TEST_TIMEOUT), $c->enableSSL(), $c->verifyPeerCert());
$c->send("upgraded\n");
echo rtrim($c->recv()), "\n";
var_dump($c->enableSSL());
echo "-- not connected\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($c->enableSSL());
var_dump($c->errCode);
var_dump($c->getPeerCert());
var_dump($c->verifyPeerCert());
$srv->stop();
$plain->stop();
?>
--EXPECTF--
-- no verification
bool(true)
int(0)
echo:hi
%sNOTICE	Socket::ssl_verify() (ERRNO 1014): can not verify peer from fd#%d with error#20: unable to get local issuer certificate
bool(false)
int(0)
-- the right CA and name
bool(true)
int(0)
echo:hi
bool(true)
int(0)
-- a wrong ssl_host_name

Warning: Swoole\Client::connect(): connect to server[127.0.0.1:%d] failed. Error: SSL verify failed[1014] (the peer's certificate was rejected: hostname mismatch) in %s on line %d
bool(false)
int(1014)
-- no CA (the system's)

Warning: Swoole\Client::connect(): connect to server[127.0.0.1:%d] failed. Error: SSL verify failed[1014] (the peer's certificate was rejected: unable to get local issuer certificate) in %s on line %d
bool(false)
int(1014)
-- a missing ssl_cafile

Warning: Swoole\Client::connect(): failed to create the TLS context: ssl_cafile '%s/nope.crt' does not exist in %s on line %d
bool(false)
int(1019)
-- a plaintext server

Warning: Swoole\Client::connect(): connect to server[127.0.0.1:%d] failed. Error: SSL handshake failed[1018] (TLS handshake failed: %s) in %s on line %d
bool(false)
int(1018)
-- enableSSL() on a plaintext connection to a TLS port
bool(true)
bool(true)
bool(true)
echo:upgraded

Warning: Swoole\Client::enableSSL(): SSL has already been enabled in %s on line %d
bool(false)
-- not connected

Warning: Swoole\Client::enableSSL(): client is not connected to server in %s on line %d
bool(false)
int(5001)

Warning: Swoole\Client::getPeerCert(): client is not connected to server in %s on line %d
bool(false)

Warning: Swoole\Client::verifyPeerCert(): client is not connected to server in %s on line %d
bool(false)
