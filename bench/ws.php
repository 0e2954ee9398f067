<?php
/**
 * bench/ws.php: WebSocket servers side by side, this extension and real
 * Swoole (ORACLE_SO), in BASE and PROCESS mode (one worker each), the same
 * server code (bench/ws_server.php) and the same client (wsbench, a one-thread
 * Rust client from bench/ceiling, pinned apart from the server):
 *
 * - echo: messages/s over CONNS connections, 64-byte masked text frames, one
 *   in flight on each; with the server's CPU time (all its processes) per message;
 * - broadcast: one message pushed to BCAST connections, the time until every
 *   client had it (median of ROUNDS).
 *
 * Each pair runs REPEAT times in alternating order, the best echo rate kept.
 * Prints a last line per mode: ours/Swoole ratios.
 *
 * usage: php bench/ws.php   (env: SWOOLE_SO, ORACLE_SO, WSBENCH, DURATION=3, CONNS=50,
 *        BCAST=1000, ROUNDS=9, REPEAT=2, MODES="base process", PIN=1)
 */
$root = dirname(__DIR__);
require __DIR__ . '/cpu.php';
$impls = ['ours' => getenv('SWOOLE_SO') ?: "$root/target/release/libswoole.so"];
foreach ([getenv('ORACLE_SO'), "$root/../shared/reference/swoole-6.2.1/swoole.so", "$root/../../shared/reference/swoole-6.2.1/swoole.so"] as $o) {
    if ($o && is_file($o)) {
        $impls['swoole'] = $o;
        break;
    }
}
$wsbench = getenv('WSBENCH') ?: "$root/target/release/wsbench";
$duration = (float)(getenv('DURATION') ?: 3);
$conns = (int)(getenv('CONNS') ?: 50);
$bcast = (int)(getenv('BCAST') ?: 1000);
$rounds = (int)(getenv('ROUNDS') ?: 9);
$repeat = (int)(getenv('REPEAT') ?: 2);
$modes = explode(' ', getenv('MODES') ?: 'base process');
// Server on CPU 0, client on CPU 1 (when there are two), so neither measures the other.
$pin = (getenv('PIN') ?: '1') === '1' && (int)shell_exec('nproc') >= 2 && trim((string)shell_exec('command -v taskset')) !== '';
[$pinServer, $pinClient] = $pin ? ['taskset -c 0 ', 'taskset -c 1 '] : ['', ''];

/** Starts the server; returns [proc, pid, port] once it listens, or null. */
function start_server(string $so, string $mode, string $pin, string $log): ?array
{
    $port = 20000 + random_int(0, 9999);
    $cmd = sprintf('exec %s%s -n -d extension=%s %s %d %s', $pin, PHP_BINARY, escapeshellarg($so),
        escapeshellarg(__DIR__ . '/ws_server.php'), $port, $mode);
    $proc = proc_open($cmd, [1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']], $p);
    $pid = proc_get_status($proc)['pid'];
    for ($t = 0; $t < 100 && !($s = @fsockopen('127.0.0.1', $port)); $t++) {
        usleep(50000);
    }
    if (!$s) {
        proc_terminate($proc);
        return null;
    }
    fclose($s);
    return [$proc, $pid, $port];
}

function stop_server(array $srv): void
{
    posix_kill($srv[1], SIGTERM);
    proc_close($srv[0]);
}

if (!is_executable($wsbench)) {
    fwrite(STDERR, "wsbench not found at $wsbench (cargo build --release -p echo-ceiling --bin wsbench)\n");
    exit(1);
}
$log = sys_get_temp_dir() . '/swoole-ws-bench-' . getmypid() . '.log';
printf("WebSocket echo: %d connections, 64 B text frames, %g s runs; broadcast to %d connections, median of %d%s\n",
    $conns, $duration, $bcast, $rounds, $pin ? '; server on CPU 0, client on CPU 1' : '');
printf("%-7s %-7s %14s %16s %16s\n", 'mode', 'server', 'echo msg/s', 'server CPU/msg', 'broadcast ms');
$failed = false;
foreach ($modes as $mode) {
    $best = [];
    $order = array_keys($impls);
    for ($r = 0; $r < $repeat; $r++) {
        foreach ($r % 2 ? array_reverse($order) : $order as $name) {
            $srv = start_server($impls[$name], $mode, $pinServer, $log);
            if ($srv === null) {
                echo "$name $mode: the server did not start: ", @file_get_contents($log), "\n";
                $failed = true;
                continue;
            }
            exec("$pinClient$wsbench echo {$srv[2]} $conns 0.5 2>&1");   // warm-up
            $cpu0 = tree_cpu($srv[1]);
            $out = (string)shell_exec("$pinClient$wsbench echo {$srv[2]} $conns $duration 2>&1");
            $cpu = tree_cpu($srv[1]) - $cpu0;
            $b = (string)shell_exec("$pinClient$wsbench broadcast {$srv[2]} $bcast $rounds 2>&1");
            stop_server($srv);
            if (!preg_match('/messages (\d+) seconds ([\d.]+)/', $out, $m) || !preg_match('/^broadcast ([\d. ]+)$/m', $b, $bm)) {
                echo "$name $mode: the client failed: ", trim($out), ' ', trim($b), "\n";
                $failed = true;
                continue;
            }
            $rate = $m[1] / $m[2];
            $times = array_map('floatval', explode(' ', trim($bm[1])));
            sort($times);
            $median = $times[intdiv(count($times), 2)];
            printf("%-7s %-7s %14.0f %13.1f us %16.2f\n", $mode, $name, $rate, $m[1] ? $cpu / $m[1] * 1e6 : 0, $median);
            // The best echo run (its rate and CPU) and, apart from it, the
            // fastest broadcast of every run of this server.
            $fastest = min($best[$name]['bcast'] ?? INF, $median);
            if (!isset($best[$name]) || $rate > $best[$name]['rate']) {
                $best[$name] = ['rate' => $rate, 'cpu' => $m[1] ? $cpu / $m[1] : 0];
            }
            $best[$name]['bcast'] = $fastest;
        }
    }
    if (isset($best['ours'], $best['swoole'])) {
        printf("%s ours/Swoole: echo rate %.2f, server CPU per message %.2f, broadcast time %.2f\n", strtoupper($mode),
            $best['ours']['rate'] / $best['swoole']['rate'],
            $best['swoole']['cpu'] > 0 ? $best['ours']['cpu'] / $best['swoole']['cpu'] : 0,
            $best['ours']['bcast'] / $best['swoole']['bcast']);
    }
}
@unlink($log);
exit($failed ? 1 : 0);
