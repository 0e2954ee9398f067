<?php
/**
 * Messages per second through a Swoole\Process\Pool.
 * usage: php -d extension=SO bench/pool.php unixsock|msgqueue [COUNT] [SIZE]
 *
 * unixsock: worker 0 sends COUNT messages of SIZE bytes to worker 1 with
 *   $pool->sendMessage(); worker 1 counts them in onMessage.
 * msgqueue: another program (plain PHP, msg_send) pushes COUNT messages into
 *   the pool's queue; the pool's one worker counts them in onMessage.
 * The counting worker times first to last message and prints one line:
 *   "<mode> <count> messages in <s> s: <rate> msg/s, consumer CPU <us> us/msg",
 * then shuts the pool down (the CPU is the counting worker's own, user+system,
 * which depends less on what else the machine runs than the rate does).
 * Written for Swoole 6.2.1 and this extension alike (no coroutines).
 */
$mode = $argv[1] ?? 'unixsock';
$count = (int)($argv[2] ?? 200000);
$size = (int)($argv[3] ?? 64);
$payload = str_repeat('m', $size);

function cpu(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] + $r['ru_utime.tv_usec'] / 1e6 + $r['ru_stime.tv_sec'] + $r['ru_stime.tv_usec'] / 1e6;
}

$consume = function (Swoole\Process\Pool $pool, string $data) use ($mode, $count) {
    static $n = 0, $t0 = 0.0, $c0 = 0.0;
    if ($n++ === 0) {
        $t0 = microtime(true);
        $c0 = cpu();
    }
    if ($n === $count) {
        $t = microtime(true) - $t0;
        printf("%s %d messages in %.3f s: %.0f msg/s, consumer CPU %.2f us/msg\n", $mode, $count, $t, ($count - 1) / $t,
            (cpu() - $c0) * 1e6 / ($count - 1));
        $pool->shutdown();
    }
};

if ($mode === 'unixsock') {
    $pool = new Swoole\Process\Pool(2, SWOOLE_IPC_UNIXSOCK);
    $pool->on('WorkerStart', function (Swoole\Process\Pool $pool, int $id) use ($count, $payload) {
        if ($id !== 0) {
            return;
        }
        for ($i = 0; $i < $count; $i++) {
            $pool->sendMessage($payload, 1);
        }
        // Done: wait for the shutdown (a returning worker would be restarted and send again).
        sleep(60);
    });
    $pool->on('Message', $consume);
    $pool->start();
} elseif ($mode === 'msgqueue') {
    $key = 0x5b000000 + getmypid() % 0xffff;
    $pool = new Swoole\Process\Pool(1, SWOOLE_IPC_MSGQUEUE, $key);
    $pool->on('Start', function () use ($key, $count, $size) {
        // The producer is another program: PHP without the extension.
        $code = sprintf('$q = msg_get_queue(%d); $m = str_repeat("m", %d); for ($i = 0; $i < %d; $i++) msg_send($q, 1, $m, false);', $key, $size, $count);
        $GLOBALS['producer'] = proc_open([PHP_BINARY, '-n', '-d', 'extension=sysvmsg', '-r', $code], [], $pipes);
    });
    $pool->on('Message', $consume);
    $pool->start();
    if (is_resource($GLOBALS['producer'] ?? null)) {
        proc_close($GLOBALS['producer']);
    }
    msg_remove_queue(msg_get_queue($key));
} else {
    fwrite(STDERR, "usage: bench/pool.php unixsock|msgqueue [COUNT] [SIZE]\n");
    exit(2);
}
