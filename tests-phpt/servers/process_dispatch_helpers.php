<?php
/**
 * Helpers for the process_dispatch_*, process_bind_* and process_info_* tests
 * (on top of include/bootstrap.php and servers/helpers.php), which run
 * servers/process_dispatch_server.php in SWOOLE_PROCESS mode.
 */

require_once __DIR__ . '/../include/process_helpers.php';

/**
 * Starts process_dispatch_server.php and waits until all its workers run.
 * $mode is a dispatch_mode number, or 'default' to leave it unset.
 * Returns [ServerProcess, port, [worker id => pid], manager pid].
 */
function pd_start(int $workers, int|string $mode, string $flags = ''): array
{
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/process_dispatch_server.php', [$port, $workers, $mode, $flags], ['log_errors' => 0]);
    $seen = [];
    kill_tree_on_exit($srv, $seen);
    wait_for_port($port);
    $pids = [];
    foreach ($srv->waitForLines('/^onWorkerStart /', $workers) as $line) {
        preg_match('/^onWorkerStart id=(\d+) .* pid=(\d+) ppid=\d+$/', $line, $m);
        $pids[(int)$m[1]] = (int)$m[2];
    }
    ksort($pids);
    preg_match('/ pid=(\d+) /', $srv->waitForLine('/^onManagerStart /'), $m);
    return [$srv, $port, $pids, (int)$m[1]];
}

/** Sends "who" and parses the reply into ints (remote_ip stays a string). */
function pd_who(TestClient $c): array
{
    $line = ask($c, 'who');
    if (!preg_match('/^fd=(\d+) wid=(\d+) rid=(\d+) socket_fd=(\d+) info_rid=(\d+) remote_ip=(\S+) pid=(\d+)$/', $line, $m)) {
        throw new RuntimeException("unexpected reply to who: " . var_export($line, true));
    }
    return [
        'fd' => (int)$m[1], 'wid' => (int)$m[2], 'rid' => (int)$m[3], 'socket_fd' => (int)$m[4],
        'info_rid' => (int)$m[5], 'remote_ip' => $m[6], 'pid' => (int)$m[7],
    ];
}

/** Polls $cond every 10 ms until it holds (true) or $timeout passes (false). */
function pd_until(callable $cond, float $timeout = 5.0): bool
{
    $deadline = clock() + $timeout;
    while (!$cond()) {
        if (clock() >= $deadline) {
            return false;
        }
        usleep(10000);
    }
    return true;
}

/**
 * SIGTERM to the master, then checks the end: exit code 0, start() returned
 * true with no child left, and none of $pids (workers, manager) alive.
 * Prints one line, and the output when something is wrong; returns the output.
 */
function pd_stop(ServerProcess $srv, array $pids): string
{
    $out = $srv->stop();
    $left = array_values(array_filter($pids, 'pid_alive'));
    $clean = $srv->exitCode === 0
        && preg_match("/^after start: true pid={$srv->pid} children=\\[\\]$/m", $out)
        && $left === [];
    echo $clean ? "stopped cleanly\n" : "unclean stop: exit=" . var_export($srv->exitCode, true)
        . " left=" . json_encode($left) . "\n$out\n";
    return $out;
}
