--TEST--
Adversarial, framing: exactly package_max_length and one byte more, 1 GiB / 2^31-1 / 0xFFFFFFFF length headers, random garbage on every port, byte-at-a-time senders, while good clients send requests split at random points (all three modes)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

foreach (MODES as $mode) {
    $t = new Target($mode, ['max' => 65536]);
    $good = new GoodClients($t, 8);
    $t->finish($good, $t->underAttack($good, [
        'limits' => ['max' => 65536, 'rounds' => 3],
        'garbage' => ['seconds' => 2.0, 'conns' => 20],
        'bytewise' => ['conns' => 40, 'requests' => 2, 'delay_us' => 1000],
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
