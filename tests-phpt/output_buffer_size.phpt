--TEST--
output_buffer_size: in SWOOLE_PROCESS mode a send() larger than it fails with 1203 and a log line, a smaller one goes; SWOOLE_BASE does not check it (as Swoole)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['process', 'base'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/output_size_server.php', [$port, $mode]);
    kill_on_exit($srv);
    wait_for_port($port);
    $c = new TestClient($port);
    $c->send("go");
    $got = '';
    while (!preg_match('/big=\w+ error=\d+ small=\w+\n$/', $got) && ($chunk = $c->recv()) !== '') {
        $got .= $chunk;
    }
    echo substr_count($got, 'b'), " b, ", substr_count($got, 's'), " s, ", trim(strrchr(rtrim($got), "\n")), "\n";
    $c->close();
    $out = $srv->stop();
    echo preg_match('/WARNING\tthe length of data \[2000\] exceeds the output buffer size\[1024\]/', $out) ? "logged\n" : "not logged\n";
}
?>
--EXPECT--
--- process
1 b, 1002 s, big=false error=1203 small=true
logged
--- base
2001 b, 1001 s, big=true error=0 small=true
not logged
