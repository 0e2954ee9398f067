--TEST--
Pool: start() of a pool with IPC but neither onMessage nor onWorkerStart is a fatal error, as in Swoole; nothing is forked
--EXTENSIONS--
swoole
--FILE--
<?php
register_shutdown_function(function () {
    echo "children: ", count(glob('/proc/[0-9]*/stat') ? array_filter(glob('/proc/[0-9]*/stat'), function ($f) {
        $s = @file_get_contents($f);
        return $s !== false && (int)explode(' ', substr($s, strrpos($s, ')') + 2))[1] === getmypid();
    }) : []), "\n";
});
$pool = new Swoole\Process\Pool(2, SWOOLE_IPC_UNIXSOCK);
$pool->on('WorkerStop', function () {});
$pool->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Process\Pool::start(): require 'onMessage' callback in %s on line %d
children: 0
