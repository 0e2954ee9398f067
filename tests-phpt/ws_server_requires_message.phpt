--TEST--
WebSocket\Server: start() without onMessage is Swoole's fatal error "require onMessage callback" (the script ends there, exit status 255); an addListener() port that turns the WebSocket protocol off needs onReceive instead
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

echo output_and_exit_of(<<<'PHP'
<?php
$s = new Swoole\WebSocket\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->on('Open', fn() => null);
var_dump($s->start());
echo "not reached\n";
PHP), "\n";

echo output_and_exit_of(<<<'PHP'
<?php
$s = new Swoole\WebSocket\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->on('Message', fn() => null);
$p = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$p->set(['open_websocket_protocol' => false, 'open_http_protocol' => false]);
var_dump($s->start());
echo "not reached\n";
PHP), "\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::start(): require onMessage callback in %s on line %d
exit status 255
Fatal error: Swoole\Server::start(): require onReceive callback in %s on line %d
exit status 255
