--TEST--
Server: SIGTERM while the event worker keeps calling taskwait() for a stream of requests: every worker stops at once with onWorkerStop, none is killed for exceeding max_wait_time (both modes)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/taskwait_sigterm.php', [$port, $mode]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready$/');
    wait_for_port($port);
    // Eight clients, each with a request in flight at all times: a worker
    // that serves what is already queued before it looks at the signal waits
    // in taskwait() for each of them, as its task worker is gone.
    $clients = [];
    for ($i = 0; $i < 8; $i++) {
        $clients[$i] = stream_socket_client("tcp://127.0.0.1:$port");
        stream_set_blocking($clients[$i], false);
        fwrite($clients[$i], "x$i");
    }
    $start = clock();
    $term = null;
    while (clock() - $start < 6 && ($term === null || $srv->exitCode === null && !str_contains($srv->output(), "down\n"))) {
        $r = $clients;
        $w = $e = null;
        if (@stream_select($r, $w, $e, 0, 20000) > 0) {
            foreach ($r as $i => $c) {
                if (fread($c, 100) !== '') {
                    @fwrite($c, "x$i");
                }
            }
        }
        if ($term === null && clock() - $start > 0.3) {
            $srv->signal(SIGTERM);
            $term = clock();
        }
    }
    $took = clock() - $term;
    $out = $srv->wait();
    echo "$mode: stopped within 1 s: ", var_export($took < 1.0, true), ", exit ", var_export($srv->exitCode, true), "\n";
    $stops = array_values(preg_grep('/^stop \d$/', explode("\n", $out)));
    sort($stops);
    echo "$mode: ", implode(', ', $stops), str_contains($out, "down\n") ? ', then start() returned' : '', "\n";
    echo "$mode: killed for taking too long: ", var_export(str_contains($out, 'forced termination'), true), "\n";
}
?>
--EXPECT--
base: stopped within 1 s: true, exit 0
base: stop 0, stop 1, then start() returned
base: killed for taking too long: false
process: stopped within 1 s: true, exit 0
process: stop 0, stop 1, then start() returned
process: killed for taking too long: false
