--TEST--
Process: message queue: useQueue() in the parent, push() in the child, statQueue() and pop() in the parent, freeQueue()
--EXTENSIONS--
swoole
posix
sysvmsg
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/process_helpers.php';

// a key of our own, so tests running in parallel do not share a queue
$key = 0x53570000 + getmypid() % 0xFFFF;

// pipe_type 0: no pipe, the queue is the only channel (as in the Swoole documentation's example)
$proc = new Swoole\Process(function (Swoole\Process $worker) {
    $worker->push("message one");
    $worker->push("message two");
}, false, 0);
var_dump($proc->useQueue($key));
echo "msgQueueKey: ";
same($proc->msgQueueKey, $key);
echo "msgQueueId is an int: ", var_export(is_int($proc->msgQueueId), true), "\n";

$pid = $proc->start();
kill_child_on_exit($pid);
register_shutdown_function(function () use ($key) {
    if (msg_queue_exists($key)) {
        msg_remove_queue(msg_get_queue($key));
        echo "[test: queue was left behind, removed]\n";
    }
});
echo "child: ";
same(Swoole\Process::wait(), ['pid' => $pid, 'code' => 0, 'signal' => 0]);

// both messages wait in the queue now
var_dump($proc->statQueue());
var_dump($proc->pop());
var_dump($proc->pop());
var_dump($proc->statQueue());

var_dump($proc->freeQueue());
echo "queue gone: ", var_export(!msg_queue_exists($key), true), "\n";
echo "statQueue after freeQueue: ", var_export(@$proc->statQueue(), true), "\n";
?>
--EXPECT--
bool(true)
msgQueueKey: as expected
msgQueueId is an int: true
child: as expected
array(2) {
  ["queue_num"]=>
  int(2)
  ["queue_bytes"]=>
  int(22)
}
string(11) "message one"
string(11) "message two"
array(2) {
  ["queue_num"]=>
  int(0)
  ["queue_bytes"]=>
  int(0)
}
bool(true)
queue gone: true
statQueue after freeQueue: false
