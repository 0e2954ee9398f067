--TEST--
SWOOLE_SSL before TLS exists: the constructor throws, addListener() warns and returns false, ssl_* settings get a notice; nothing serves plaintext to a port that asked for TLS
--EXTENSIONS--
swoole
--FILE--
<?php
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    try {
        new Swoole\Server('127.0.0.1', 0, $mode, SWOOLE_SOCK_TCP | SWOOLE_SSL);
        echo "constructed\n";
    } catch (Swoole\Exception $e) {
        echo get_class($e), " ", $e->getCode(), ": ", $e->getMessage(), "\n";
    }
}
$server = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP6 | SWOOLE_SSL));
var_dump(count($server->ports));
$server->set(['ssl_cert_file' => '/tmp/x.crt', 'ssl_key_file' => '/tmp/x.key']);
try {
    new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
} catch (Swoole\Exception $e) {
    echo "client: ", $e->getMessage(), "\n";
}
?>
--EXPECTF--
Swoole\Exception 505: SWOOLE_SSL: TLS is not implemented by this extension yet; refusing to serve plaintext on a port that asked for encryption
Swoole\Exception 505: SWOOLE_SSL: TLS is not implemented by this extension yet; refusing to serve plaintext on a port that asked for encryption

Warning: Swoole\Server::addlistener(): SWOOLE_SSL: TLS is not implemented by this extension yet; refusing to serve plaintext on a port that asked for encryption in %s on line %d
bool(false)
int(1)

Notice: Swoole\Server::set(): setting 'ssl_cert_file' has no effect yet: TLS is not implemented by this extension yet (a SWOOLE_SSL port is refused), nothing is encrypted (see docs/COMPATIBILITY.md) in %s on line %d

Notice: Swoole\Server::set(): setting 'ssl_key_file' has no effect yet: TLS is not implemented by this extension yet (a SWOOLE_SSL port is refused), nothing is encrypted (see docs/COMPATIBILITY.md) in %s on line %d
client: SWOOLE_SSL is not supported by this extension
