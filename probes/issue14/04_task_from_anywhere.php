<?php
// Item 4: task() from every process but a task worker; from anything but an
// event worker the task is one-way (finish() false, a log line only);
// sendMessage() destinations. Run: php 04_task_from_anywhere.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_INFO]);
$s->on('receive', function () {});
$s->on('pipeMessage', function ($s, $src, $msg) {
    echo "worker#{$s->worker_id} pipeMessage from $src: $msg\n";
});
$s->on('task', function ($s, $id, $src, $data) {
    echo "onTask id=$id src=$src data=$data\n";
    echo "finish(): ", var_export($s->finish("result of $data"), true), "\n";
});
$s->on('finish', function ($s, $id, $data) {
    echo "onFinish in worker#{$s->worker_id}: $data\n";
});
$s->on('start', function ($s) {
    echo "onStart task(): ", var_export($s->task("from onStart"), true), "\n";
});
$user = new Swoole\Process(function ($p) use ($s) {
    usleep(200000);
    echo "user process task(): ", var_export($s->task("from user process"), true), "\n";
    echo "user process sendMessage(): ", var_export($s->sendMessage("from user process", 1), true), "\n";
    usleep(2000000);
});
$s->addProcess($user);
$s->on('workerStart', function ($s, $id) {
    if ($id === 0) {
        Swoole\Timer::after(500, function () use ($s) {
            echo "worker#0 task(): ", var_export($s->task("from worker 0"), true), "\n";
            echo "to self: ", var_export($s->sendMessage("x", 0), true), "\n";
            echo "to 99: ", var_export($s->sendMessage("x", 99), true), "\n";
            echo "to -1: ", var_export($s->sendMessage("x", -1), true), "\n";
            echo "to task worker 2: ", var_export($s->sendMessage("to the task worker", 2), true), "\n";
        });
        Swoole\Timer::after(1200, fn() => $s->shutdown());
    }
    if ($s->taskworker) {
        echo "task worker sendMessage to self: ", var_export($s->sendMessage("x", $id), true), "\n";
    }
});
$s->on('managerStart', function ($s) {
    Swoole\Timer::after(300, function () use ($s) {
        echo "manager task(): ", var_export($s->task("from manager"), true), "\n";
        echo "manager sendMessage(): ", var_export($s->sendMessage("from manager", 1), true), "\n";
        echo "manager sendMessage(99): ", var_export($s->sendMessage("x", 99), true), "\n";
    });
});
$s->start();
echo "start() returned\n";
