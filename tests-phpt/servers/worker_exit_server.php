<?php
/**
 * onWorkerExit: a worker with a tick timer is reloaded. usage: PORT MODE(base|process) CLEAR(1|0)
 * With CLEAR=1 onWorkerExit clears the timers, so the worker can exit at
 * once; with 0 it waits for max_wait_time (1 s) and is stopped by force.
 */
$clear = ($argv[3] ?? '1') === '1';
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
// (a large max_request gives BASE mode a manager, which reload() needs)
$server->set(['worker_num' => 1, 'max_wait_time' => 1, 'max_request' => $argv[2] === 'base' ? 1000000 : 0]);
$server->on('workerStart', function ($s, $id) {
    Swoole\Timer::tick(50, function () {});
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
});
$exits = 0;
$server->on('workerExit', function ($s, $id) use (&$exits, $clear) {
    if ($exits++ === 0) {
        echo "onWorkerExit id=$id pid=" . getmypid() . "\n";
    }
    if ($clear) {
        Swoole\Timer::clearAll();
    }
});
$server->on('workerStop', function ($s, $id) use (&$exits) {
    echo "onWorkerStop id=$id pid=" . getmypid() . " exits=" . ($exits > 0 ? 'yes' : 'no') . "\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, 'reload=' . var_export($s->reload(), true) . "\n");
});
$server->start();
