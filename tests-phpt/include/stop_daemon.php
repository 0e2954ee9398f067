<?php
/**
 * Stops the daemonized test server whose master pid `$pidFile` holds, if it
 * still runs (a run that was interrupted left it) and runs `$script`: SIGTERM, then SIGKILL
 * when it has not ended within STOP_DAEMON_GRACE seconds. A pid that is no
 * no longer runs `$script` (reused since) is left alone. Used by the
 * tests' --CLEAN-- sections, which run in a process of their own.
 */

const STOP_DAEMON_GRACE = 5.0;

function stop_daemon(string $pidFile, string $script): void
{
    $pid = (int)@file_get_contents($pidFile);
    $ours = fn() => $pid > 0 && str_contains((string)@file_get_contents("/proc/$pid/cmdline"), $script);
    if (!$ours()) {
        return;
    }
    posix_kill($pid, SIGTERM);
    $deadline = microtime(true) + STOP_DAEMON_GRACE;
    while ($ours() && microtime(true) < $deadline) {
        usleep(10000);
    }
    if ($ours()) {
        posix_kill($pid, SIGKILL);
    }
}
