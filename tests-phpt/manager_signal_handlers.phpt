--TEST--
Issue 14 item 2 (manager, both modes): Process::signal(SIGINT) in the manager runs only the user's handler and the server goes on; after Process::signal(SIGINT, null) a SIGINT is logged (ERRNO 721) and the manager stays; the signals the manager owns are refused with Swoole's warning
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('managerStart', function ($s) {
    foreach ([SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGIO, SIGALRM, SIGWINCH] as $sig) {
        echo "signal($sig): " . var_export(Swoole\Process::signal($sig, function () {}), true) . "\n";
    }
    echo "signal(SIGINT): " . var_export(Swoole\Process::signal(SIGINT, function ($no) {
        echo "manager handler got $no\n";
    }), true) . "\n";
    $me = posix_getpid();
    Swoole\Timer::after(200, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(400, function () {
        echo "remove: " . var_export(Swoole\Process::signal(SIGINT, null), true) . "\n";
    });
    Swoole\Timer::after(500, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(800, function () use ($s, $me) {
        echo "manager still here: " . var_export(posix_getpid() === $me, true) . "\n";
        $s->shutdown();
    });
});
$s->on('shutdown', function () {
    echo "onShutdown\n";
});
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo without_log_copies($srv->wait(8));
}
?>
--EXPECTF--
--- base
Warning: Swoole\Process::signal(): signal [15] processor has been registered by the system in %s on line %d
signal(15): false
Warning: Swoole\Process::signal(): signal [10] processor has been registered by the system in %s on line %d
signal(10): false
Warning: Swoole\Process::signal(): signal [12] processor has been registered by the system in %s on line %d
signal(12): false
Warning: Swoole\Process::signal(): signal [17] processor has been registered by the system in %s on line %d
signal(17): false
Warning: Swoole\Process::signal(): signal [29] processor has been registered by the system in %s on line %d
signal(29): false
Warning: Swoole\Process::signal(): signal [14] processor has been registered by the system in %s on line %d
signal(14): false
Warning: Swoole\Process::signal(): signal [28] processor has been registered by the system in %s on line %d
signal(28): false
signal(SIGINT): true
manager handler got 2
remove: true
[%s]	WARNING	%s(ERRNO 721): Unable to find callback function for signal Interrupt: 2
manager still here: true
onShutdown
--- process
Warning: Swoole\Process::signal(): signal [15] processor has been registered by the system in %s on line %d
signal(15): false
Warning: Swoole\Process::signal(): signal [10] processor has been registered by the system in %s on line %d
signal(10): false
Warning: Swoole\Process::signal(): signal [12] processor has been registered by the system in %s on line %d
signal(12): false
Warning: Swoole\Process::signal(): signal [17] processor has been registered by the system in %s on line %d
signal(17): false
Warning: Swoole\Process::signal(): signal [29] processor has been registered by the system in %s on line %d
signal(29): false
Warning: Swoole\Process::signal(): signal [14] processor has been registered by the system in %s on line %d
signal(14): false
Warning: Swoole\Process::signal(): signal [28] processor has been registered by the system in %s on line %d
signal(28): false
signal(SIGINT): true
manager handler got 2
remove: true
[%s]	WARNING	%s(ERRNO 721): Unable to find callback function for signal Interrupt: 2
manager still here: true
onShutdown
