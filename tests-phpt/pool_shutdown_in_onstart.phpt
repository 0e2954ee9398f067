--TEST--
Process\Pool: shutdown() or stop() called in onStart ends the pool cleanly once its workers started (onShutdown runs, start() returns null, the script goes on); the SIGTERM it sends waits for the master's handlers instead of killing the master
--EXTENSIONS--
swoole
--FILE--
<?php
foreach (['shutdown', 'stop'] as $how) {
    $pool = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK);
    $pool->set(['log_level' => SWOOLE_LOG_NONE]);
    $pool->on('workerStart', function () {});
    $pool->on('message', function () {});
    $pool->on('start', function ($pool) use ($how) {
        echo "onStart calls $how(): ";
        var_dump($pool->$how());
    });
    $pool->on('shutdown', function () {
        echo "onShutdown\n";
    });
    var_dump($pool->start());
}
echo "script goes on\n";
?>
--EXPECT--
onStart calls shutdown(): bool(true)
onShutdown
NULL
onStart calls stop(): NULL
onShutdown
NULL
script goes on
