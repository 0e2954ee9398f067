--TEST--
Server::finish(): several finish() calls and a return value each reach onFinish, in order; a finish callback gets only the first result, later ones go to onFinish; a null return sends nothing; $dst picks the task worker
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_finish.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 3);
$c = new TestClient($port);

/** The lines matching $regex printed so far (by one process: lines of several interleave). */
function lines(ServerProcess $srv, string $regex): string
{
    return implode("\n", preg_grep($regex, explode("\n", $srv->output())));
}

echo "--- finish() x3, then a return value\n";
echo ask($c, 'many'), "\n";
$srv->waitForLine('/^onFinish id=0 data="returned"/');
echo lines($srv, '/^(onTask id=0|finish)/'), "\n";
echo lines($srv, '/^onFinish id=0 /'), "\n";

echo "--- a null return and no finish(): no result\n";
echo ask($c, 'none'), "\n";
// both ran on task worker 0, one after the other: once the second one's result is
// here, the first one's would have arrived before it
$srv->waitForLine('/^onFinish id=2 data="marker"/');
echo lines($srv, '/^onTask id=[12] /'), "\n";
echo lines($srv, '/^onFinish id=[12] /'), "\n";

echo "--- a finish callback and three results\n";
echo ask($c, 'callback'), "\n";
$srv->waitForLine('/^onFinish id=3 data="third"/');
echo lines($srv, '/^onTask id=3 /'), "\n";
echo lines($srv, '/^(onFinish|callback) id=3 /'), "\n";

echo "--- a finish callback and one result\n";
echo ask($c, 'only'), "\n";
echo $srv->waitForLine('/^callback id=4 /'), "\n";
// after task 4, nothing more for it
echo ask($c, 'many'), "\n";
$srv->waitForLine('/^onFinish id=5 data="returned"/');
echo "task 4 lines: ", count(preg_grep('/^(onFinish|callback) id=4 /', explode("\n", $srv->output()))), "\n";

$c->close();
$out = $srv->stop();
var_dump($srv->exitCode);
echo "warnings: ", substr_count($out, 'Warning'), "\n";
var_dump(child_pids($srv->pid));
?>
--EXPECTF--
--- finish() x3, then a return value
ids=[0]
onTask id=0 src=0 wid=1
finish("one") = true
finish("two") = true
finish(3) = true
onFinish id=0 data="one" wid=0
onFinish id=0 data="two" wid=0
onFinish id=0 data=3 wid=0
onFinish id=0 data="returned" wid=0
--- a null return and no finish(): no result
ids=[1,2]
onTask id=1 src=0 wid=1
onTask id=2 src=0 wid=1
onFinish id=2 data="marker" wid=0
--- a finish callback and three results
ids=[3]
onTask id=3 src=0 wid=2
callback id=3 data="first" server=true
onFinish id=3 data=["second"] wid=0
onFinish id=3 data="third" wid=0
--- a finish callback and one result
ids=[4]
callback id=4 data="only result" server=true
ids=[5]
task 4 lines: 1
int(0)
warnings: 0
array(0) {
}
