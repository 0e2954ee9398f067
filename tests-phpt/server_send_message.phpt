--TEST--
Server::sendMessage: seed 003's example between two workers; arrays arrive as arrays; a user process can send; invalid targets warn
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

echo "--- seed 003\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/send_message_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);
$c = new TestClient($port);
$c->send("hello\n");
$line = $srv->waitForLine('/message from/');
var_dump(preg_match('/^#([01]) message from #([01]): hello task process$/', $line, $m) === 1 && $m[1] !== $m[2]);
$srv->stop();
var_dump($srv->exitCode);

echo "--- arrays, a user process, invalid targets\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/pipe_messages.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
echo $srv->waitForLine('/from #2:/'), "\n";
$c = new TestClient($port);
echo ask($c, 'array'), "\n";
echo preg_replace('/^#\d from #\d/', '#X from #Y', $srv->waitForLine('/"list"/')), "\n";
echo ask($c, 'bad'), "\n";
$out = $srv->stop();
echo preg_match_all('/Warning: Swoole\\\\Server::sendMessage\(\): (.*) in /', $out, $w), " warnings: ", implode(' | ', $w[1]), "\n";
var_dump($srv->exitCode);
?>
--EXPECTF--
--- seed 003
bool(true)
int(0)
--- arrays, a user process, invalid targets
#0 from #2: "from user"
true
#X from #Y: {"a":1,"list":[1,2]}
[false,false]
2 warnings: can't send messages to self | worker_id[7] is invalid
int(0)
