--TEST--
Pool: a SWOOLE_IPC_MSGQUEUE pool fed by another program (plain PHP's msg_send): any message type, the raw text
--EXTENSIONS--
swoole
posix
pcntl
sysvmsg
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

$log = new PoolLog();
pool_watchdog();
$key = 0x52000000 + getmypid();
$pool = new Swoole\Process\Pool(2, SWOOLE_IPC_MSGQUEUE, $key);
$pool->on('Start', function (Swoole\Process\Pool $pool) use ($key, $log) {
    // Another program, without this extension, feeds the queue.
    $feed = 'foreach ([[1, "one"], [7, "seven"], [2, str_repeat("x", 4000)]] as [$t, $m]) msg_send(msg_get_queue(' . $key . '), $t, $m, false);'
        . ' msg_send(msg_get_queue(' . $key . '), 3, ["k" => "v"], true);';
    $proc = proc_open([PHP_BINARY, '-r', $feed], [], $pipes);
    $log->say('feeder exit=' . proc_close($proc));
    Swoole\Timer::tick(10, function () use ($pool, $log) {
        if (count($log->grep('/^got /')) >= 4) {
            $pool->shutdown();
        }
    });
});
$pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
    $log->say('got ' . (strlen($data) > 100 ? strlen($data) . ' bytes' : $data));
});
var_dump($pool->start());
echo implode("\n", $log->grep('/^feeder/')), "\n";
$got = $log->grep('/^got /');
sort($got);
echo implode("\n", $got), "\n";
var_dump(msg_stat_queue(msg_get_queue($key))['msg_qnum']);
msg_remove_queue(msg_get_queue($key));
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
NULL
feeder exit=0
got 4000 bytes
got a:1:{s:1:"k";s:1:"v";}
got one
got seven
int(0)
children left: 0
