<?php
/** Small helpers shared by the server_*.phpt tests (on top of include/bootstrap.php). */

/** Sends one command line to cmd_server.php and returns its one-line reply ('' on EOF). */
function ask(TestClient $c, string $cmd): string
{
    $c->send($cmd);
    $line = fgets($c->sock);
    return $line === false ? '' : rtrim($line, "\n");
}

/** Whether $pid is a live process (a zombie counts as dead). */
function pid_alive(int $pid): bool
{
    $stat = @file_get_contents("/proc/$pid/stat");
    if ($stat === false) {
        return false;
    }
    return substr($stat, strrpos($stat, ')') + 2, 1) !== 'Z';
}

/** The pids named "pid=N" in lines of $output that match $regex. */
function pids_in(string $output, string $regex): array
{
    $pids = [];
    foreach (preg_grep($regex, explode("\n", $output)) as $line) {
        if (preg_match('/ pid=(\d+)/', $line, $m)) {
            $pids[] = (int)$m[1];
        }
    }
    return $pids;
}

/**
 * Safety net for a failing test: when the test script ends (even on a fatal
 * error) while the server is still running, SIGKILL it and its children, so a
 * failed run leaves no process behind. A passing test has stopped it already.
 */
function kill_on_exit(ServerProcess $srv): void
{
    $master = $srv->pid;
    register_shutdown_function(function () use ($master) {
        if (!pid_alive($master)) {
            return;
        }
        $children = child_pids($master);
        posix_kill($master, SIGKILL);
        foreach ($children as $pid) {
            posix_kill($pid, SIGKILL);
        }
        echo "[test: server still running at exit, killed]\n";
    });
}

/** Prints "as expected" when $got === $want, otherwise both (so a failure shows what happened). */
function same(mixed $got, mixed $want): void
{
    echo $got === $want ? "as expected\n" : "got " . var_export($got, true) . ", want " . var_export($want, true) . "\n";
}

/**
 * Seconds on a monotonic clock. (A test calling microtime()/hrtime() itself is
 * taken by run-tests for timing-flaky and silently run a second time when it
 * fails, which would hide the races these tests are written to catch.)
 */
function clock(): float
{
    return hrtime(true) / 1e9;
}
