--TEST--
Pool: an uncaught exception, exit() or a fatal error in a worker ends only that worker (status 255 or exit's), which is replaced and takes the next message
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

pool_watchdog();
$pool = new Swoole\Process\Pool(1, SWOOLE_IPC_UNIXSOCK);
$pool->on('Start', function ($pool) {
    foreach (['exception', 'after-exception', 'exit', 'after-exit', 'fatal', 'after-fatal', 'shutdown'] as $m) {
        $pool->sendMessage($m, 0);
    }
});
$pool->on('WorkerStart', function ($pool, $id) {
    echo "worker #$id starts\n";
});
$pool->on('Message', function ($pool, $msg) {
    echo "message: $msg\n";
    switch ($msg) {
        case 'exception': throw new RuntimeException('thrown in onMessage');
        case 'exit': exit(7);
        case 'fatal': undefined_function_of_this_test();
        case 'shutdown': $pool->shutdown();
    }
});
$pool->on('WorkerStop', function ($pool, $id) {
    echo "worker #$id stops\n";
});
var_dump($pool->start());
echo "children left: ", count(my_children()), "\n";
?>
--EXPECTF--
worker #0 starts
message: exception

Fatal error: Uncaught RuntimeException: thrown in onMessage in %s:%d
Stack trace:
#0 [internal function]: {closure}(Object(Swoole\Process\Pool), 'exception')
#1 %s(%d): Swoole\Process\Pool->start()
#2 {main}
  thrown in %s on line %d
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=0) abnormal exit, status=255, signal=0
worker #0 starts
message: after-exception
message: exit
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=0) abnormal exit, status=7, signal=0
worker #0 starts
message: after-exit
message: fatal

Fatal error: Uncaught Error: Call to undefined function undefined_function_of_this_test() in %s:%d
Stack trace:
#0 [internal function]: {closure}(Object(Swoole\Process\Pool), 'fatal')
#1 %s(%d): Swoole\Process\Pool->start()
#2 {main}
  thrown in %s on line %d
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=0) abnormal exit, status=255, signal=0
worker #0 starts
message: after-fatal
message: shutdown
worker #0 stops
NULL
children left: 0
