<?php
/**
 * Helpers for the process_*.phpt and process_server_*.phpt tests (on top of
 * include/bootstrap.php and servers/helpers.php).
 *
 * Register these safety nets only in the parent, AFTER Swoole\Process::start()
 * has returned: a forked child runs the shutdown functions registered before
 * the fork when it ends.
 */

/** Reads from $proc's pipe until $n bytes arrived (or EOF/error); for stream pipes, which keep no message boundaries. */
function read_exactly(Swoole\Process $proc, int $n): string
{
    $buf = '';
    while (strlen($buf) < $n) {
        $chunk = $proc->read($n - strlen($buf));
        if ($chunk === false || $chunk === '') {
            break;
        }
        $buf .= $chunk;
    }
    return $buf;
}

/** The parent pid of $pid (0 if it is gone). */
function parent_pid(int $pid): int
{
    $stat = @file_get_contents("/proc/$pid/stat");
    if ($stat === false) {
        return 0;
    }
    return (int)explode(' ', substr($stat, strrpos($stat, ')') + 2))[1];
}

/**
 * Safety net for a failing test: when the test script ends while the child
 * $pid it forked is still running (e.g. blocked reading its pipe), SIGKILL it.
 * Only a process that is still this script's child is killed.
 */
function kill_child_on_exit(int $pid): void
{
    $me = getmypid();
    register_shutdown_function(function () use ($pid, $me) {
        if (getmypid() === $me && parent_pid($pid) === $me) {
            posix_kill($pid, SIGKILL);
            echo "[test: child $pid still running at exit, killed]\n";
        }
    });
}

/** Every live descendant of $pid (children, grandchildren, ...). */
function descendants(int $pid): array
{
    $out = [];
    foreach (child_pids($pid) as $child) {
        $out[] = $child;
        array_push($out, ...descendants($child));
    }
    return $out;
}

/**
 * Safety net for a failing server test: at exit, SIGKILL the server's master,
 * every descendant of it, and every pid in $extra (filled by the test with the
 * pids it has seen, e.g. user processes that may have been re-parented) that
 * is still alive and is still running the server's PHP.
 */
function kill_tree_on_exit(ServerProcess $srv, array &$extra): void
{
    $master = $srv->pid;
    register_shutdown_function(function () use ($master, &$extra) {
        $pids = array_unique(array_merge(descendants($master), $extra));
        $killed = false;
        foreach ($pids as $pid) {
            $cmd = @file_get_contents("/proc/$pid/cmdline");
            if ($cmd !== false && pid_alive($pid) && (str_contains($cmd, 'php') || str_contains($cmd, 'swoole'))) {
                posix_kill($pid, SIGKILL);
                $killed = true;
            }
        }
        if (pid_alive($master)) {
            posix_kill($master, SIGKILL);
            $killed = true;
        }
        if ($killed) {
            echo "[test: server processes still running at exit, killed]\n";
        }
    });
}
