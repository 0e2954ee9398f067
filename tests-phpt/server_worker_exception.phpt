--TEST--
Server: an uncaught exception or exit() in a worker ends only that worker; it is replaced and other clients are unaffected
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/** Opens clients until one is served by worker $wid; returns it and that worker's pid. */
function client_on_worker(int $port, int $wid): array
{
    // the kernel picks the worker that accepts, and not evenly: try often enough
    for ($i = 0; $i < 300; $i++) {
        $c = new TestClient($port);
        preg_match('/^pid=(\d+) wid=(\d+)$/', ask($c, 'pid'), $m);
        if ((int)$m[2] === $wid) {
            return [$c, (int)$m[1]];
        }
        $c->close();
    }
    throw new RuntimeException("no connection reached worker $wid");
}

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 2], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$master = $srv->pid;

// a bystander connection on worker 0 stays open through everything
[$bystander, $bystanderPid] = client_on_worker($port, 0);

echo "--- uncaught exception in worker 1\n";
[$c, $pid] = client_on_worker($port, 1);
var_dump(ask($c, 'throw'));
$line = $srv->waitForLine('/^onWorkerError /');
same($line, "onWorkerError id=1 pid=$pid exit_code=255 signal=0 in=$master");
echo $srv->waitForLine('/Uncaught RuntimeException/'), "\n";
echo $srv->waitForLine("/abnormal exit/"), "\n";
$srv->waitForLine("/^onWorkerStart id=1 pid=(?!$pid\\b)\\d+$/");
var_dump(pid_alive($pid));
echo ask($bystander, 'still there'), "\n";

echo "--- exit(3) in worker 1\n";
[$c, $pid] = client_on_worker($port, 1);
var_dump(ask($c, 'exit 3'));
$lines = $srv->waitForLines('/^onWorkerError /', 2);
same($lines[1], "onWorkerError id=1 pid=$pid exit_code=3 signal=0 in=$master");
echo $srv->waitForLines("/abnormal exit/", 2)[1], "\n";
// the third start of worker 1: the first, the replacement after the exception, this one
$starts = $srv->waitForLines('/^onWorkerStart id=1 /', 3);
var_dump(str_contains($starts[2], "pid=$pid"));
var_dump(pid_alive($pid));

echo "--- everyone else is unaffected\n";
preg_match('/^pid=(\d+) wid=0$/', ask($bystander, 'pid'), $m);
same((int)$m[1], $bystanderPid);
[$c, $pid] = client_on_worker($port, 1);
echo ask($c, 'fine'), "\n";
var_dump(count(child_pids($master)));

$out = $srv->stop();
var_dump($srv->exitCode);
echo "onWorkerError lines: ", count(preg_grep('/^onWorkerError /', explode("\n", $out))), "\n";
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECTF--
--- uncaught exception in worker 1
string(0) ""
as expected
Fatal error: Uncaught RuntimeException: boom from worker 1 in %s/servers/cmd_server.php:%d
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=1) abnormal exit, status=255, signal=0
bool(false)
echo:still there
--- exit(3) in worker 1
string(0) ""
as expected
[%s]	WARNING	Worker::report_error(): worker(pid=%d, id=1) abnormal exit, status=3, signal=0
bool(false)
bool(false)
--- everyone else is unaffected
as expected
echo:fine
int(2)
int(0)
onWorkerError lines: 2
clean stop
