--TEST--
Adversarial, slow clients: 300 slowloris connections trickling a byte of a packet that never ends, and 20 clients asking for 8 MiB of replies each that they never read, then leaving; good clients are served meanwhile and memory comes back (all three modes)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

foreach (MODES as $mode) {
    $t = new Target($mode);
    $good = new GoodClients($t, 8);
    $t->finish($good, $t->underAttack($good, [
        'slowloris' => ['conns' => 300, 'seconds' => 2.0, 'interval' => 0.2],
        'non_reader' => ['conns' => 20, 'requests' => 8, 'size' => 1 << 20, 'seconds' => 2.0],
    ]));
}
?>
--EXPECT--
base1: good clients: ok
base1: attackers: ok
base1: fds and RSS back to baseline: ok
base1: clean stop: ok
base2: good clients: ok
base2: attackers: ok
base2: fds and RSS back to baseline: ok
base2: clean stop: ok
process: good clients: ok
process: attackers: ok
process: fds and RSS back to baseline: ok
process: clean stop: ok
