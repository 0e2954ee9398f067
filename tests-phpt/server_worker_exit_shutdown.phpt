--TEST--
At shutdown, as Swoole: onWorkerExit runs only in a worker whose timers keep its loop (worker 1, which clears its tick there and stops at once), not in one that can leave at once (worker 0); both then get onWorkerStop; BASE and PROCESS
--EXTENSIONS--
swoole
--FILE--
<?php
foreach ([SWOOLE_BASE => 'base', SWOOLE_PROCESS => 'process'] as $mode => $name) {
    $log = sys_get_temp_dir() . '/swoole-exit-shutdown-' . getmypid() . ".$name";
    @unlink($log);
    $s = new Swoole\Server('127.0.0.1', 0, $mode);
    $s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_ERROR, 'max_wait_time' => 3]);
    $s->on('receive', function () {});
    $s->on('workerStart', function ($s, $id) {
        if ($id == 1) {
            $GLOBALS['tick'] = Swoole\Timer::tick(50, function () {});
            $s->sendMessage('ticking', 0);
        }
    });
    // Worker 0 shuts the server down once worker 1's tick exists.
    $s->on('pipeMessage', function ($s) { $s->shutdown(); });
    $s->on('workerExit', function ($s, $id) use ($log) {
        file_put_contents($log, "onWorkerExit $id\n", FILE_APPEND);
        if (isset($GLOBALS['tick'])) {
            Swoole\Timer::clear($GLOBALS['tick']);
            unset($GLOBALS['tick']);
        }
    });
    $s->on('workerStop', function ($s, $id) use ($log) { file_put_contents($log, "onWorkerStop $id\n", FILE_APPEND); });
    $t = microtime(true);
    $s->start();
    $lines = file($log);
    sort($lines);
    echo "-- $name\n", implode('', $lines);
    echo 'before max_wait_time: ', var_export(microtime(true) - $t < 3, true), "\n";
    unlink($log);
    unset($s);
}
?>
--EXPECT--
-- base
onWorkerExit 1
onWorkerStop 0
onWorkerStop 1
before max_wait_time: true
-- process
onWorkerExit 1
onWorkerStop 0
onWorkerStop 1
before max_wait_time: true
