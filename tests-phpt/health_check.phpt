--TEST--
Health checks from a separate port (examples-php/proxy_protocol_instance.php), both modes: not ready (503 or no answer) while the workers warm up, 200 once they all started; on SIGTERM the health port refuses at once while a client's open connection is still served, then the instance exits
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/proxy_helpers.php';

/** One health check: "200", "503", "no answer" (none within $wait s) or "refused". */
function check(int $port, float $wait = 0.3): string
{
    $c = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
    if (!$c) {
        return 'refused';
    }
    fwrite($c, "GET /health HTTP/1.0\r\n\r\n");
    stream_set_timeout($c, (int)$wait, (int)(($wait - (int)$wait) * 1e6));
    $line = fgets($c);
    fclose($c);
    return $line === false ? 'no answer' : explode(' ', $line)[1];
}

$example = dirname(__DIR__) . '/examples-php/proxy_protocol_instance.php';
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    [$port, $health] = [free_port(), free_port()];
    $warm = sys_get_temp_dir() . '/warmup-' . getmypid() . "-$mode";
    register_shutdown_function(fn() => @unlink($warm));
    $srv = new ServerProcess($example, ['a', $port, $health, $mode, $warm]);
    kill_on_exit($srv);
    wait_for_port($health);
    $r = check($health);
    echo "warming up: ", in_array($r, ['503', 'no answer'], true) ? 'not ready' : $r, "\n";
    touch($warm);
    $srv->waitForLine('/^instance a ready/');
    echo "started: ", check($health, TEST_TIMEOUT), "\n";

    $held = new TestClient($port);
    $held->send(proxy_v2('192.0.2.20', '192.0.2.1', 5555, 80) . "one\n");
    echo str_replace(":" . own_port($held) . " ", ":OWN ", trim(fgets($held->sock))), "\n";
    $srv->signal(SIGTERM);
    // The health port leaves at once; poll until it refuses (the signal is asynchronous).
    for ($i = 0; $i < 200 && ($r = check($health)) !== 'refused'; $i++) {
        usleep(10000);
    }
    echo "stopping: $r\n";
    $held->send("two\n");
    echo str_replace(":" . own_port($held) . " ", ":OWN ", trim(fgets($held->sock))), "\n";
    $held->close();
    $out = $srv->wait();
    echo str_contains($out, 'instance a stopped') ? "stopped\n" : "not stopped:\n$out\n";
}
?>
--EXPECT--
--- base
warming up: not ready
started: 200
instance=a client=192.0.2.20:5555 via=127.0.0.1:OWN data=one
stopping: refused
instance=a client=192.0.2.20:5555 via=127.0.0.1:OWN data=two
stopped
--- process
warming up: not ready
started: 200
instance=a client=192.0.2.20:5555 via=127.0.0.1:OWN data=one
stopping: refused
instance=a client=192.0.2.20:5555 via=127.0.0.1:OWN data=two
stopped
