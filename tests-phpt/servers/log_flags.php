<?php
/** log_process_flags.phpt: one log line from each kind of process. */
swoole_error_log(SWOOLE_LOG_WARNING, 'plain');
$p = new Swoole\Process\Pool(1);
$p->on('start', function () { swoole_error_log(SWOOLE_LOG_WARNING, 'pool master'); });
$p->on('workerStart', function ($pool, $id) {
    // The first run dies of SIGKILL (the master reports it), the second logs and stops the pool.
    $flag = sys_get_temp_dir() . '/swoole-log-flags-' . $pool->master_pid;
    if (!file_exists($flag)) {
        touch($flag);
        Swoole\Process::kill(getmypid(), 9);
    }
    unlink($flag);
    swoole_error_log(SWOOLE_LOG_WARNING, 'pool worker, second run');
    $pool->shutdown();
});
$p->start();
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1]);
$s->on('receive', function () {});
$s->on('managerStart', function () { swoole_error_log(SWOOLE_LOG_WARNING, 'manager'); });
$s->addProcess(new Swoole\Process(function () use ($s) {
    swoole_error_log(SWOOLE_LOG_WARNING, 'user process');
    $s->shutdown();
}));
$s->start();
swoole_error_log(SWOOLE_LOG_WARNING, 'after the server');
