--TEST--
Issue 14 item 6 (both modes): once start() returns the listening sockets are closed, so a new Swoole\Server in the same script binds the same port and runs; start() after shutdown warns "The server have been shutdown, unable to execute Swoole\Server->start()"
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
require $argv[3];
[$port, $mode] = [(int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE];
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('workerStart', function ($s) {
    $s->shutdown();
});
var_dump($s->start());
echo "still listening: " . var_export(port_listening($port), true) . "\n";
var_dump($s->start());
$t = new Swoole\Server('127.0.0.1', $port, $mode);
$t->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$t->on('receive', function () {});
$t->on('workerStart', function ($t) {
    echo "the second server runs\n";
    $t->shutdown();
});
var_dump($t->start());
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode, __DIR__ . '/include/bootstrap.php']);
    echo without_log_copies($srv->wait(8));
}
?>
--EXPECTF--
--- base
bool(true)
still listening: false
Warning: Swoole\Server::start(): The server have been shutdown, unable to execute Swoole\Server->start() in %s on line %d
bool(false)
the second server runs
bool(true)
--- process
bool(true)
still listening: false
Warning: Swoole\Server::start(): The server have been shutdown, unable to execute Swoole\Server->start() in %s on line %d
bool(false)
the second server runs
bool(true)
