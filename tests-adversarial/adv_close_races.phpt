--TEST--
Adversarial, closes: data and FIN in one segment, data then RST, on raw, whole, partial-frame and partial-line input; a storm of connect-and-RST; every FIN connection closed by the server, fds back to baseline (all three modes)
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
        'close_races' => ['rounds' => 2, 'conns' => 100],
        'rst_storm' => ['seconds' => 2.0, 'batch' => 100],
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
