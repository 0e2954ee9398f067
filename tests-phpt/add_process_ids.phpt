--TEST--
Issue 14 item 8 (both modes): a plain Swoole\Process gets $id 1, 2, 3, ... in creation order; addProcess() takes subclasses, returns the 0-based index among user processes and sets $id to it; inside the started process $id is worker_num + task_worker_num + index
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
class MyProcess extends Swoole\Process {}
$plain1 = new Swoole\Process(function () {});
$plain2 = new Swoole\Process(function () {});
echo "0 plain ids: " . json_encode([$plain1->id, $plain2->id]) . "\n";
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('task', function () {});
foreach (['a', 'b'] as $name) {
    $p = new MyProcess(function ($p) use ($s, $name) {
        echo "2 user process $name: id=" . json_encode($p->id) . " worker_id=" . json_encode($s->worker_id) . "\n";
        sleep(3);
    });
    $before = $p->id;
    $index = $s->addProcess($p);
    echo "1 $name: id before=" . json_encode($before) . " addProcess()=" . json_encode($index) . " id after=" . json_encode($p->id) . "\n";
}
$s->on('workerStart', function ($s, $id) {
    if ($id === 0) {
        Swoole\Timer::after(500, fn() => $s->shutdown());
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
--EXPECT--
--- base
0 plain ids: [1,2]
1 a: id before=3 addProcess()=0 id after=0
1 b: id before=4 addProcess()=1 id after=1
2 user process a: id=3 worker_id=-1
2 user process b: id=4 worker_id=-1
--- process
0 plain ids: [1,2]
1 a: id before=3 addProcess()=0 id after=0
1 b: id before=4 addProcess()=1 id after=1
2 user process a: id=3 worker_id=-1
2 user process b: id=4 worker_id=-1
