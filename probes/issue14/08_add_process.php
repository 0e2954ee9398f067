<?php
// Item 8: addProcess() takes any Swoole\Process (subclasses too) and returns
// its 0-based index among user processes, setting $process->id; inside the
// started process $id is worker_num + task_worker_num + index; a plain
// Process gets $id 1, 2, 3, ... in creation order.
// Run: php 08_add_process.php base|process [bad]
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
class MyProcess extends Swoole\Process {}
$plain1 = new Swoole\Process(function () {});
$plain2 = new Swoole\Process(function () {});
var_dump($plain1->id, $plain2->id);
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('task', function () {});
$procs = [];
foreach (['a', 'b'] as $name) {
    $p = new MyProcess(function ($p) use ($s, $name) {
        echo "user process $name: id=", var_export($p->id, true), " worker_id=", var_export($s->worker_id, true), "\n";
        usleep(300000);
    });
    var_dump($p->id);
    var_dump($s->addProcess($p));
    var_dump($p->id);
    $procs[] = $p;
}
if (in_array('bad', $argv, true)) {
    // Swoole 6.2.1: Fatal error "object is not instanceof swoole_process"
    var_dump($s->addProcess(new stdClass));
}
$s->on('workerStart', function ($s, $id) {
    if ($id === 0) {
        Swoole\Timer::after(500, fn() => $s->shutdown());
    }
});
$s->start();
echo "start() returned\n";
