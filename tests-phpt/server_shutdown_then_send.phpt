--TEST--
Server: a worker that calls shutdown() and then send() to its client: the reply is written before the connections close (PROCESS: the reactor threads apply what the workers left them before stopping; it was lost about one time in ten), 50 times in both modes
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    $lost = 0;
    for ($i = 0; $i < 50; $i++) {
        $port = free_port();
        $srv = new ServerProcess(__DIR__ . '/servers/user_server.php', [$port, $mode, '{}']);
        kill_on_exit($srv);
        $srv->waitForLine('/^worker 0 /');
        wait_for_port($port);
        $c = new TestClient($port);
        $lost += (int)(ask($c, 'shutdown') !== 'shutdown=true');
        $srv->wait();
        $c->close();
    }
    echo "$mode: $lost of 50 replies lost\n";
}
?>
--EXPECT--
base: 0 of 50 replies lost
process: 0 of 50 replies lost
