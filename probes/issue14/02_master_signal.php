<?php
// Item 2 (master / single process): Process::signal(SIGINT) in the PROCESS
// master's onStart, or in a single-process BASE server's onWorkerStart, runs
// the user's handler and the server goes on; SIGHUP and SIGPIPE without a
// handler are logged; which signals the process keeps for itself.
// Run: php 02_master_signal.php process|base
$process = ($argv[1] ?? 'process') !== 'base';
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $process ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_INFO]);
$s->on('receive', function () {});
$setup = function ($s) {
    // which signals this process keeps for itself (SIGHUP and SIGPIPE are
    // left alone here: registering and removing one restores its default)
    foreach ([SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGIO, SIGALRM, SIGWINCH] as $sig) {
        $r = Swoole\Process::signal($sig, function () {});
        echo "signal($sig): ", var_export($r, true), "\n";
        if ($r) {
            Swoole\Process::signal($sig, null);
        }
    }
    echo "signal(SIGINT): ", var_export(Swoole\Process::signal(SIGINT, function ($no) {
        echo "handler got $no in pid role ", $GLOBALS['role'], "\n";
    }), true), "\n";
    $me = posix_getpid();
    Swoole\Timer::after(300, fn() => posix_kill($me, SIGINT));
    Swoole\Timer::after(500, fn() => posix_kill($me, SIGHUP));
    Swoole\Timer::after(600, fn() => posix_kill($me, SIGPIPE));
    Swoole\Timer::after(900, function () use ($s, $me) {
        echo "still here: ", var_export(posix_getpid() === $me, true), "\n";
        $s->shutdown();
    });
};
if ($process) {
    $GLOBALS['role'] = 'master';
    $s->on('start', $setup);
} else {
    $GLOBALS['role'] = 'worker';
    $s->on('workerStart', $setup);
}
$s->on('shutdown', function () {
    echo "shutdown\n";
});
$s->start();
echo "start() returned\n";
