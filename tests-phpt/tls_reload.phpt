--TEST--
TLS certificate reload without a restart: the certificate files replaced on disk, reload() makes new handshakes use them (BASE mode: the new workers; PROCESS mode: the master's reactor threads) while an established connection goes on; a reload with a broken file keeps the old certificate
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
tls_make_cert($dir, 'renewed', 'renewed');

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    tls_make_cert($dir, 'server', 'localhost');
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, $mode, $dir,
        json_encode(['worker_num' => 2, 'log_level' => SWOOLE_LOG_INFO])]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready/');
    wait_for_port($port);
    $old = tls_connect($port, $dir);
    echo "before: ", tls_peer_cn($old), ", ", tls_ask($old, 'one'), "\n";

    // A renewal: new files in place of the old ones.
    copy("$dir/renewed.crt", "$dir/server.crt");
    copy("$dir/renewed.key", "$dir/server.key");
    $c = tls_connect($port, $dir);
    echo "renewed on disk, not reloaded: ", tls_peer_cn($c), "\n";
    echo tls_ask($c, 'reload'), "\n";
    // The manager reloads; in PROCESS mode the master follows.
    $srv->waitForLines('/certificate reloaded \(\/CN=renewed/', $mode === 'process' ? 2 : 1);
    // Every worker that accepts is a new one (BASE mode: forked after the reload).
    $srv->waitForLines('/^ready 0/', 2);
    $srv->waitForLines('/^ready 1/', 2);
    $new = tls_connect($port, $dir);
    echo "after reload: ", tls_peer_cn($new), ", ", tls_ask($new, 'two'), "\n";
    echo "the old connection: ", tls_peer_cn($old), ", ", tls_ask($old, 'three'), "\n";
    // The reload ends once the old workers are done (BASE mode: they hold these two).
    fclose($old);
    fclose($c);
    $srv->waitForLine('/^reload done/');

    // A broken renewal: the key no longer matches; the served certificate stays.
    copy("$dir/ca.key", "$dir/server.key");
    echo tls_ask($new, 'reload'), "\n";
    echo preg_replace('/^.*(certificate reload failed)/', '$1', $srv->waitForLine('/certificate reload failed/')), "\n";
    $srv->waitForLines('/^ready 0/', 3);
    $srv->waitForLines('/^ready 1/', 3);
    $after = tls_connect($port, $dir);
    echo "after a failed reload: ", tls_peer_cn($after), ", ", tls_ask($after, 'four'), "\n";
    $srv->stop();
}
?>
--EXPECTF--
--- base
before: localhost, echo:one
renewed on disk, not reloaded: localhost
reloading
after reload: renewed, echo:two
the old connection: localhost, echo:three
reloading
certificate reload failed, the previous certificate is still served: ssl_key_file '%s/server.key' is not the private key of the certificate in ssl_cert_file '%s/server.crt'
after a failed reload: renewed, echo:four
--- process
before: localhost, echo:one
renewed on disk, not reloaded: localhost
reloading
after reload: renewed, echo:two
the old connection: localhost, echo:three
reloading
certificate reload failed, the previous certificate is still served: ssl_key_file '%s/server.key' is not the private key of the certificate in ssl_cert_file '%s/server.crt'
after a failed reload: renewed, echo:four
