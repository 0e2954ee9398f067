--TEST--
Seed 003 (getClientList()): the seed's paging loop lists 25 connections in pages of 10, 10 and 5 and broadcasts to each
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
$port = free_port();
$server = ServerProcess::example(dirname(__DIR__) . '/examples-php/client_list_003.php', $port);
wait_for_port($port);

// 25 connections; each one's "ok" shows the server has registered it.
$clients = [];
$oks = 0;
for ($i = 1; $i <= 25; $i++) {
    $c = new TestClient($port);
    $c->send("hello $i");
    $oks += $c->recvExactly(2) === "ok";
    $clients[$i] = $c;
}
echo "ok replies: $oks\n";

// The last client asks for the list: the seed's loop sends "broadcast" to every fd.
$clients[25]->send("list");
$server->waitForLine('/^finish$/');
$got = [];
foreach ($clients as $i => $c) {
    $got[$c->recvExactly(strlen("broadcast"))][] = $i;
}
foreach ($got as $msg => $who) {
    echo json_encode($msg), " received by ", count($who), " clients: ", implode(',', $who), "\n";
}

foreach ($clients as $c) {
    $c->close();
}
echo "--- server ---\n", $server->stop();
var_dump($server->exitCode);
var_dump(child_pids($server->pid));
?>
--EXPECT--
ok replies: 25
"broadcast" received by 25 clients: 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25
--- server ---
array(10) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
  [3]=>
  int(4)
  [4]=>
  int(5)
  [5]=>
  int(6)
  [6]=>
  int(7)
  [7]=>
  int(8)
  [8]=>
  int(9)
  [9]=>
  int(10)
}
array(10) {
  [0]=>
  int(11)
  [1]=>
  int(12)
  [2]=>
  int(13)
  [3]=>
  int(14)
  [4]=>
  int(15)
  [5]=>
  int(16)
  [6]=>
  int(17)
  [7]=>
  int(18)
  [8]=>
  int(19)
  [9]=>
  int(20)
}
array(5) {
  [0]=>
  int(21)
  [1]=>
  int(22)
  [2]=>
  int(23)
  [3]=>
  int(24)
  [4]=>
  int(25)
}
finish
int(0)
array(0) {
}
