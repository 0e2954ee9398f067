<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$process = $mode === 'process';
$s = new Swoole\Server('127.0.0.1', $port, $process ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on($process ? 'start' : 'workerStart', function ($s) {
    foreach ([SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGIO, SIGALRM, SIGWINCH] as $sig) {
        $r = Swoole\Process::signal($sig, function () {});
        echo "signal($sig): " . var_export($r, true) . "\n";
        if ($r) {
            Swoole\Process::signal($sig, null);
        }
    }
    echo "signal(SIGINT): " . var_export(Swoole\Process::signal(SIGINT, function ($no) {
        echo "handler got $no\n";
    }), true) . "\n";
    $me = posix_getpid();
    Swoole\Timer::after(200, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(400, fn() => posix_kill($me, SIGHUP));
    Swoole\Timer::after(500, fn() => posix_kill($me, SIGPIPE));
    Swoole\Timer::after(800, function () use ($s, $me) {
        echo "still here: " . var_export(posix_getpid() === $me, true) . "\n";
        $s->shutdown();
    });
});
$s->on('shutdown', function () {
    echo "onShutdown\n";
});
$s->start();
PHP;
foreach (['process', 'base'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo without_log_copies($srv->wait(8));
    var_dump($srv->exitCode);
}
?>
