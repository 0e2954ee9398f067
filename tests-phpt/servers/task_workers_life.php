<?php
/**
 * One worker and two task workers (ids 1 and 2), printing their lifecycle,
 * for task_worker_killed and task_max_request.
 *
 * usage: php task_workers_life.php PORT [TASK_MAX_REQUEST]
 *
 * Commands (reply: one line):
 *   hold      task('hold', 0): onTask prints "busy id=1 pid=P" and sleeps 20 s  -> "id=N"
 *   pid DST   taskwait('pid', 2.0, DST): the pid of task worker DST, from onTask
 *   burst N   N x task('pid', 0) at once; onFinish prints each result            -> "ids=[...]"
 */
$settings = ['worker_num' => 1, 'task_worker_num' => 2];
if (isset($argv[2])) {
    $settings['task_max_request'] = (int)$argv[2];
}
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set($settings);

$server->on('workerStart', function (Swoole\Server $s, $id) {
    // getWorkerId()/getWorkerPid() name the calling process in task workers too.
    $self = $s->getWorkerId() === $id && $s->getWorkerPid() === getmypid();
    echo "onWorkerStart id=$id pid=" . getmypid() . " taskworker=" . var_export($s->taskworker, true)
        . " self=" . var_export($self, true) . "\n";
});
$server->on('workerStop', function (Swoole\Server $s, $id) {
    echo "onWorkerStop id=$id pid=" . getmypid() . "\n";
});
$server->on('workerError', function (Swoole\Server $s, $id, $pid, $code, $signal) {
    echo "onWorkerError id=$id pid=$pid exit_code=$code signal=$signal in=" . getmypid() . "\n";
});

$server->on('task', function (Swoole\Server $s, $id, $src, $data) {
    if ($data === 'hold') {
        echo "busy id={$s->worker_id} pid=" . getmypid() . "\n";
        sleep(20);
    }
    return "pid=" . getmypid() . " wid={$s->worker_id}";
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=$data\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $parts = explode(' ', trim($data));
    $reply = match ($parts[0]) {
        'hold' => 'id=' . $s->task('hold', 0),
        'pid' => var_export($s->taskwait('pid', 2.0, (int)$parts[1]), true),
        'burst' => 'ids=' . json_encode(array_map(fn() => $s->task('pid', 0), range(1, (int)$parts[1]))),
    };
    $s->send($fd, "$reply\n");
});

$ret = $server->start();
echo "after start: " . var_export($ret, true) . "\n";
