--TEST--
SWOOLE_PROCESS: sendMessage()/onPipeMessage between event workers and to and from a task worker, with strings, arrays, ints, floats, objects and a 200 KiB string; seed 003's sendMessage example in PROCESS mode
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

echo "--- seed 003, PROCESS mode\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/send_message_003.php', $port, true);
kill_on_exit($srv);
wait_for_port($port);
// master -> manager -> 2 workers + 2 task workers
$pids = wait_for_descendants($srv->pid, 5);
echo "descendants: ", count($pids), "\n";
$c = new TestClient($port);
$c->send("hello\n");
$line = $srv->waitForLine('/message from/');
var_dump(preg_match('/^#([01]) message from #([01]): hello task process$/', $line, $m) === 1 && $m[1] !== $m[2]);
// "task": the seed's onTask var_dumps task id, source worker and data
$c->send("task\n");
$srv->waitForLine('/^string\(17\) "async task coming"$/');
echo preg_replace('/\n+$/', '', substr($srv->output(), strpos($srv->output(), "int(0)\n"))), "\n";
$c->close();
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";

echo "--- two workers and a task worker\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, 'process', '{"worker_num":2,"task_worker_num":1}']);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 3);
$pids = wait_for_descendants($srv->pid, 4);
$c = new TestClient($port);
preg_match('/^fd=\d+ wid=([01])$/', ask($c, "fd\n"), $m) or die("no worker id\n");
$w = (int)$m[1];
$o = 1 - $w;
// the lines below name this connection's worker #W and the other one #O
$name = fn(string $s) => strtr($s, ["#$w" => '#W', "#$o" => '#O']);

echo "- a string to the other worker\n";
echo ask($c, "msg $o\n"), "\n";
echo $name($srv->waitForLine("/^onPipeMessage #$o /")), "\n";

echo "- to itself and to a worker id out of range: false\n";
// (a warning each; getLastError() is not looked at: Swoole leaves it as it was)
echo strstr(ask($c, "msg $w\n"), ' ', true), "\n";
echo strstr(ask($c, "msg 3\n"), ' ', true), "\n";

echo "- other values to the other worker, in order\n";
echo ask($c, "values $o\n"), "\n";
echo $name(implode("\n", $srv->waitForLines("/^onPipeMessage #$o from #$w: (?!string \")/", 6))), "\n";

echo "- to the task worker (#2)\n";
echo ask($c, "msg 2\n"), "\n";
echo ask($c, "values 2\n"), "\n";
echo $name(implode("\n", $srv->waitForLines("/^onPipeMessage #2 /", 7))), "\n";

echo "- from the task worker to each event worker\n";
echo ask($c, "tasksend $w\n"), "\n";
echo ask($c, "tasksend $o\n"), "\n";
echo $name(implode("\n", $srv->waitForLines('/^task #2 sendMessage/', 2))), "\n";
echo $name($srv->waitForLine("/^onPipeMessage #$w from #2/")), "\n";
echo $name($srv->waitForLine("/^onPipeMessage #$o from #2/")), "\n";

$c->close();
$srv->waitForLine('/^onClose /');
$out = $srv->stop();
var_dump($srv->exitCode);
echo "onPipeMessage lines: ", count(lines_matching($out, '/^onPipeMessage /')), "\n";
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECTF--
--- seed 003, PROCESS mode
descendants: 5
bool(true)
int(0)
int(%d)
string(17) "async task coming"
int(0)
left: []
--- two workers and a task worker
- a string to the other worker
msg=true err=0
onPipeMessage #O from #W: string "hello from #W"
- to itself and to a worker id out of range: false
msg=false
msg=false
- other values to the other worker, in order
values=[true,true,true,true,true,true]
onPipeMessage #O from #W: array {"k":"v","list":[1,2,3]}
onPipeMessage #O from #W: int 42
onPipeMessage #O from #W: float 2.5
onPipeMessage #O from #W: stdClass {"a":1,"b":"two"}
onPipeMessage #O from #W: array {"nested":{"x":[true,null,"y"]}}
onPipeMessage #O from #W: string(204800) md5=93d4831a805e43bc797bb8d306f0a3c7
- to the task worker (#2)
msg=true err=503
values=[true,true,true,true,true,true]
onPipeMessage #2 from #W: string "hello from #W"
onPipeMessage #2 from #W: array {"k":"v","list":[1,2,3]}
onPipeMessage #2 from #W: int 42
onPipeMessage #2 from #W: float 2.5
onPipeMessage #2 from #W: stdClass {"a":1,"b":"two"}
onPipeMessage #2 from #W: array {"nested":{"x":[true,null,"y"]}}
onPipeMessage #2 from #W: string(204800) md5=93d4831a805e43bc797bb8d306f0a3c7
- from the task worker to each event worker
task=0
task=1
task #2 sendMessage to #W: true
task #2 sendMessage to #O: true
onPipeMessage #W from #2: string "from task worker #2"
onPipeMessage #O from #2: string "from task worker #2"
int(0)
onPipeMessage lines: 16
left: []
