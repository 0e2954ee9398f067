--TEST--
SWOOLE_PROCESS: a client that sends faster than its worker works (64 KiB packets, 20 ms each) is held back by max_queued_bytes, with the default settings: the master's memory stays bounded, stats() shows the queue, and every packet is handled, in order
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const PACKET = 65536;

function rss_kb(int $pid): int
{
    preg_match('/VmRSS:\s+(\d+)/', (string)@file_get_contents("/proc/$pid/status"), $m);
    return (int)($m[1] ?? 0);
}

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/slow_worker.php', [$port]);
kill_on_exit($srv);
$srv->waitForLine('/^ready$/');
$baseline = rss_kb($srv->pid);

// 2 s of sending as fast as the server takes it (without the limit the
// master would read some 100 MiB/s into memory).
$c = stream_socket_client("tcp://127.0.0.1:$port");
stream_set_blocking($c, false);
$body = str_repeat('x', PACKET - 8);
$sent = 0;
$pending = '';
$max_rss = 0;
$deadline = clock() + 2;
while (clock() < $deadline) {
    if ($pending === '') {
        $pending = pack('NN', PACKET - 4, $sent++) . $body;
    }
    $r = $e = null;
    $w = [$c];
    if (stream_select($r, $w, $e, 0, 10000)) {
        $pending = substr($pending, (int)@fwrite($c, $pending));
    }
    $max_rss = max($max_rss, rss_kb($srv->pid));
}
stream_set_blocking($c, true);
fwrite($c, $pending);
fclose($c);
$growth = ($max_rss - $baseline) / 1024;
echo "master grew by less than 32 MiB: ", var_export($growth < 32, true), $growth < 32 ? '' : " ($growth MiB)", "\n";

// Everything sent is handled, in order (what the limit held back came later).
$line = $srv->waitForLine('/^closed /', 15);
[, $handled, , $disorder] = explode(' ', $line);
echo "handled all $sent: ", var_export((int)$handled === $sent, true), ", out of order: $disorder\n";
$queues = array_map(fn($l) => array_map('intval', array_slice(explode(' ', $l), 1)), preg_grep('/^queue /', explode("\n", $srv->output())));
$max_queued = max(array_column($queues, 0));
echo "queue seen (at most 4 MiB and one read): ", var_export($max_queued > 0 && $max_queued <= (4 << 20) + PACKET, true), "\n";
echo "connection held back at some point: ", var_export(max(array_column($queues, 1)) === 1, true), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECTF--
master grew by less than 32 MiB: true
handled all %d: true, out of order: 0
queue seen (at most 4 MiB and one read): true
connection held back at some point: true
int(0)
