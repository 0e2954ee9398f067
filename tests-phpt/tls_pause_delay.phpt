--TEST--
TLS: pause()/resume() hold and release a TLS connection's input (what came meanwhile, decrypted or not, is read on resume), and enable_delay_receive lets the handshake finish before confirm(), in both modes
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
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/tls_server.php', [$port, $mode, $dir,
        json_encode(['enable_delay_receive' => true])]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready/');
    wait_for_port($port);
    $s = tls_connect($port, $dir);
    echo tls_ask($s, 'pause 300'), "\n";
    // Sent while paused, as several records: read only after the resume.
    foreach (['x', 'x', 'x', 'after'] as $line) {
        fwrite($s, "$line\n");
    }
    $lines = [];
    while (count($lines) < 4 && ($l = fgets($s)) !== false) {
        $lines[] = rtrim($l);
    }
    echo implode(", ", $lines), "\n";
    // The replies came only after the resume.
    $out = explode("\n", $srv->output());
    echo implode(", ", preg_grep('/^(connect|resume) /', $out)), "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
paused
echo:x, echo:x, echo:x, echo:after
connect 1, resume 1
--- process
paused
echo:x, echo:x, echo:x, echo:after
connect 1, resume 1
