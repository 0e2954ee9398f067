<?php
/**
 * bench/reliability.php: the figures of the README's Reliability table, for
 * the extension SWOOLE_SO (ours, or another build to compare with), against
 * tests-adversarial/servers/target.php in SWOOLE_BASE (one worker) and
 * SWOOLE_PROCESS (two workers):
 *
 * - 2,000 clients send 100 bytes and close at once (data and FIN in one
 *   segment): server sockets left in CLOSE-WAIT 3 s later, fds over baseline.
 * - 5 s of connect, send, RST (tests-adversarial's rst_storm): the server's
 *   fds and private RSS (RssAnon: the shared session table's pages aside)
 *   over the baseline, at the peak and 3 s after.
 * - max_connection 1000, 3,000 clients send 7 bytes of a 100-byte frame and
 *   close: CLOSE-WAIT 3 s later, and whether a new client is then served.
 * - a worker that needs 20 ms per packet, 8 clients pouring 64 KiB packets
 *   for 4 s: the server's private RSS at the peak, over the baseline.
 * - max_connection 100, 400 connections at once: how many the server keeps,
 *   how many of those it answers, how many log lines it writes.
 *
 * usage: bench/run reliability   (env: SWOOLE_SO, MODES=base1,process)
 */
require __DIR__ . '/../tests-adversarial/include/adv.php';

/** Server-side sockets of $port in CLOSE-WAIT (the client closed, the server did not), from /proc/net/tcp. */
function close_wait(int $port): int
{
    $hex = sprintf(':%04X', $port);
    $n = 0;
    foreach (['/proc/net/tcp', '/proc/net/tcp6'] as $table) {
        foreach (@file($table) ?: [] as $line) {
            $f = preg_split('/\s+/', trim($line));
            $n += (int)(($f[3] ?? '') === '08' && str_ends_with($f[1] ?? '', $hex));
        }
    }
    return $n;
}

/** $n connections to $port that each send $data and close at once (FIN in the same segment). */
function send_and_close(int $port, int $n, string $data): void
{
    for ($done = 0; $done < $n; $done += 500) {
        $socks = array_filter(array_map(fn() => tcp($port), range(1, min(500, $n - $done))));
        foreach ($socks as $s) {
            socket_set_option($s, SOL_TCP, TCP_CORK_OPT, 1);
            put($s, $data);
            socket_shutdown($s, 1);
        }
        array_map('socket_close', $socks);
    }
}

/** Private memory (RssAnon) of the whole tree, in KiB: the shared session table's pages aside. */
function anon(Target $t): int
{
    return array_sum(array_column($t->usage(), 'anon'));
}

/** Over the baseline: [fds, private RSS MiB] of the whole tree now. */
function over(Target $t, int $anon0): array
{
    [, $fds] = usage_totals($t->usage());
    return [$fds - $t->baseline[1], (anon($t) - $anon0) / 1024];
}

/** Runs the attacker $name while sampling the tree; the peak [fds, private RSS MiB] over the baseline. */
function peak_during(Target $t, int $anon0, string $name, array $args): array
{
    $a = new Attack($name, $args + ['ports' => $t->port]);
    $peak = [0, 0.0];
    while ($a->running()) {
        $peak = array_map('max', $peak, over($t, $anon0));
        usleep(100000);
    }
    $a->result();
    return $peak;
}

$modes = explode(',', getenv('MODES') ?: 'base1,process');
$rows = [];
foreach ($modes as $mode) {
    $t = new Target($mode);
    $anon0 = anon($t);
    send_and_close($t->port['raw'], 2000, str_repeat('x', 100));
    sleep(3);
    $rows[] = [$mode, '2,000 clients send 100 B and close at once: CLOSE-WAIT / fds over baseline, 3 s later',
               close_wait($t->port['raw']) . ' / ' . over($t, $anon0)[0]];
    [$fds, $rss] = peak_during($t, $anon0, 'rst_storm', ['seconds' => 5.0, 'batch' => 100]);
    sleep(3);
    [$fdsAfter, $rssAfter] = over($t, $anon0);
    $rows[] = [$mode, '5 s of connect + send + RST: fds over baseline, peak / 3 s after', "$fds / $fdsAfter"];
    $rows[] = [$mode, '5 s of connect + send + RST: private RSS MiB over baseline, peak / 3 s after',
               sprintf('%.1f / %.1f', $rss, $rssAfter)];
    $t->stopFailures();

    $t = new Target($mode, ['max_conn' => 1000]);
    send_and_close($t->port['main'], 3000, pack('N', 100) . 'abc');
    sleep(3);
    $good = new GoodClients($t, 4);
    $good->run(0.5);
    $good->close();
    $rows[] = [$mode, 'max_connection 1000, 3,000 clients send 7 B of a 100 B frame and close: CLOSE-WAIT 3 s later',
               close_wait($t->port['main'])];
    $rows[] = [$mode, '... then a new client is served', $good->replies > 0 && !$good->mismatches ? 'yes' : 'no'];
    $t->stopFailures();

    $t = new Target($mode);
    $anon0 = anon($t);
    $slow = frame('slow ' . str_repeat('p', 65000));
    [, $rss] = peak_during($t, $anon0, 'pour', ['frame' => base64_encode($slow), 'conns' => 8, 'seconds' => 4.0]);
    $rows[] = [$mode, 'a worker needing 20 ms per packet, 8 clients pouring 64 KiB packets for 4 s: peak private RSS MiB over baseline',
               sprintf('%.1f', $rss)];
    $t->stopFailures();

    $t = new Target($mode, ['max_conn' => 100]);
    $r = (new Attack('flood', ['conns' => 400, 'hold' => 1.0, 'max_kept' => PHP_INT_MAX, 'ports' => $t->port]))->result();
    $unanswered = (int)($r['failures'][0] ?? 0);
    $lines = count(preg_grep('/too many connections|max_connection/i', explode("\n", $t->output())));
    $rows[] = [$mode, 'max_connection 100, 400 connections at once: kept / of those answered / log lines',
               "{$r['kept']} / " . ($r['kept'] - $unanswered) . " / $lines"];
    $t->stopFailures();
}

printf("\nreliability (%s)\n", basename(dirname(swoole_so())) . '/' . basename(swoole_so()));
foreach ($rows as [$mode, $what, $figure]) {
    printf("%-8s %-110s %s\n", $mode, $what, $figure);
}
