--TEST--
Issue 14 item 4 (both modes): task() from event workers, user processes, the PROCESS master (onStart) and the manager; from anything but an event worker it is one-way: in onTask finish() is false and only the log says why; sendMessage() from the manager; "worker_id[N] is invalid" and "can't send messages to self"
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
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('pipeMessage', function ($s, $src, $msg) {
    echo "worker#{$s->worker_id} onPipeMessage: $msg\n";
});
$s->on('task', function ($s, $id, $src, $data) {
    $r = $s->finish("result of $data");
    echo "onTask $data" . ($data === 'from the user process' ? " src=$src" : '') . " finish(): " . var_export($r, true) . "\n";
});
$s->on('finish', function ($s, $id, $data) {
    echo "onFinish in worker#{$s->worker_id}: $data\n";
});
$s->on('start', function ($s) use ($mode) {
    if ($mode === 'process') {
        echo "master task() is an id: " . var_export(is_int($s->task("from the master")), true) . "\n";
    }
});
$s->addProcess(new Swoole\Process(function () use ($s) {
    usleep(200000);
    echo "user process task() is an id: " . var_export(is_int($s->task("from the user process")), true) . "\n";
    sleep(2);
}));
$s->on('managerStart', function ($s) {
    Swoole\Timer::after(300, function () use ($s) {
        echo "manager task() is an id: " . var_export(is_int($s->task("from the manager")), true) . "\n";
        echo "manager sendMessage(): " . var_export($s->sendMessage("from the manager", 1), true) . "\n";
        echo "manager sendMessage(99): " . var_export($s->sendMessage("x", 99), true) . "\n";
    });
});
$s->on('workerStart', function ($s, $id) {
    if ($s->taskworker) {
        echo "task worker to itself: " . var_export($s->sendMessage("x", $id), true) . "\n";
    }
    if ($id === 0) {
        Swoole\Timer::after(500, function () use ($s) {
            echo "worker#0 task() is an id: " . var_export(is_int($s->task("from worker 0")), true) . "\n";
            echo "worker#0 to itself: " . var_export($s->sendMessage("x", 0), true) . "\n";
            echo "worker#0 to 99: " . var_export($s->sendMessage("x", 99), true) . "\n";
        });
        Swoole\Timer::after(1000, fn() => $s->shutdown());
    }
});
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo sorted_lines(without_log_copies($srv->wait(8)));
}
?>
--EXPECTF--
--- base
Warning: Swoole\Server::sendMessage(): can't send messages to self in %s on line %d
Warning: Swoole\Server::sendMessage(): can't send messages to self in %s on line %d
Warning: Swoole\Server::sendMessage(): worker_id[99] is invalid in %s on line %d
Warning: Swoole\Server::sendMessage(): worker_id[99] is invalid in %s on line %d
[%s]	WARNING	%sfinish()%s
[%s]	WARNING	%sfinish()%s
manager sendMessage(): true
manager sendMessage(99): false
manager task() is an id: true
onFinish in worker#0: result of from worker 0
onTask from the manager finish(): false
onTask from the user process src=3 finish(): false
onTask from worker 0 finish(): true
task worker to itself: false
user process task() is an id: true
worker#0 task() is an id: true
worker#0 to 99: false
worker#0 to itself: false
worker#1 onPipeMessage: from the manager
--- process
Warning: Swoole\Server::sendMessage(): can't send messages to self in %s on line %d
Warning: Swoole\Server::sendMessage(): can't send messages to self in %s on line %d
Warning: Swoole\Server::sendMessage(): worker_id[99] is invalid in %s on line %d
Warning: Swoole\Server::sendMessage(): worker_id[99] is invalid in %s on line %d
[%s]	WARNING	%sfinish()%s
[%s]	WARNING	%sfinish()%s
[%s]	WARNING	%sfinish()%s
manager sendMessage(): true
manager sendMessage(99): false
manager task() is an id: true
master task() is an id: true
onFinish in worker#0: result of from worker 0
onTask from the manager finish(): false
onTask from the master finish(): false
onTask from the user process src=3 finish(): false
onTask from worker 0 finish(): true
task worker to itself: false
user process task() is an id: true
worker#0 task() is an id: true
worker#0 to 99: false
worker#0 to itself: false
worker#1 onPipeMessage: from the manager
