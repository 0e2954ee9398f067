--TEST--
Adversarial, session ids: start_session_id just below 2^31 and 2^32; the ids handed out across the boundary are unique and above it, exist(), send() from another connection (another worker in BASE), close() and the stale id afterwards all work on them (all three modes)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

foreach (['2^31' => 2 ** 31, '2^32' => 2 ** 32] as $name => $boundary) {
    foreach (MODES as $mode) {
        // The warm-up takes 4 ids: the 8 connections below get boundary-3 .. boundary+4.
        $start = $boundary - 8;
        $t = new Target($mode, ['start_session_id' => $start]);
        $failures = [];
        $socks = $ids = [];
        for ($i = 0; $i < 8; $i++) {
            $socks[$i] = tcp($t->port['main']);
            if (!preg_match('/^fd (\d+) exist=1 port=/', $r = ask_frame($socks[$i], 'fd'), $m)) {
                $failures[] = "connection $i: 'fd' answered " . json_encode($r);
                continue;
            }
            $ids[$i] = (int)$m[1];
        }
        if (count(array_unique($ids)) !== 8 || min($ids) <= $start || min($ids) >= $boundary || max($ids) < $boundary) {
            $failures[] = 'ids ' . implode(',', $ids) . " do not run from above $start across $boundary";
        }
        // Each connection sends to the next by id.
        foreach ($socks as $i => $s) {
            $j = ($i + 1) % 8;
            $sent = ask_frame($s, "to {$ids[$j]} hello-$i");
            $got = read_frame($socks[$j]);
            if ($sent !== 'sent 1 error=0' || $got !== "from {$ids[$i]} hello-$i") {
                $failures[] = "send from {$ids[$i]} to {$ids[$j]}: " . json_encode([$sent, $got]);
            }
        }
        // Close one by id from another connection; its id is stale afterwards.
        $closed = ask_frame($socks[1], "close {$ids[0]}");
        [$rest, $gone] = await_close([$socks[0]], 5.0);
        $stale = ask_frame($socks[1], "to {$ids[0]} late");
        if ($closed !== 'closed 1' || !$gone[0] || !preg_match('/^sent 0 error=(1004|1005)$/', $stale)) {
            $failures[] = "close of {$ids[0]}: " . json_encode([$closed, $gone[0], $stale]);
        }
        array_map('socket_close', $socks);
        check("$mode, ids across $name", $failures);
        $good = new GoodClients($t, 8);
        $good->run(0.3);
        $t->finish($good, []);
    }
}
?>
--EXPECT--
base1, ids across 2^31: ok
base1: good clients: ok
base1: attackers: ok
base1: fds and RSS back to baseline: ok
base1: clean stop: ok
base2, ids across 2^31: ok
base2: good clients: ok
base2: attackers: ok
base2: fds and RSS back to baseline: ok
base2: clean stop: ok
process, ids across 2^31: ok
process: good clients: ok
process: attackers: ok
process: fds and RSS back to baseline: ok
process: clean stop: ok
base1, ids across 2^32: ok
base1: good clients: ok
base1: attackers: ok
base1: fds and RSS back to baseline: ok
base1: clean stop: ok
base2, ids across 2^32: ok
base2: good clients: ok
base2: attackers: ok
base2: fds and RSS back to baseline: ok
base2: clean stop: ok
process, ids across 2^32: ok
process: good clients: ok
process: attackers: ok
process: fds and RSS back to baseline: ok
process: clean stop: ok
