--TEST--
Server (BASE, 2 workers): sends between workers cross while one waits for room in the other's inbox; what it read from its own inbox meanwhile is carried out at once, not when some later message arrives
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const PER_WORKER = 2;          // target connections on each worker

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cross_worker_blast.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);

// PER_WORKER + 1 clients on each worker (the kernel picks): one gives the
// command, the others are the other worker's targets.
$on = [[], []];
for ($i = 0; $i < 400 && (count($on[0]) <= PER_WORKER || count($on[1]) <= PER_WORKER); $i++) {
    $c = new TestClient($port);
    preg_match('/^fd=(\d+) wid=(\d+)$/', ask($c, 'who'), $m);
    if (count($on[(int)$m[2]]) > PER_WORKER) {
        $c->close();
        continue;
    }
    $on[(int)$m[2]][] = [(int)$m[1], $c];
}
if (count($on[0]) <= PER_WORKER || count($on[1]) <= PER_WORKER) {
    die("the kernel gave nearly all connections to one worker: this run proves nothing\n");
}
$commanders = [array_shift($on[0])[1], array_shift($on[1])[1]];
$targets = fn(int $w) => implode(',', array_column($on[$w], 0));
// Worker 0, busy for 100 ms, then sends 8 MiB to each of worker 1's
// connections: far more than worker 1's inbox holds, so it waits for room,
// reading its own inbox meanwhile. There it finds what worker 1 sent it
// while it was busy (3 small sends to worker 0's connections, 30 ms in),
// before worker 1 napped for 300 ms (so its inbox fills up). Nothing is sent
// after that.
$commanders[0]->send("blast 100 128 65536 {$targets(1)} 0");
$commanders[1]->send("blast 30 3 1000 {$targets(0)} 300");
$want = [0 => 3 * 1000, 1 => 128 * 65536];

// Read everything that comes, on every connection, for up to 5 s.
$got = [];
$socks = [];
foreach ([0, 1] as $w) {
    foreach ($on[$w] as [$fd, $c]) {
        $socks["$w:$fd"] = $c->sock;
        $got["$w:$fd"] = 0;
        stream_set_blocking($c->sock, false);
    }
}
$complete = function () use (&$got, $want) {
    foreach ($got as $key => $n) {
        if ($n < $want[(int)$key[0]]) {
            return false;
        }
    }
    return true;
};
$replies = '';
$socks['c0'] = $commanders[0]->sock;
$socks['c1'] = $commanders[1]->sock;
$deadline = clock() + 5;
while (clock() < $deadline && (!$complete() || substr_count($replies, "\n") < 2)) {
    $r = array_values($socks);
    $w = $e = null;
    if (stream_select($r, $w, $e, 0, 100000) > 0) {
        foreach ($r as $s) {
            $key = array_search($s, $socks, true);
            $data = fread($s, 1 << 20);
            if ($key[0] === 'c') {
                $replies .= $data;
            } else {
                $got[$key] += strlen($data);
            }
        }
    }
}
echo "replies: ", implode(' ', explode("\n", trim($replies))), "\n";
foreach ([0, 1] as $w) {
    $mine = array_filter($got, fn($k) => $k[0] === "$w", ARRAY_FILTER_USE_KEY);
    $whole = array_filter($mine, fn($n) => $n === $want[$w]);
    echo "worker $w's connections with every byte: ", count($whole), " of ", count($mine),
        count($whole) === count($mine) ? '' : ' ' . json_encode($mine), "\n";
}
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
replies: sent=true sent=true
worker 0's connections with every byte: 2 of 2
worker 1's connections with every byte: 2 of 2
int(0)
