--TEST--
The manager's event loop (both modes): an exception thrown in a manager timer is reported and the manager goes on supervising; Event::defer() and Event::add() work there (beyond Swoole, which refuses them); SIGINT to the master without any user callback still shuts the server down gracefully. (In BASE the manager is the script's process: the reported fatal error makes its exit status 255, as PHP's for any uncaught exception.)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('workerStop', fn($s, $id) => print("onWorkerStop $id\n"));
$s->on('managerStart', function ($s) {
    Swoole\Event::defer(fn() => print("manager defer\n"));
    [$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    Swoole\Event::add($b, function ($b) {
        echo "manager fd: ", fread($b, 10), "\n";
        Swoole\Event::del($b);
    });
    Swoole\Timer::after(50, fn() => throw new RuntimeException("thrown in a manager timer"));
    Swoole\Timer::after(150, fn() => fwrite($a, "hello"));
    // the manager still supervises: a worker killed (past the respawn backoff) is replaced
    Swoole\Timer::after(1100, function () use ($s) {
        $old = $s->getWorkerPid(1);
        posix_kill($old, SIGKILL);
        Swoole\Timer::after(400, function () use ($s, $old) {
            echo "worker 1 replaced: ", var_export($s->getWorkerPid(1) > 0 && $s->getWorkerPid(1) !== $old, true), "\n";
            posix_kill($s->master_pid, SIGINT);
        });
    });
});
$s->on('workerError', fn($s, $id) => print("onWorkerError $id\n"));
$s->on('shutdown', fn() => print("onShutdown\n"));
$s->start();
echo "start() returned\n";
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    $out = without_log_copies($srv->wait(8));
    $out = preg_replace('/^(Stack trace:|#\d+ |  thrown in |\[.*abnormal exit.*).*\n/m', '', $out);
    echo sorted_lines($out);
    var_dump($srv->exitCode);
}
?>
--EXPECTF--
--- base
Fatal error: Uncaught RuntimeException: thrown in a manager timer in %s
manager defer
manager fd: hello
onShutdown
onWorkerError 1
onWorkerStop 0
onWorkerStop 1
start() returned
worker 1 replaced: true
int(255)
--- process
Fatal error: Uncaught RuntimeException: thrown in a manager timer in %s
manager defer
manager fd: hello
onShutdown
onWorkerError 1
onWorkerStop 0
onWorkerStop 1
start() returned
worker 1 replaced: true
int(0)
