<?php
// Item 7: onBeforeShutdown runs in the master first thing on shutdown, while
// its loop still runs, before the workers stop and before onShutdown.
// Run: php 07_before_shutdown.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$master = posix_getpid();
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$where = function ($s) use ($master) {
    return posix_getpid() === $master ? 'master' : (posix_getpid() === $s->manager_pid ? 'manager' : "worker#{$s->worker_id}");
};
$s->on('beforeShutdown', function ($s) use ($where) {
    echo "beforeShutdown in ", $where($s), "\n";
    Swoole\Timer::after(1, function () {
        echo "a timer created in beforeShutdown ran\n";
    });
});
$s->on('shutdown', function ($s) use ($where) {
    echo "shutdown in ", $where($s), "\n";
});
$s->on('workerStop', function ($s, $id) use ($where) {
    echo "workerStop in ", $where($s), "\n";
});
$s->on('managerStop', function ($s) use ($where) {
    echo "managerStop in ", $where($s), "\n";
});
$s->on('workerStart', function ($s, $id) {
    if ($id === 0) {
        Swoole\Timer::after(300, fn() => $s->shutdown());
    }
});
$s->start();
echo "start() returned\n";
