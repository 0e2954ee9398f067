--TEST--
Seed 003 (defer example): the seed's query() defers $db->close() with $server->defer(): it runs after onReceive has returned
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/defer_003.php', $port);
kill_on_exit($srv);
wait_for_port($port);

$c = new TestClient($port);
stream_set_timeout($c->sock, 4);
foreach (['first', 'second'] as $msg) {
    $c->send($msg);
    var_dump(fgets($c->sock));
    var_dump(fgets($c->sock));
}

$out = $srv->stop();
$c->close();
echo "--- server output\n", $out, "--- end of server output\n";
var_dump($srv->exitCode);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
string(15) "query returned
"
string(10) "db closed
"
string(15) "query returned
"
string(10) "db closed
"
--- server output
--- end of server output
int(0)
array(0) {
}
