--TEST--
Adversarial, kill -9: event workers and task workers killed with SIGKILL every 0.4 s while good clients send echo and taskwait() requests; each is replaced, replies stay right (PROCESS: no connection dropped, at most the request being handled lost), the server serves in full afterwards (all three modes, two task workers)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

foreach (MODES as $mode) {
    $t = new Target($mode, ['tasks' => 2]);
    $started = count($t->waitFor('/^worker_start /'));
    $good = new GoodClients($t, 8, tasks: true, timeout: 2.0);
    $kills = ['event' => 0, 'task' => 0];
    $last = [];
    $good->run(3.0, function (float $at) use ($t, &$kills, &$last) {
        if ($at < 0.3 + 0.4 * array_sum($kills)) {
            return;
        }
        // Alternately an event and a task worker; never the same id twice
        // within 1.5 s (a worker dying within 1 s of its start is restarted
        // after a 1 s backoff).
        $kind = array_sum($kills) % 2 ? 'task' : 'event';
        foreach ($t->workers($kind === 'task') as $id => $pid) {
            if (clock() - ($last[$id] ?? 0) > 1.5) {
                $t->kill($pid);
                $last[$id] = clock();
                $kills[$kind]++;
                return;
            }
        }
    });
    check("$mode: event and task workers killed", $kills['event'] >= 2 && $kills['task'] >= 2 ? [] : [json_encode($kills)]);
    $t->waitFor('/^worker_start /', $started + array_sum($kills));
    $after = new GoodClients($t, 8, tasks: true);
    $after->run(0.5);
    $after->close();
    check("$mode: served in full after the kills", $after->failures(20));
    // BASE: a killed worker's connections go with it (8 clients, up to 3
    // requests in flight each); PROCESS: the master holds them.
    $drops = $mode === 'process' ? 0 : 8 * $kills['event'];
    $lost = $mode === 'process' ? $kills['event'] : 3 * $drops;
    $t->finish($good, [], ['drops' => $drops, 'lost' => $lost, 'taskfails' => $kills['task'], 'refused' => $drops]);
}
?>
--EXPECT--
base1: event and task workers killed: ok
base1: served in full after the kills: ok
base1: good clients: ok
base1: attackers: ok
base1: fds and RSS back to baseline: ok
base1: clean stop: ok
base2: event and task workers killed: ok
base2: served in full after the kills: ok
base2: good clients: ok
base2: attackers: ok
base2: fds and RSS back to baseline: ok
base2: clean stop: ok
process: event and task workers killed: ok
process: served in full after the kills: ok
process: good clients: ok
process: attackers: ok
process: fds and RSS back to baseline: ok
process: clean stop: ok
