--TEST--
Server::sendfile(): a 50 MiB file (and a range of it) arrives byte for byte, in SWOOLE_BASE and SWOOLE_PROCESS; a missing file warns (700); sendwait() in BASE mode, refused in PROCESS mode
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$file = sys_get_temp_dir() . '/swoole-sendfile-' . getmypid();
$h = fopen($file, 'w');
for ($i = 0; $i < 50; $i++) {
    fwrite($h, str_repeat(chr(65 + $i % 26) . hash('sha256', (string)$i, true), intdiv(1024 * 1024, 33)) . str_repeat('.', 1024 * 1024 % 33));
}
fclose($h);
$size = filesize($file);

/** Reads until "--end ...--\n" and returns [body, marker]. */
function read_until_end(TestClient $c): array
{
    $buf = '';
    // Only the tail can hold the end marker: matching the whole growing
    // buffer after every chunk was quadratic in the 50 MiB file.
    while (!preg_match('/\n--end (\w+)--\n$/', substr($buf, -64), $m)) {
        $chunk = $c->recv(1 << 20);
        if ($chunk === '') {
            return [$buf, '(eof)'];
        }
        $buf .= $chunk;
    }
    return [substr($buf, 0, -strlen($m[0])), $m[1]];
}

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/sendfile_server.php', [$port, $mode]);
    kill_on_exit($srv);
    wait_for_port($port);
    $c = new TestClient($port);
    $c->send("file $file 0 0\n");
    [$body, $ok] = read_until_end($c);
    echo "whole file: $ok, ", strlen($body) === $size ? "$size bytes" : strlen($body) . " bytes", ", md5 ", md5($body) === md5_file($file) ? 'matches' : 'differs', "\n";
    $c->send("file $file 1000 70000\n");
    [$body, $ok] = read_until_end($c);
    echo "range: $ok, ", var_export($body === file_get_contents($file, false, null, 1000, 70000), true), "\n";
    $c->send("missing\n");
    echo rtrim(fgets($c->sock)), "\n";
    $c->send("wait 300000\n");
    $got = '';
    while (!str_contains($got, "\nwait=")) {
        $got .= $c->recv();
    }
    while (!str_ends_with($got, "\n")) {
        $got .= $c->recv();
    }
    echo "sendwait: ", substr_count($got, 'w') - 1, " bytes, ", trim(strrchr(rtrim($got), "\n")), "\n";
    $c->close();
    $out = $srv->stop();
    // (PHP prints each warning twice here: to the log and to the output.)
    echo implode("\n", preg_grep('/^Warning/', explode("\n", $out))), "\n";
}
unlink($file);
?>
--EXPECTF--
--- base
whole file: true, %d bytes, md5 matches
range: true, true
missing=false error=700
sendwait: 300000 bytes, wait=true
Warning: Swoole\Server::sendfile(): file[/nonexistent/file] not found in %s on line %d
--- process
whole file: true, %d bytes, md5 matches
range: true, true
missing=false error=700
sendwait: 0 bytes, wait=false
Warning: Swoole\Server::sendfile(): file[/nonexistent/file] not found in %s on line %d
Warning: Swoole\Server::sendwait(): can't sendwait in SWOOLE_PROCESS mode: use send() in %s on line %d
