--TEST--
Issue 14 item 2 (PROCESS master in onStart, single-process BASE in onWorkerStart): Process::signal(SIGINT) runs the user's handler and the server goes on; SIGHUP (and SIGPIPE in the master) without a handler is logged (ERRNO 721) and the process stays; the signals each keeps for itself are refused
--EXTENSIONS--
swoole
--FILE--
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
--EXPECTF--
--- process
Warning: Swoole\Process::signal(): signal [15] processor has been registered by the system in %s on line %d
signal(15): false
Warning: Swoole\Process::signal(): signal [10] processor has been registered by the system in %s on line %d
signal(10): false
Warning: Swoole\Process::signal(): signal [12] processor has been registered by the system in %s on line %d
signal(12): false
Warning: Swoole\Process::signal(): signal [17] processor has been registered by the system in %s on line %d
signal(17): false
signal(29): true
signal(14): true
Warning: Swoole\Process::signal(): signal [28] processor has been registered by the system in %s on line %d
signal(28): false
signal(SIGINT): true
handler got 2
[%s]	WARNING	%s(ERRNO 721): Unable to find callback function for signal Hangup: 1
[%s]	WARNING	%s(ERRNO 721): Unable to find callback function for signal Broken pipe: 13
still here: true
onShutdown
int(0)
--- base
Warning: Swoole\Process::signal(): signal [15] processor has been registered by the system in %s on line %d
signal(15): false
signal(10): true
signal(12): true
signal(17): true
signal(29): true
signal(14): true
Warning: Swoole\Process::signal(): signal [28] processor has been registered by the system in %s on line %d
signal(28): false
signal(SIGINT): true
handler got 2
[%s]	WARNING	%s(ERRNO 721): Unable to find callback function for signal Hangup: 1
still here: true
onShutdown
int(0)
