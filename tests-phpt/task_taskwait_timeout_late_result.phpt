--TEST--
Server::taskwait()/taskWaitMulti(): a timeout returns false (error 2003) after about the timeout; the late result of the timed-out task is not returned by the next taskwait, nor given to onFinish; taskWaitMulti keeps the input's keys and leaves out what timed out
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_wait.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$c = new TestClient($port);

echo "--- taskwait\n";
echo ask($c, 'slow'), "\n";
// the slow task is still running: this one waits behind it, and the slow one's
// result reaches the worker first
echo ask($c, 'fast'), "\n";
echo $srv->waitForLine('/done: slow$/'), "\n";
echo ask($c, 'dst'), "\n";

echo "--- taskWaitMulti\n";
echo ask($c, 'multi'), "\n";
echo ask($c, 'fast'), "\n";
echo $srv->waitForLine('/done: slow multi$/'), "\n";
echo ask($c, 'list'), "\n";

// twice in a row: a timed-out taskwait, then one that must get its own result
echo "--- again\n";
echo ask($c, 'slow'), "\n";
echo ask($c, 'slow'), "\n";
echo ask($c, 'fast'), "\n";

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
echo "onTask lines: ", count(preg_grep('/^onTask /', explode("\n", $out))), "\n";
echo "onFinish lines: ", count(preg_grep('/^onFinish /', explode("\n", $out))), "\n";
echo "warnings: ", substr_count($out, 'Warning'), "\n";
var_dump(child_pids($srv->pid));
?>
--EXPECT--
--- taskwait
[false,2003,"about 0.2 s"]
"result:fast"
onTask id=0 done: slow
"result:dst"
--- taskWaitMulti
[{"a":"result:a","7":"result:seven"},"about 0.3 s"]
"result:fast"
onTask id=5 done: slow multi
["result:x","result:y","result:z"]
--- again
[false,2003,"about 0.2 s"]
[false,2003,"about 0.2 s"]
"result:fast"
int(0)
onTask lines: 13
onFinish lines: 0
warnings: 0
array(0) {
}
