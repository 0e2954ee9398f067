--TEST--
TLS: a SWOOLE_SSL port serves TLS in BASE and PROCESS mode to PHP's ssl:// streams and to Swoole\Client; onConnect after the handshake, EOF framing, sendfile() and close() through the session; $server->ssl, the port's type without the SSL bit
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
// A file larger than one TLS record and than one 64 KiB step.
$body = str_repeat(implode('', range('a', 'z')), 12000) . "\n";
file_put_contents("$dir/body.txt", $body);

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, $mode, $dir, '{}']);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready/');
    wait_for_port($port);

    $s = tls_connect($port, $dir);
    echo "stream: ", tls_ask($s, 'hello'), " (", tls_peer_cn($s), ")\n";
    echo $srv->waitForLine('/^connect /'), "\n";
    // Two packets in one write, one packet in two writes.
    fwrite($s, "one\ntw");
    echo rtrim(fgets($s)), "\n";
    fwrite($s, "o\n");
    echo rtrim(fgets($s)), "\n";
    $info = json_decode(tls_ask($s, 'info'), true);
    var_dump($info);
    fwrite($s, "file $dir/body.txt\n");
    $got = '';
    while (strlen($got) < strlen($body) && ($chunk = fread($s, 65536)) !== false && $chunk !== '') {
        $got .= $chunk;
    }
    same($got, $body);
    echo rtrim(fgets($s)), "\n";
    fwrite($s, "close\n");
    var_dump(fread($s, 10), feof($s));
    echo $srv->waitForLine('/^close /'), "\n";

    $c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_cafile' => "$dir/ca.crt", 'ssl_verify_peer' => true, 'ssl_host_name' => 'localhost']);
    var_dump($c->connect('127.0.0.1', $port, TEST_TIMEOUT));
    $c->send("from client\n");
    var_dump($c->recv());
    var_dump($c->verifyPeerCert(), openssl_x509_parse($c->getPeerCert())['subject']['CN']);
    $c->close();
    $srv->waitForLines('/^close /', 2);
    $srv->stop();
}
?>
--EXPECT--
--- base
stream: echo:hello (localhost)
connect 1
echo:one
echo:two
array(5) {
  ["first_key"]=>
  string(11) "server_port"
  ["client_cn"]=>
  NULL
  ["server_ssl"]=>
  bool(true)
  ["port_type"]=>
  int(1)
  ["port_ssl"]=>
  bool(true)
}
as expected
sent
string(0) ""
bool(true)
close 1
bool(true)
string(17) "echo:from client
"
bool(true)
string(9) "localhost"
--- process
stream: echo:hello (localhost)
connect 1
echo:one
echo:two
array(5) {
  ["first_key"]=>
  string(11) "server_port"
  ["client_cn"]=>
  NULL
  ["server_ssl"]=>
  bool(true)
  ["port_type"]=>
  int(1)
  ["port_ssl"]=>
  bool(true)
}
as expected
sent
string(0) ""
bool(true)
close 1
bool(true)
string(17) "echo:from client
"
bool(true)
string(9) "localhost"
