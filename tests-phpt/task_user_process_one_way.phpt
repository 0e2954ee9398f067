--TEST--
Server::task() from an addProcess user process is one-way: onTask runs (src = the process id), its return value is dropped without a word, finish() there is false and only logged (as Swoole: no PHP warning); taskwait()/taskWaitMulti() in a user process warn and return false
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_user_process.php', [$port], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);

// the user process's output, in its order (other processes print at the same time)
$srv->waitForLines('/^user: task\(\) = /', 2);
// Other processes print at the same time, and PHP writes a warning in more
// than one piece: a worker's line can land inside it. Take those out.
$clean = fn(string $out) => preg_replace('/onWorkerStart id=\d+\n/', '', $out);
$lines = explode("\n", $clean($srv->output()));
echo implode("\n", preg_grep('/^user: |Warning: .*(taskwait|taskWaitMulti)\(\)/', $lines)), "\n";

// the task worker runs both one-way tasks, from process id 2 (worker_num + task_worker_num + 0)
$srv->waitForLines('/^onTask id=\d+ src=2 /', 2);
$srv->waitForLine('/^finish\(\) = /');
echo implode("\n", preg_grep('/^(onTask|finish\(\))|WARNING\t.*finish\(\)/', explode("\n", $clean($srv->output())))), "\n";

// a task from the worker goes to the same (only) task worker after them, and
// its result is the first and only one to reach onFinish
$c = new TestClient($port);
echo ask($c, 'task'), "\n";
echo $srv->waitForLine('/^onFinish /'), "\n";
$c->close();

$out = $srv->stop();
var_dump($srv->exitCode);
echo "onTask lines: ", count(preg_grep('/^onTask /', explode("\n", $out))), "\n";
echo "onFinish lines: ", count(preg_grep('/^onFinish /', explode("\n", $out))), "\n";
echo "warnings: ", substr_count($out, 'Warning'), "\n";
var_dump(child_pids($srv->pid));
?>
--EXPECTF--
Warning: Swoole\Server::taskwait(): taskwait can't be used in a user process: its tasks are one-way in %s on line %d
user: taskwait() = false
Warning: Swoole\Server::taskWaitMulti(): taskWaitMulti can't be used in a user process: its tasks are one-way in %s on line %d
user: taskWaitMulti() = false
user: task() = 0
user: task() = 1
onTask id=0 src=2 data={"from":"user","how":"return"}
onTask id=1 src=2 data={"from":"user","how":"finish"}
[%s]	WARNING	Server::finish(): Server::finish() can only be used in the worker process
finish() = false
id=0
onFinish id=0 data="result of worker" in wid=0
int(0)
onTask lines: 3
onFinish lines: 1
warnings: 2
array(0) {
}
