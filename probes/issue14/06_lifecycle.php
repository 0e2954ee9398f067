<?php
// Item 6: after start() returns its listening sockets are closed, so a new
// server in the same script can bind the same port; start() after shutdown
// warns. Run: php 06_lifecycle.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('workerStart', function ($s) {
    $s->shutdown();
});
var_dump($s->start());
$listening = function () use ($port) {
    $hex = sprintf(':%04X', $port);
    foreach (file('/proc/net/tcp') as $line) {
        $f = preg_split('/\s+/', trim($line));
        if (($f[3] ?? '') === '0A' && str_ends_with($f[1], $hex)) {
            return true;
        }
    }
    return false;
};
echo "still listening after start() returned: ", var_export($listening(), true), "\n";
var_dump($s->start());
try {
    $again = new Swoole\Server('127.0.0.1', $port, $mode);
    echo "a second server while the first object lives: created\n";
    unset($again);
} catch (Throwable $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
unset($s);
try {
    $t = new Swoole\Server('127.0.0.1', $port, $mode);
    echo "after unset: created, port ", $t->port, "\n";
    $t->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $t->on('receive', function () {});
    $t->on('workerStart', function ($t) {
        echo "second server's worker started\n";
        $t->shutdown();
    });
    var_dump($t->start());
} catch (Throwable $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
