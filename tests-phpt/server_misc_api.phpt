--TEST--
Server: getWorkerStatus, connection_info/connection_list aliases, getCallback, start_session_id, max_connection, stop()
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

echo "--- one worker, start_session_id 100, max_connection 2\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/misc_api.php', [$port, 1, 2]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLine('/^onWorkerStart id=0 /');
$a = new TestClient($port);
echo ask($a, 'fd'), "\n";
echo ask($a, 'status'), "\n";
echo ask($a, 'aliases'), "\n";
$b = new TestClient($port);
echo ask($b, 'fd'), "\n";
// a third connection is over max_connection: accepted, then closed at once
$c = new TestClient($port);
var_dump($c->recvAll());
echo ask($a, 'stats'), "\n";
$srv->stop();
echo $srv->waitForLine('/max_connection=2/'), "\n";

echo "--- two workers: stop() replaces the calling worker\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/misc_api.php', [$port, 2]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$d = new TestClient($port);
echo ask($d, 'status'), "\n";
preg_match('/^pid=(\d+) wid=(\d+)$/', ask($d, 'who'), $m);
[$pid, $wid] = [(int)$m[1], (int)$m[2]];
echo ask($d, 'stop'), "\n";
// the worker drains: it serves its open connection until that closes
echo preg_replace('/\d+/', 'N', ask($d, 'who')), "\n";
$d->close();
$srv->waitForLine("/^onWorkerStop id=$wid pid=$pid$/");
$srv->waitForLine("/^onWorkerStart id=$wid pid=(?!$pid\\b)\\d+$/");
// onWorkerStop is printed just before the old worker exits and is reaped
$deadline = microtime(true) + TEST_TIMEOUT;
while (pid_alive($pid) && microtime(true) < $deadline) {
    usleep(5000);
}
var_dump(pid_alive($pid));
$out = $srv->stop();
var_dump($srv->exitCode, str_contains($out, 'start: true'));
?>
--EXPECTF--
--- one worker, start_session_id 100, max_connection 2
fd=101
{"self":1,"self_by_id":1,"other":null,"unknown":false}
{"info":true,"list":true,"callback":true,"no_callback":null}
fd=102
string(0) ""
{"connection_num":2,"abort_count":1,"accept_count":2}
%sWARNING%saccept(): too many connections [max_connection=2], connection from 127.0.0.1:%d refused
--- two workers: stop() replaces the calling worker
{"self":1,"self_by_id":1,"other":2,"unknown":false}
stop=true
pid=N wid=N
bool(false)
int(0)
bool(true)
