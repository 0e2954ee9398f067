<?php
// Item 1: the manager runs a PHP event loop: Timer::tick/after/clear,
// Event::defer, getWorkerPid(), sendMessage(), task() and shutdown() work
// in onManagerStart and in timers created there, while it goes on
// supervising. Run: php 01_manager_loop.php base|process [defer]
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('pipeMessage', function ($s, $src, $msg) {
    echo "worker#{$s->worker_id} pipeMessage from $src: $msg\n";
});
$s->on('task', function ($s, $id, $src, $data) {
    echo "task from src=$src: $data\n";
    var_dump($s->finish("r"));
});
$s->on('finish', function () {
    echo "finish (unexpected)\n";
});
$s->on('managerStart', function ($s) {
    echo "managerStart is manager: ", var_export(posix_getpid() === $s->manager_pid, true), "\n";
    if (in_array('defer', $GLOBALS['argv'], true)) {
        // Swoole 6.2.1: a fatal error, "Unable to use async-io in manager process"
        Swoole\Event::defer(function () {
            echo "defer ran in manager\n";
        });
    }
    $n = 0;
    $last = microtime(true);
    $later = Swoole\Timer::after(10000, function () { echo "never\n"; });
    var_dump(Swoole\Timer::clear($later));
    Swoole\Timer::tick(100, function ($id) use ($s, &$n, &$last) {
        $now = microtime(true);
        $gap = (int)round(($now - $last) * 1000 / 10) * 10;
        $last = $now;
        $n++;
        echo "manager tick $n (~{$gap} ms)\n";
        if ($n === 2) {
            var_dump($s->getWorkerPid(0) > 0);
            var_dump($s->sendMessage("hi from manager", 0));
            var_dump($s->task("from manager"));
        }
        if ($n === 3) {
            echo "manager send(): ", var_export($s->send(1, "from manager\n"), true), "\n";
            echo "manager exists(1): ", var_export($s->exists(1), true), "\n";
        }
        if ($n === 4) {
            Swoole\Timer::clear($id);
            echo "manager calls shutdown\n";
            $s->shutdown();
        }
    });
});
// a client holding session 1 open
$s->addProcess(new Swoole\Process(function () use ($port) {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $e, $es, 2);
    stream_set_timeout($c, 2);
    echo "client got: ", json_encode(fgets($c)), "\n";
    sleep(2);
}));
$s->on('shutdown', function () {
    echo "shutdown\n";
});
$s->start();
echo "start() returned\n";
