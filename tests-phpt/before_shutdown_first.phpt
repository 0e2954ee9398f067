--TEST--
Issue 14 item 7 (both modes): onBeforeShutdown runs on shutdown while the loop still runs (a timer made there fires) and before onShutdown: in the PROCESS master first thing, before any worker stops; in BASE in worker 0 (where onStart ran), before it stops
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$master = posix_getpid();
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$say = function ($s, string $what) use ($master) {
    $where = posix_getpid() === $master ? 'master' : (posix_getpid() === $s->manager_pid ? 'manager' : "worker#{$s->worker_id}");
    echo hrtime(true) . " $what in $where\n";
};
$s->on('beforeShutdown', function ($s) use ($say) {
    $say($s, 'onBeforeShutdown');
    Swoole\Timer::after(1, fn() => $say($s, 'a timer made in onBeforeShutdown'));
});
$s->on('shutdown', fn($s) => $say($s, 'onShutdown'));
$s->on('workerStop', fn($s) => $say($s, 'onWorkerStop'));
$s->on('workerStart', function ($s, $id) {
    if ($id === 0) {
        Swoole\Timer::after(300, fn() => $s->shutdown());
    }
});
$s->start();
PHP;
foreach (['process', 'base'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    $lines = explode("\n", by_time($srv->wait(8)));
    // in PROCESS mode the two workers stop in either order after it; in BASE
    // worker 1 stops on its own
    $lines = $mode === 'base'
        ? array_filter($lines, fn($l) => !str_contains($l, 'worker#1'))
        : preg_replace('/onWorkerStop in worker#\d/', 'onWorkerStop in a worker', $lines);
    echo implode("\n", $lines);
}
?>
--EXPECT--
--- process
onBeforeShutdown in master
a timer made in onBeforeShutdown in master
onWorkerStop in a worker
onWorkerStop in a worker
onShutdown in master
--- base
onBeforeShutdown in worker#0
a timer made in onBeforeShutdown in worker#0
onWorkerStop in worker#0
onShutdown in master
