--TEST--
Server, both modes: send() with a $fd that is no number warns "invalid fd[0]" (no Unix datagram port: the string reads as its leading digits, as Swoole's), null warns; an onTask returning a closure has its serialization error reported as uncaught and the task worker goes on
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = new ServerProcess(__DIR__ . '/servers/small_checks.php', [free_port(), $mode]);
    kill_on_exit($srv);
    $finish = $srv->waitForLine('/^finish /');
    $out = $srv->output();
    $last = null;
    foreach (explode("\n", $out) as $line) {
        if (preg_match('/^send\(|invalid fd|can not be null|Uncaught Exception/', $line)) {
            $line = preg_replace(['/ in \S+( on line \d+|:\d+)$/', '/^(PHP )?(Warning|Fatal error):\s+/'], ['', '$2: '], $line);
            // (PHP both shows and logs an error, on the same stream)
            if ($line !== $last) {
                echo $line, "\n";
            }
            $last = $line;
        }
    }
    preg_match('/^task worker pid (\d+)$/m', $out, $m);
    echo "the same task worker answered the next task: ", var_export($finish === "finish {$m[1]}", true), "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
Warning: Swoole\Server::send(): invalid fd[0]
send('abc'): false err=1006
Warning: Swoole\Server::send(): invalid fd[0]
send(''): false err=1006
send('1abc'): false err=1005
Warning: Swoole\Server::send(): fd can not be null
send(NULL): false err=1006
Fatal error: Uncaught Exception: Serialization of 'Closure' is not allowed
the same task worker answered the next task: true
--- process
Warning: Swoole\Server::send(): invalid fd[0]
send('abc'): false err=1006
Warning: Swoole\Server::send(): invalid fd[0]
send(''): false err=1006
send('1abc'): false err=1005
Warning: Swoole\Server::send(): fd can not be null
send(NULL): false err=1006
Fatal error: Uncaught Exception: Serialization of 'Closure' is not allowed
the same task worker answered the next task: true
