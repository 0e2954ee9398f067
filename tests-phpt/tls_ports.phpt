--TEST--
TLS per port: a plain server with a SWOOLE_SSL listener (its own set() with the certificate) and a TLS Unix stream listener serves plaintext on the first and TLS on the others, in both modes; each port's onReceive (its own, or the server's) sees plaintext; ssl_* settings of the server do not make its plain port TLS
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
tls_make_cert($dir, 'unixcert', 'unix.test');
foreach (['SWOOLE_BASE', 'SWOOLE_PROCESS'] as $mode) {
    echo "--- $mode\n";
    $plain = free_port();
    $tls = free_port();
    $sock = "$dir/tls.sock";
    $srv = server_from_code(<<<PHP
    <?php
    \$s = new Swoole\\Server('127.0.0.1', $plain, $mode);
    // On the plain port these have no effect.
    \$s->set(['worker_num' => 1, 'ssl_cert_file' => '$dir/nope.crt', 'log_level' => SWOOLE_LOG_WARNING]);
    \$p = \$s->addListener('127.0.0.1', $tls, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    \$p->set(['ssl_cert_file' => '$dir/server.crt', 'ssl_key_file' => '$dir/server.key']);
    \$p->on('receive', function (\$s, \$fd, \$rid, \$data) {
        \$s->send(\$fd, "the port's onReceive: \$data");
    });
    \$u = \$s->addListener('$sock', 0, SWOOLE_SOCK_UNIX_STREAM | SWOOLE_SSL);
    \$u->set(['ssl_cert_file' => '$dir/unixcert.crt', 'ssl_key_file' => '$dir/unixcert.key']);
    \$s->on('receive', function (\$s, \$fd, \$rid, \$data) {
        \$s->send(\$fd, "the server's onReceive: \$data");
    });
    \$s->on('workerStart', function () { echo "ready\\n"; });
    \$s->start();
    PHP);
    $srv->waitForLine('/^ready/');
    wait_for_port($plain);
    $c = new TestClient($plain);
    $c->send("a\n");
    echo rtrim($c->recv()), "\n";
    $t = tls_connect($tls, $dir);
    echo tls_ask($t, 'b'), " (", tls_peer_cn($t), ")\n";
    $x = new TestClient($tls);
    $x->send("plaintext\n");
    var_dump($x->recvAll());
    // PHP's streams do no TLS over Unix sockets; Swoole\Client does.
    $u = new Swoole\Client(SWOOLE_SOCK_UNIX_STREAM | SWOOLE_SSL);
    $u->set(['ssl_cafile' => "$dir/ca.crt", 'ssl_verify_peer' => true, 'ssl_host_name' => 'unix.test']);
    var_dump($u->connect($sock, 0, TEST_TIMEOUT));
    $u->send("c\n");
    echo rtrim($u->recv()), " (", openssl_x509_parse($u->getPeerCert())['subject']['CN'], ")\n";
    $srv->stop();
}
?>
--EXPECT--
--- SWOOLE_BASE
the server's onReceive: a
the port's onReceive: b (localhost)
string(0) ""
bool(true)
the server's onReceive: c (unix.test)
--- SWOOLE_PROCESS
the server's onReceive: a
the port's onReceive: b (localhost)
string(0) ""
bool(true)
the server's onReceive: c (unix.test)
