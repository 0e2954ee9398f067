--TEST--
PROCESS mode: Swoole\Timer ticks created in onStart run in the master (between accepts); shutdown() from one stops the server, and timers still pending end with it, so the script ends after start()
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$srv = new ServerProcess(__DIR__ . '/servers/master_timer_server.php', [free_port()]);
kill_on_exit($srv);
echo $srv->wait(15);
var_dump($srv->exitCode);
?>
--EXPECT--
tick in master: true
tick in master: true
tick in master: true
start returned
int(0)
