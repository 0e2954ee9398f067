<?php
/** PROCESS mode: timers created in onStart run in the master. usage: PORT */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$server->set(['worker_num' => 1]);
$server->on('start', function (Swoole\Server $s) {
    $ticks = 0;
    Swoole\Timer::tick(50, function (int $id) use ($s, &$ticks) {
        echo "tick in master: ", var_export(getmypid() === $s->master_pid, true), "\n";
        if (++$ticks === 3) {
            Swoole\Timer::clear($id);
            $s->shutdown();
        }
    });
    Swoole\Timer::tick(1000, fn() => null); // left running: it ends with the server
});
$server->on('receive', function () {});
$server->start();
echo "start returned\n";
