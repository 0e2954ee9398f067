--TEST--
Issue 12: the sockets start() opens for the server's processes (inboxes, reply lanes, command channels) are closed when it returns, in both modes; three servers run one after another leave the script with the descriptors it had
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
$fds = fn() => count(scandir('/proc/self/fd'));
$before = $fds();
for ($i = 0; $i < 3; $i++) {
    $s = new Swoole\Server('127.0.0.1', $port, $mode);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $s->on('receive', function () {});
    $s->on('task', function () {});
    $s->on('workerStart', function ($s, $id) {
        if ($id === 0) {
            $s->shutdown();
        }
    });
    $s->start();
    unset($s);
}
$after = $fds();
echo $after === $before ? "no descriptor left behind\n" : "left behind: " . ($after - $before) . "\n";
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode, __DIR__ . '/include/bootstrap.php']);
    echo without_log_copies($srv->wait(15));
}
?>
--EXPECT--
--- base
no descriptor left behind
--- process
no descriptor left behind
