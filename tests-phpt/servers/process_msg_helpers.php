<?php
/**
 * Helpers for the process_msg_*.phpt tests (on top of include/bootstrap.php
 * and servers/helpers.php).
 *
 * In SWOOLE_PROCESS mode the workers are not children of the server process
 * but of its manager (master -> manager -> workers), so "nothing is left
 * behind" means no descendant at all is alive.
 */

require_once __DIR__ . '/../include/process_helpers.php';

/** Pid => parent pid of every process, read from /proc. */
function parent_pids(): array
{
    $parents = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        // a process can exit while we read: its stat is then missing or empty
        $stat = (string)@file_get_contents($f);
        $close = strrpos($stat, ')');
        if ($close === false) {
            continue;
        }
        $fields = explode(' ', substr($stat, $close + 2));
        if (isset($fields[1])) {
            $parents[(int)basename(dirname($f))] = (int)$fields[1];
        }
    }
    return $parents;
}

/** Pids of the live children of $pid (like child_pids(), safe against processes exiting meanwhile). */
function children_of(int $pid): array
{
    return array_keys(array_filter(parent_pids(), fn($parent) => $parent === $pid));
}

/**
 * How many descendants a server with $workers workers (no task workers) has:
 * in PROCESS mode the manager and the workers; in BASE mode the workers, or
 * none when the one worker runs in the server process itself.
 */
function server_processes(string $mode, int $workers): int
{
    return $mode === 'base' ? ($workers === 1 ? 0 : $workers) : $workers + 1;
}

/** Waits until $pid has at least $n live descendants; returns them. */
function wait_for_descendants(int $pid, int $n): array
{
    $deadline = clock() + TEST_TIMEOUT;
    while (count($found = descendants($pid)) < $n && clock() < $deadline) {
        usleep(5000);
    }
    return $found;
}

/** Of $pids, those still alive (a zombie counts as dead). */
function alive(array $pids): array
{
    return array_values(array_filter($pids, 'pid_alive'));
}

/**
 * The complete lines of $srv's output (or of an output already collected,
 * e.g. returned by stop()) that match $regex, in order.
 */
function lines_matching(ServerProcess|string $srv, string $regex): array
{
    $lines = explode("\n", is_string($srv) ? $srv : $srv->output());
    array_pop($lines);
    return array_values(preg_grep($regex, $lines));
}

/** Index of the first complete output line matching $regex (false if none). */
function line_index(ServerProcess $srv, string $regex): int|false
{
    $lines = explode("\n", $srv->output());
    array_pop($lines);
    return array_key_first(preg_grep($regex, $lines)) ?? false;
}

/** Whether $sock has something to read (data or EOF) within $seconds. */
function readable($sock, float $seconds): bool
{
    $r = [$sock];
    $w = $e = null;
    $sec = (int)$seconds;
    return stream_select($r, $w, $e, $sec, (int)(($seconds - $sec) * 1e6)) > 0;
}

/**
 * Waits $seconds. (Called here rather than as usleep() in a .phpt file: a test
 * calling usleep()/sleep()/microtime()/hrtime() is taken by run-tests for
 * timing-flaky and silently run a second time when it fails, which would hide
 * the races these tests are written to catch.)
 */
function nap(float $seconds): void
{
    usleep((int)($seconds * 1e6));
}
