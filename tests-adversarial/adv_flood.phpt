--TEST--
Adversarial, flood: 400 connections at once past max_connection 100 while 8 good clients are connected; the server keeps at most its limit (per worker in BASE mode), answers those it keeps, logs the refusals in a few lines, and serves new clients once the flood is gone (all three modes)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

foreach (MODES as $mode) {
    $t = new Target($mode, ['max_conn' => 100]);
    $good = new GoodClients($t, 8);
    // BASE mode with two workers: each worker holds up to max_connection of its own.
    $limit = ($mode === 'base2' ? 2 : 1) * 100 - 8;
    $failures = $t->underAttack($good, ['flood' => ['conns' => 400, 'hold' => 1.0, 'max_kept' => $limit]]);
    $after = new GoodClients($t, 8);
    $after->run(0.3);
    $after->close();
    check("$mode: new clients served after the flood", $after->failures(20));
    // One line for the first refusal, then at most one a second per process.
    $lines = count(preg_grep('/too many connections/', explode("\n", $t->output())));
    check("$mode: refusals logged in a few lines", $lines >= 1 && $lines <= 8 ? [] : ["$lines log lines"]);
    $t->finish($good, $failures);
}
?>
--EXPECT--
base1: new clients served after the flood: ok
base1: refusals logged in a few lines: ok
base1: good clients: ok
base1: attackers: ok
base1: fds and RSS back to baseline: ok
base1: clean stop: ok
base2: new clients served after the flood: ok
base2: refusals logged in a few lines: ok
base2: good clients: ok
base2: attackers: ok
base2: fds and RSS back to baseline: ok
base2: clean stop: ok
process: new clients served after the flood: ok
process: refusals logged in a few lines: ok
process: good clients: ok
process: attackers: ok
process: fds and RSS back to baseline: ok
process: clean stop: ok
