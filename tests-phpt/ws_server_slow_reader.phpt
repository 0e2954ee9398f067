--TEST--
WebSocket\Server, both modes: push() to a client that does not read fails with 1009 (SWOOLE_ERROR_OUTPUT_BUFFER_OVERFLOW) once the connection's queue reaches socket_buffer_size, and logs it; the connection stays, other clients are served, nothing accepted is lost, and push() works again once the client has read
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/ws_raw.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/ws_slow_reader.php', [$port, $mode]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);

    $slow = new RawWs($port);
    $slow->send(RawWs::frame(0x81, 'flood'));          // ...and read nothing for now
    $line = $srv->waitForLine('/^pushed \d+/');
    preg_match('/^pushed (\d+)/', $line, $m);
    $pushed = (int)$m[1];
    echo preg_replace('/^pushed \d+/', 'pushed N', $line), "\n";
    // 1 MiB of queue plus what the kernel's buffers took: more than 16 frames, far fewer than 2000.
    echo "pushed before the refusal: ", $pushed > 16 && $pushed < 2000 ? 'some' : $pushed, "\n";

    $other = new RawWs($port);                         // another client is not affected
    $other->send(RawWs::frame(0x81, 'hello'));
    echo "the other client: ", $other->read()[1], "\n";

    $got = 0;
    while ($got < $pushed && ($f = $slow->read()) !== null && $f[1] === str_repeat('a', 65536)) {
        $got++;
    }
    echo "every accepted frame arrived: ", var_export($got === $pushed, true), "\n";
    $slow->send(RawWs::frame(0x81, 'again'));
    echo "after reading, push works again: ", $slow->read()[1], "\n";
    $out = $srv->stop();
    echo "logged: ", preg_match('/WARNING\tServer::send_to_connection\(\) \(ERRNO 1009\): connection#\d+ output buffer overflow/', $out) ? 'yes' : 'no', "\n";
    echo "closed early: ", preg_match('/^close/m', substr($out, 0, strpos($out, 'pushed'))) ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
--- base
pushed N, then false error 1009 exists true established true
pushed before the refusal: some
the other client: hello
every accepted frame arrived: true
after reading, push works again: done
logged: yes
closed early: no
--- process
pushed N, then false error 1009 exists true established true
pushed before the refusal: some
the other client: hello
every accepted frame arrived: true
after reading, push works again: done
logged: yes
closed early: no
