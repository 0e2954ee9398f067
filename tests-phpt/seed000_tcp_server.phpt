--TEST--
Seed 000: tcpServer.php as written answers "Сервер: hello" and prints connect/close
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
$port = free_port();
$server = ServerProcess::example(dirname(__DIR__) . '/examples-php/tcpServer.php', $port);
wait_for_port($port);

$c = new TestClient($port);
$server->waitForLine('/Подключение/');
$c->send("hello");
var_dump($c->recvExactly(strlen("Сервер: hello")));
$c->send("second message");
var_dump($c->recvExactly(strlen("Сервер: second message")));
$c->close();
$server->waitForLine('/Закрытие/');

$out = $server->stop();
echo $out;
var_dump($server->exitCode);
?>
--EXPECT--
string(19) "Сервер: hello"
string(28) "Сервер: second message"
Клиент: Подключение.
Клиент: Закрытие.
int(0)
