--TEST--
Server task API misuse: start() without onTask (Swoole's log line, then its fatal error); task()/taskwait()/taskWaitMulti() without task workers, before start, with a bad task worker id or inside a task worker; finish() outside onTask; taskCo() — each warns and returns false
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$script = __DIR__ . '/servers/task_errors.php';
/** Output printed since $from (an offset into the whole output). */
function since(ServerProcess $srv, int &$from): string
{
    $out = $srv->output();
    $new = substr($out, $from);
    $from = strlen($out);
    return $new;
}

echo "=== task_worker_num without onTask\n";
$srv = new ServerProcess($script, [free_port(), 'no_ontask'], ['log_errors' => 0]);
kill_on_exit($srv);
echo $srv->wait();
var_dump($srv->exitCode);

echo "=== before start()\n";
$s = new Swoole\Server('127.0.0.1', free_port(), SWOOLE_BASE);
$s->set(['task_worker_num' => 1]);
var_dump($s->task('x'), $s->taskwait('x'), $s->taskWaitMulti(['x']));

echo "=== no task_worker_num\n";
$port = free_port();
$srv = new ServerProcess($script, [$port, 'no_task_workers'], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLine('/^onWorkerStart id=0$/');
$from = strlen($srv->output());
$c = new TestClient($port);
echo ask($c, 'go'), "\n";
echo since($srv, $from);
$c->close();
$srv->stop();
var_dump($srv->exitCode);

echo "=== finish() in a task worker's onWorkerStart\n";
$port = free_port();
$srv = new ServerProcess($script, [$port, 'normal'], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart id=/', 3);
$from = 0;
// three processes started at once: their lines may interleave, so sort them
$lines = array_filter(explode("\n", since($srv, $from)), 'strlen');
sort($lines);
echo implode("\n", $lines), "\n";

echo "=== in a worker\n";
$c = new TestClient($port);
echo ask($c, 'worker'), "\n";
echo since($srv, $from);

echo "=== in onTask, then finish() in onFinish\n";
echo ask($c, 'intask'), "\n";
$srv->waitForLine('/^onFinish id=0 /');
// the worker's line and the task worker's lines may come in either order
$new = since($srv, $from);
echo preg_match("/^task\\('go'\\) = .*$/m", $new, $m) ? $m[0] : '?', "\n";
echo preg_replace("/^task\\('go'\\) = .*\n/m", '', $new);
$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECTF--
=== task_worker_num without onTask
[%s]	WARNING	Server::start_check() (ERRNO 9015): require 'onTask' callback
Fatal error: Swoole\Server::start(): failed to start server. Error: Server::start_check() (ERRNO 9015): require 'onTask' callback in %s/servers/task_errors.php on line %d
int(255)
=== before start()

Warning: Swoole\Server::task(): server is not running in %s on line %d

Warning: Swoole\Server::taskwait(): server is not running in %s on line %d

Warning: Swoole\Server::taskWaitMulti(): server is not running in %s on line %d
bool(false)
bool(false)
bool(false)
=== no task_worker_num
done
Warning: Swoole\Server::task(): task method can't be executed without task worker in %s/servers/task_errors.php on line %d
task('x') = false
Warning: Swoole\Server::taskwait(): task method can't be executed without task worker in %s/servers/task_errors.php on line %d
taskwait('x') = false
Warning: Swoole\Server::taskWaitMulti(): task method can't be executed without task worker in %s/servers/task_errors.php on line %d
taskWaitMulti(['x']) = false
int(0)
=== finish() in a task worker's onWorkerStart
Warning: Swoole\Server::finish(): finish() can only be used in a task worker, while it runs a task in %s/servers/task_errors.php on line %d
Warning: Swoole\Server::finish(): finish() can only be used in a task worker, while it runs a task in %s/servers/task_errors.php on line %d
onWorkerStart id=0
onWorkerStart id=1
onWorkerStart id=2
task worker #1: finish('x') = false
task worker #2: finish('x') = false
=== in a worker
done
Warning: Swoole\Server::finish(): finish() can only be used in a task worker, while it runs a task in %s/servers/task_errors.php on line %d
finish('x') = false
Warning: Swoole\Server::taskCo(): taskCo() needs coroutines, which this extension does not provide; use taskWaitMulti() in %s/servers/task_errors.php on line %d
taskCo(['x']) = false
Warning: Swoole\Server::task(): worker_id must be less than task_worker_num[2] in %s/servers/task_errors.php on line %d
task('x', 2) = false
Warning: Swoole\Server::taskwait(): worker_id must be less than task_worker_num[2] in %s/servers/task_errors.php on line %d
taskwait('x', 0.5, 2) = false
=== in onTask, then finish() in onFinish
done
task('go') = 0
Warning: Swoole\Server::task(): Server->task() cannot use in the task-worker in %s/servers/task_errors.php on line %d
onTask: task('x') = false
Warning: Swoole\Server::taskwait(): taskwait method can only be used in the worker process in %s/servers/task_errors.php on line %d
onTask: taskwait('x') = false
Warning: Swoole\Server::taskWaitMulti(): %s in %s/servers/task_errors.php on line %d
onTask: taskWaitMulti(['x']) = false
Warning: Swoole\Server::taskCo(): taskCo() needs coroutines, which this extension does not provide; use taskWaitMulti() in %s/servers/task_errors.php on line %d
onTask: taskCo(['x']) = false
Warning: Swoole\Server::finish(): finish() can only be used in a task worker, while it runs a task in %s/servers/task_errors.php on line %d
onFinish: finish('x') = false
onFinish id=0 data=task done
int(0)
array(0) {
}