--TEST--
SWOOLE_PROCESS: after pause($fd) what the client sends is not delivered (no onReceive, no echo), other connections go on; after resume($fd) (called from another worker) it is delivered whole and in order; pause()/resume() of an unknown fd are false
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, 'process', '{"worker_num":2}']);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);
$pids = wait_for_descendants($srv->pid, 3);

$a = new TestClient($port);
$b = new TestClient($port);
preg_match('/^fd=(\d+) wid=(\d)$/', ask($a, "fd\n"), $ma);
preg_match('/^fd=(\d+) wid=(\d)$/', ask($b, "fd\n"), $mb);
echo "a and b in different workers: ", var_export(isset($ma[2], $mb[2]) && $ma[2] !== $mb[2], true), "\n";
$fdA = (int)$ma[1];

echo "--- a pauses itself\n";
echo ask($a, "pause\n"), "\n";
$pieces = [];
for ($i = 1; $i <= 5; $i++) {
    $pieces[] = "<piece $i:" . str_repeat(chr(ord('a') + $i), 2000 * $i) . ">";
}
$sent = implode('', $pieces);
foreach ($pieces as $p) {
    $a->send($p);
    nap(0.02);
}
echo "b still served: ", ask($b, "fd\n") === "fd={$mb[1]} wid={$mb[2]}" ? "yes" : "no", "\n";
// nothing of it is delivered while paused
echo "a gets something within 0.5 s: ", var_export(readable($a->sock, 0.5), true), "\n";
echo "onReceive for a: ", count(lines_matching($srv, "/^onReceive fd=$fdA /")), "\n";

echo "--- b resumes a\n";
echo ask($b, "resume $fdA\n"), "\n";
$echo = $a->recvExactly(strlen($sent));
echo "echoed back: ", strlen($echo), " bytes, same and in order: ", var_export($echo === $sent, true), "\n";
$srv->waitForLine("/^onReceive fd=$fdA /");
echo "bytes in onReceive: ", array_sum(array_map(fn($l) => (int)substr(strrchr($l, '='), 1), lines_matching($srv, "/^onReceive fd=$fdA /"))), "\n";
echo "a served again: ", ask($a, "fd\n") === "fd=$fdA wid={$ma[2]}" ? "yes" : "no", "\n";

echo "--- b pauses a, then resumes it\n";
echo ask($b, "pause $fdA\n"), "\n";
$a->send("<while paused>");
echo "a gets something within 0.5 s: ", var_export(readable($a->sock, 0.5), true), "\n";
echo ask($b, "resume $fdA\n"), "\n";
var_dump($a->recvExactly(strlen("<while paused>")));

echo "--- unknown fd\n";
echo strstr(ask($b, "pause 999\n"), ' ', true), "\n";
echo strstr(ask($b, "resume 999\n"), ' ', true), "\n";

$a->close();
$b->close();
$srv->waitForLines('/^onClose /', 2);
$srv->stop();
var_dump($srv->exitCode);
echo "left: ", json_encode(alive($pids)), "\n";
?>
--EXPECT--
a and b in different workers: true
--- a pauses itself
pause=true err=0
b still served: yes
a gets something within 0.5 s: false
onReceive for a: 0
--- b resumes a
resume=true err=0
echoed back: 30050 bytes, same and in order: true
bytes in onReceive: 30050
a served again: yes
--- b pauses a, then resumes it
pause=true err=0
a gets something within 0.5 s: false
resume=true err=0
string(14) "<while paused>"
--- unknown fd
pause=false
resume=false
int(0)
left: []
