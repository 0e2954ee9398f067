<?php
// Item 2 (manager): Process::signal() in the manager. SIGINT with a user
// handler runs only it; after Process::signal(SIGINT, null) a SIGINT is
// logged and the manager stays; the signals the manager owns are refused.
// Run: php 02_manager_signal.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_INFO]);
$s->on('receive', function () {});
$s->on('managerStart', function ($s) {
    foreach ([SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGIO, SIGALRM, SIGWINCH] as $sig) {
        echo "signal($sig): ", var_export(Swoole\Process::signal($sig, function () {}), true), "\n";
    }
    echo "signal(SIGINT): ", var_export(Swoole\Process::signal(SIGINT, function ($no) {
        echo "manager handler got $no\n";
    }), true), "\n";
    $me = posix_getpid();
    Swoole\Timer::after(300, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(600, function () {
        echo "remove: ", var_export(Swoole\Process::signal(SIGINT, null), true), "\n";
    });
    Swoole\Timer::after(700, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(1000, function () use ($s, $me) {
        echo "manager still here: ", var_export(posix_getpid() === $me, true), "\n";
        $s->shutdown();
    });
});
$s->on('managerStop', function () {
    echo "managerStop\n";
});
$s->on('shutdown', function () {
    echo "shutdown\n";
});
$s->start();
echo "start() returned\n";
