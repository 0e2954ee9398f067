<?php
// Item 5: an uncaught exception in onTask, or a result that cannot be
// serialized, prints PHP's fatal error and the same task worker goes on;
// finish() that cannot deliver within socket_send_timeout is false with a log
// line. Run: php 05_task_worker_survives.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'socket_send_timeout' => 0.5, 'log_level' => SWOOLE_LOG_INFO]);
$s->on('receive', function () {});
$s->on('task', function ($s, $id, $src, $data) {
    echo "onTask $data\n";
    switch ($data) {
        case 'throw':
            throw new RuntimeException("thrown in onTask");
        case 'closure':
            return function () {};
        case 'flood':
            $t = microtime(true);
            // small results (big ones go through temporary files in Swoole)
            for ($i = 0; $i < 100000; $i++) {
                if (!$s->finish(str_repeat('x', 4000))) {
                    printf("finish() false after %d results, %.1f s\n", $i, microtime(true) - $t);
                    return null;
                }
            }
            echo "finish() never failed\n";
            return null;
    }
    return "ok $data";
});
$s->on('workerError', function ($s, $id, $pid, $code, $sig) {
    echo "workerError worker#$id code=$code sig=$sig\n";
});
$s->on('finish', function ($s, $id, $data) {
    if (strlen($data) < 100) {
        echo "onFinish: $data\n";
    } elseif (($GLOBALS["big"] = ($GLOBALS["big"] ?? 0) + 1) === 1) {
        echo "onFinish: the flood's results arrive\n";
    }
});
$s->on('workerStart', function ($s, $id) {
    if ($id !== 0) {
        return;
    }
    $before = $s->getWorkerPid(1);
    Swoole\Timer::after(200, fn() => $s->task('throw'));
    Swoole\Timer::after(400, fn() => $s->task('closure'));
    Swoole\Timer::after(600, fn() => $s->task('after'));
    Swoole\Timer::after(800, function () use ($s) {
        $s->task('flood');
        sleep(2); // do not read the results
    });
    Swoole\Timer::after(3500, function () use ($s, $before) {
        echo "task worker pid unchanged: ", var_export($s->getWorkerPid(1) === $before, true), "\n";
        $s->shutdown();
    });
});
$s->start();
echo "start() returned\n";
