--TEST--
Issue 14 item 1: the manager runs a PHP event loop (both modes): Timer::tick/after/clear on schedule, getWorkerPid(), sendMessage(), task() (one-way), send() and shutdown() from onManagerStart and its timers
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
$s->on('receive', function () {});
$s->on('pipeMessage', function ($s, $src, $msg) {
    echo "worker#{$s->worker_id} onPipeMessage: $msg\n";
});
$s->on('task', function ($s, $id, $src, $data) {
    echo "onTask: $data\n";
});
$s->addProcess(new Swoole\Process(function () use ($port) {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $e, $es, 2);
    stream_set_timeout($c, 3);
    echo "client got: " . json_encode(fgets($c)) . "\n";
    sleep(3);
}));
$s->on('managerStart', function ($s) {
    echo "clear(): " . var_export(Swoole\Timer::clear(Swoole\Timer::after(10000, function () { echo "never\n"; })), true) . "\n";
    $n = 0;
    $last = hrtime(true);
    Swoole\Timer::tick(100, function ($id) use ($s, &$n, &$last) {
        $gap = (hrtime(true) - $last) / 1e6;
        $last = hrtime(true);
        $n++;
        echo "manager tick $n on time: " . var_export($gap > 60 && $gap < 180, true) . "\n";
        if ($n === 2) {
            echo "getWorkerPid(0) > 0: " . var_export($s->getWorkerPid(0) > 0, true) . "\n";
            echo "sendMessage(): " . var_export($s->sendMessage("from manager", 0), true) . "\n";
            echo "task() is an id: " . var_export(is_int($s->task("from manager")), true) . "\n";
        }
        if ($n === 3) {
            echo "send(): " . var_export($s->send(1, "from manager\n"), true) . "\n";
        }
        if ($n === 4) {
            Swoole\Timer::clear($id);
            $s->shutdown();
        }
    });
});
$s->start();
echo "start() returned\n";
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo sorted_lines($srv->wait(8));
}
?>
--EXPECT--
--- base
clear(): true
client got: "from manager\n"
getWorkerPid(0) > 0: true
manager tick 1 on time: true
manager tick 2 on time: true
manager tick 3 on time: true
manager tick 4 on time: true
onTask: from manager
send(): true
sendMessage(): true
start() returned
task() is an id: true
worker#0 onPipeMessage: from manager
--- process
clear(): true
client got: "from manager\n"
getWorkerPid(0) > 0: true
manager tick 1 on time: true
manager tick 2 on time: true
manager tick 3 on time: true
manager tick 4 on time: true
onTask: from manager
send(): true
sendMessage(): true
start() returned
task() is an id: true
worker#0 onPipeMessage: from manager
