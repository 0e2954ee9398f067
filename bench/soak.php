<?php
/**
 * bench/soak.php: the long run. Against tests-adversarial/servers/target.php
 * in each mode: REQUESTS echo requests over 50 persistent connections, then
 * CYCLES connect/request/close cycles over 50 concurrent clients, both by
 * tcpbench (replies verified), in slices of SLICE seconds. After each slice,
 * once the server is quiet, the fds and RSS of every process of the server
 * are sampled (and during each slice too, for the peak). One slice of each
 * kind comes first as a warm-up, not counted.
 *
 * It passes when, in every mode: tcpbench saw no error and no mismatch, the
 * server stopped cleanly, and both stayed flat: every process has, at every
 * quiet sample, the fds it had at the first (after the warm-up, when buffers
 * and caches have their working size), and its private memory (RssAnon,
 * where a leak shows) at the last quiet sample is at most RSS_SLACK_KIB
 * (2 MiB) over the first. The shared memory a process has touched
 * (RssShmem) is reported, not judged: it grows until the session table
 * (131,072 slots, shared by every process) has been gone through once, about
 * 15 MiB, then stays.
 *
 * usage: TCPBENCH=path php -d extension=... bench/soak.php   (bench/run soak does this)
 * env: REQUESTS=2000000 CYCLES=262144 MODES=base1,process SLICE=2 SWOOLE_SO=...
 */
require __DIR__ . '/../tests-adversarial/include/adv.php';

const RSS_SLACK_KIB = 2048;

$tcpbench = getenv('TCPBENCH') ?: die("TCPBENCH is not set (run bench/run soak)\n");
$requests = (int)(getenv('REQUESTS') ?: 2_000_000);
$cycles = (int)(getenv('CYCLES') ?: 262_144);
$slice = (float)(getenv('SLICE') ?: 2);
$modes = explode(',', getenv('MODES') ?: 'base1,process');

/**
 * Runs one tcpbench slice against the raw port, sampling the tree's usage
 * every 0.25 s; returns [its JSON figures, the highest total RSS seen].
 */
function slice(Target $t, string $tcpbench, string $mode, float $seconds): array
{
    $cmd = [$tcpbench, '--addr', "127.0.0.1:{$t->port['raw']}", '--mode', $mode, '--conns', '50', '--size', '64',
            '--prefix', 'raw:', '--verify', '--warmup', '0', '--duration', (string)$seconds];
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    $peak = 0;
    while (proc_get_status($proc)['running']) {
        $peak = max($peak, usage_totals($t->usage())[2]);
        usleep(250000);
    }
    $out = stream_get_contents($pipes[1]);
    proc_close($proc);
    $lines = explode("\n", trim($out));
    $j = json_decode((string)end($lines), true) ?: ['requests' => 0, 'errors' => -1, 'mismatches' => -1];
    return [$j, $peak];
}

$failed = false;
$rows = [];
foreach ($modes as $mode) {
    $t = new Target($mode);
    $quiet = [];
    $done = ['requests' => 0, 'cycles' => 0, 'errors' => 0, 'mismatches' => 0];
    $peak = 0;
    // A warm-up of both kinds first: the first quiet sample is taken with the
    // buffers and caches of both at their working size.
    slice($t, $tcpbench, 'pingpong', 1.0);
    slice($t, $tcpbench, 'connect', 1.0);
    $quiet[] = $t->quietUsage();
    $started = clock();
    foreach (['pingpong' => $requests, 'connect' => $cycles] as $kind => $goal) {
        $key = $kind === 'pingpong' ? 'requests' : 'cycles';
        while ($done[$key] < $goal) {
            [$j, $p] = slice($t, $tcpbench, $kind, $slice);
            $peak = max($peak, $p);
            $done[$key] += $j['requests'];
            $done['errors'] += $j['errors'];
            $done['mismatches'] += $j['mismatches'];
            if ($j['requests'] === 0) {
                $done['errors']++;
                break;
            }
            $quiet[] = $t->quietUsage();
        }
    }
    $took = clock() - $started;
    $first = $quiet[0];
    $last = end($quiet);
    $problems = [];
    foreach ($first as $pid => $u) {
        foreach ($quiet as $k => $q) {
            if (($q[$pid]['fds'] ?? null) !== $u['fds']) {
                $problems[] = "pid $pid: " . ($q[$pid]['fds'] ?? 'gone') . " fds at sample $k, {$u['fds']} at the first";
                break;
            }
        }
        if (($last[$pid]['anon'] ?? 0) > $u['anon'] + RSS_SLACK_KIB) {
            $problems[] = sprintf('pid %d: private RSS %.1f MiB at the end, %.1f MiB at the first sample',
                $pid, $last[$pid]['anon'] / 1024, $u['anon'] / 1024);
        }
    }
    if ($done['errors'] || $done['mismatches']) {
        $problems[] = "tcpbench: {$done['errors']} errors, {$done['mismatches']} mismatches";
    }
    $problems = array_merge($problems, $t->stopFailures());
    $failed = $failed || $problems;
    [$procs, $fds0, $rss0] = usage_totals($first);
    [, $fds1, $rss1] = usage_totals($last);
    $mib = fn(array $u, string $k) => sprintf('%.1f', array_sum(array_column($u, $k)) / 1024);
    $rows[] = [$mode, $done['requests'], $done['cycles'], $done['errors'] + $done['mismatches'], $procs,
               "$fds0 -> $fds1", sprintf('%.1f -> %.1f', $rss0 / 1024, $rss1 / 1024),
               $mib($first, 'anon') . ' -> ' . $mib($last, 'anon'), $mib($last, 'shmem'), sprintf('%.1f', $peak / 1024),
               count($quiet), sprintf('%.0f', $took), $problems ? 'FAIL' : 'flat'];
    foreach ($problems as $p) {
        fwrite(STDERR, "soak $mode: $p\n");
    }
}

printf("\nsoak (%s; rule, per process: the same fds at every quiet sample, private RSS at the end within %d KiB of the first quiet sample)\n",
    basename(dirname(swoole_so())) . '/' . basename(swoole_so()), RSS_SLACK_KIB);
$head = ['mode', 'requests', 'conn cycles', 'failures', 'procs', 'fds (all procs)', 'RSS MiB (all)', 'private MiB',
         'shared', 'peak', 'samples', 'seconds', 'verdict'];
$w = [7, 9, 11, 8, 5, 15, 14, 13, 6, 6, 7, 7, 7];
foreach (array_merge([$head], $rows) as $r) {
    foreach ($r as $i => $cell) {
        printf('%' . $w[$i] . 's ', $cell);
    }
    echo "\n";
}
exit($failed ? 1 : 0);
