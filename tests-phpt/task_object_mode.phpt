--TEST--
Server task_object / task_use_object / task_enable_coroutine: onTask($server, Swoole\Server\Task $task) with data, id, worker_id, flags, dispatch_time; $task->finish() and a return value send results to onFinish, a finish callback and taskwait
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['task_object', 'task_use_object', 'task_enable_coroutine'] as $setting) {
    echo "--- $setting\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/task_object.php', [$port, $setting]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLines('/^onWorkerStart /', 3);
    $c = new TestClient($port);

    echo ask($c, 'str'), "\n";
    echo $srv->waitForLine('/^onTask .*data="hello"/'), "\n";
    echo $srv->waitForLine('/^onFinish id=0 /'), "\n";

    echo ask($c, 'arr'), "\n";
    echo $srv->waitForLine('/^onTask .*data=\{/'), "\n";
    echo $srv->waitForLine('/^onFinish id=1 /'), "\n";

    echo ask($c, 'cb'), "\n";
    echo $srv->waitForLine('/^onTask .*data="cb"/'), "\n";
    echo $srv->waitForLine('/^callback id=2 /'), "\n";

    echo ask($c, 'wait'), "\n";
    echo $srv->waitForLine('/^onTask .*data="w"/'), "\n";

    $c->close();
    $out = $srv->stop();
    var_dump($srv->exitCode);
    echo "finish() calls: ", json_encode(array_values(preg_grep('/^finish\(\)/', explode("\n", $out)))), "\n";
    echo "onFinish lines: ", count(preg_grep('/^onFinish/', explode("\n", $out))), ", warnings: ", substr_count($out, 'Warning'), "\n";
    var_dump(child_pids($srv->pid));
}
?>
--EXPECT--
--- task_object
id=0
onTask args=2 class=Swoole\Server\Task id=0 worker_id=0 flags=4 data="hello" dispatch_time=recent
onFinish id=0 data="olleh"
id=1
onTask args=2 class=Swoole\Server\Task id=1 worker_id=0 flags=6 data={"a":1} dispatch_time=recent
onFinish id=1 data={"got":{"a":1}}
id=2
onTask args=2 class=Swoole\Server\Task id=2 worker_id=0 flags=12 data="cb" dispatch_time=recent
callback id=2 data="bc"
"w"
onTask args=2 class=Swoole\Server\Task id=3 worker_id=0 flags=0 data="w" dispatch_time=recent
int(0)
finish() calls: ["finish() = true","finish() = true","finish() = true"]
onFinish lines: 2, warnings: 0
array(0) {
}
--- task_use_object
id=0
onTask args=2 class=Swoole\Server\Task id=0 worker_id=0 flags=4 data="hello" dispatch_time=recent
onFinish id=0 data="olleh"
id=1
onTask args=2 class=Swoole\Server\Task id=1 worker_id=0 flags=6 data={"a":1} dispatch_time=recent
onFinish id=1 data={"got":{"a":1}}
id=2
onTask args=2 class=Swoole\Server\Task id=2 worker_id=0 flags=12 data="cb" dispatch_time=recent
callback id=2 data="bc"
"w"
onTask args=2 class=Swoole\Server\Task id=3 worker_id=0 flags=0 data="w" dispatch_time=recent
int(0)
finish() calls: ["finish() = true","finish() = true","finish() = true"]
onFinish lines: 2, warnings: 0
array(0) {
}
--- task_enable_coroutine
id=0
onTask args=2 class=Swoole\Server\Task id=0 worker_id=0 flags=4 data="hello" dispatch_time=recent
onFinish id=0 data="olleh"
id=1
onTask args=2 class=Swoole\Server\Task id=1 worker_id=0 flags=6 data={"a":1} dispatch_time=recent
onFinish id=1 data={"got":{"a":1}}
id=2
onTask args=2 class=Swoole\Server\Task id=2 worker_id=0 flags=12 data="cb" dispatch_time=recent
callback id=2 data="bc"
"w"
onTask args=2 class=Swoole\Server\Task id=3 worker_id=0 flags=0 data="w" dispatch_time=recent
int(0)
finish() calls: ["finish() = true","finish() = true","finish() = true"]
onFinish lines: 2, warnings: 0
array(0) {
}
