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

/**
 * Runs PHP code (a whole script, `<?php` included) as a server process, as
 * ServerProcess runs a file; the temporary file goes when the test ends.
 */
function server_from_code(string $code, array $args = []): ServerProcess
{
    $file = sys_get_temp_dir() . '/swoole-test-' . getmypid() . '-' . bin2hex(random_bytes(4)) . '.php';
    file_put_contents($file, $code);
    register_shutdown_function(fn() => @unlink($file));
    $srv = new ServerProcess($file, $args);
    kill_on_exit($srv);
    return $srv;
}

/** The lines of $output, sorted (for output that several processes print at once). */
function sorted_lines(string $output): string
{
    $lines = array_filter(explode("\n", $output), fn($l) => $l !== '');
    sort($lines);
    return implode("\n", $lines) . "\n";
}

/**
 * A server's output without the log copy ("PHP Warning:  ...") that PHP
 * writes of each error beside its display copy ("Warning: ...").
 */
function without_log_copies(string $output): string
{
    return preg_replace('/^PHP (Warning|Notice|Deprecated|Fatal error):  .*\n/m', '', $output);
}

/**
 * Output whose lines start with "<hrtime ns> " (printed by several processes
 * on the same monotonic clock), put in time order with the stamps removed.
 */
function by_time(string $output): string
{
    $lines = [];
    foreach (explode("\n", $output) as $line) {
        if (preg_match('/^(\d+) (.*)$/', $line, $m)) {
            $lines[] = [(int)$m[1], $m[2]];
        }
    }
    usort($lines, fn($a, $b) => $a[0] <=> $b[0]);
    return implode('', array_map(fn($l) => $l[1] . "\n", $lines));
}

/**
 * Runs $code in a PHP process of its own (for a call that ends the script,
 * as a fatal error does) and returns what it printed and its exit status.
 */
function output_and_exit_of(string $code): string
{
    $srv = server_from_code($code);
    $out = $srv->wait();
    return rtrim(without_log_copies($out . "\n")) . "\nexit status {$srv->exitCode}";
}
