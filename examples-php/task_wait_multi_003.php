<?php
// Seed 003 (section "## taskWaitMulti()" example): the seed's snippet as written, run in onReceive
// of a minimal server (one worker, three task workers), which then sends "done" to the client.
// The onTask handler (returning $data * 2) is not part of the seed: the section shows none.
$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set([
    'worker_num'      => 1,
    'task_worker_num' => 3,
]);

$server->on('Receive', function (Swoole\Server $server, $fd, $reactor_id, $data) {
$tasks[] = mt_rand(1000, 9999); //任务1
$tasks[] = mt_rand(1000, 9999); //任务2
$tasks[] = mt_rand(1000, 9999); //任务3
var_dump($tasks);

//等待所有Task结果返回，超时为10s
$results = $server->taskWaitMulti($tasks, 10.0);

if (!isset($results[0])) {
    echo "任务1执行超时了\n";
}
if (isset($results[1])) {
    echo "任务2的执行结果为{$results[1]}\n";
}
if (isset($results[2])) {
    echo "任务3的执行结果为{$results[2]}\n";
}
    $server->send($fd, "done");
});

// Not part of the seed: a task's result is its data times two.
$server->on('Task', function (Swoole\Server $server, $task_id, $src_worker_id, $data) {
    echo "#{$server->worker_id} onTask: task_id=$task_id data=$data\n";
    return $data * 2;
});

$server->on('Finish', function (Swoole\Server $server, $task_id, $data) {
});

$server->start();
