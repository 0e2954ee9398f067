--TEST--
Seed 003 (on()): connect/receive/close callbacks registered with lower-case names; receive answers "Swoole: " and closes
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
$port = free_port();
$server = ServerProcess::example(dirname(__DIR__) . '/examples-php/on_003.php', $port);
wait_for_port($port);

// First client: 'connect' prints, 'receive' answers and closes the connection
// from the server side, which fires 'close'.
$c = new TestClient($port);
$server->waitForLine('/^Client:Connect\.$/');
$c->send("hello");
var_dump($c->recvAll());        // reads until the server closes
var_dump(feof($c->sock));
$server->waitForLine('/^Client: Close\.$/');
$c->close();

// Second client: the server goes on serving after closing a connection.
$c = new TestClient($port);
$c->send("second");
var_dump($c->recvAll());
$server->waitForLines('/^Client: Close\.$/', 2);
$c->close();

// Third client closes first, without sending anything: only connect/close fire.
$c = new TestClient($port);
$server->waitForLines('/^Client:Connect\.$/', 3);
$c->close();
$server->waitForLines('/^Client: Close\.$/', 3);

echo "--- server ---\n", $server->stop();
var_dump($server->exitCode);
var_dump(child_pids($server->pid));
?>
--EXPECT--
string(13) "Swoole: hello"
bool(true)
string(14) "Swoole: second"
--- server ---
Client:Connect.
Client: Close.
Client:Connect.
Client: Close.
Client:Connect.
Client: Close.
int(0)
array(0) {
}
