--TEST--
Socket options in SWOOLE_BASE and SWOOLE_PROCESS: open_tcp_keepalive with tcp_keepidle/interval/count on accepted connections (seen by ss), tcp_defer_accept (no onConnect before the first data), open_cpu_affinity (worker i on CPU i % cpus)
--EXTENSIONS--
swoole
--SKIPIF--
<?php
if (!is_executable('/usr/bin/ss') && !is_executable('/bin/ss')) die('skip needs ss (iproute2)');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$cpus = swoole_cpu_num();
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/socket_options_server.php', [$port, $mode]);
    kill_on_exit($srv);
    wait_for_port($port);
    $starts = $srv->waitForLines('/^onWorkerStart /', 2);
    $pinned = [];
    foreach ($starts as $line) {
        preg_match('/id=(\d+) pid=(\d+)/', $line, $m);
        preg_match('/^Cpus_allowed_list:\s*(\S+)/m', file_get_contents("/proc/{$m[2]}/status"), $c);
        $pinned[] = $c[1] === (string)($m[1] % $cpus) ? 'ok' : "worker {$m[1]} on {$c[1]}";
    }
    echo "affinity: ", implode(',', $pinned), "\n";

    // Deferred accept: a connection that sends nothing is not accepted yet.
    $c = new TestClient($port);
    $deadline = microtime(true) + 0.3;
    while (microtime(true) < $deadline) {
        if (str_contains($srv->output(), 'onConnect')) {
            break;
        }
        usleep(10000);
    }
    echo "onConnect before data: ", var_export(str_contains($srv->output(), 'onConnect'), true), "\n";
    $c->send("ping");
    echo $c->recv(), "\n";
    $srv->waitForLine('/^onConnect /');

    // The server's end of the connection has keepalive probes armed.
    $local = stream_socket_get_name($c->sock, false);
    $lport = (int)substr(strrchr($local, ':'), 1);
    $ss = shell_exec("ss -tno state established '( sport = :$port and dport = :$lport )' 2>&1");
    echo "keepalive timer: ", var_export(str_contains((string)$ss, 'timer:(keepalive'), true), "\n";
    $c->close();
    $srv->stop();
}
?>
--EXPECT--
--- base
affinity: ok,ok
onConnect before data: false
pong
keepalive timer: true
--- process
affinity: ok,ok
onConnect before data: false
pong
keepalive timer: true
