<?php
/**
 * stats_file: a server that writes its stats to FILE, printing what
 * $server->stats_timer holds in each process and event.
 * usage: PORT MODE(base|process) FILE INTERVAL(ms, or '-' to leave it unset)
 * A line "reload" or "shutdown" sent to it does that.
 */
[, $port, $mode, $file, $interval] = $argv;
$server = new Swoole\Server('127.0.0.1', (int)$port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
// max_wait_time 1: a worker kept alive by a timer is stopped by force after 1 s
// (and the manager logs it), so a stats timer left running shows.
$settings = ['worker_num' => 2, 'task_worker_num' => 1, 'max_wait_time' => 1, 'stats_file' => $file];
if ($interval !== '-') {
    $settings['stats_timer_interval'] = is_numeric($interval) ? (int)$interval : $interval;
}
$server->set($settings);

function timer_of(Swoole\Server $s): string
{
    $t = $s->stats_timer;
    if (is_int($t)) {
        $info = Swoole\Timer::info($t);
        return 'int interval=' . ($info['interval'] ?? '?');
    }
    return var_export($t, true);
}

$server->on('start', function ($s) {
    echo "onStart stats_timer=" . timer_of($s) . "\n";
});
$server->on('managerStart', function ($s) {
    echo "onManagerStart stats_timer=" . timer_of($s) . "\n";
});
$server->on('workerStart', function ($s, $id) {
    $keys = $id === 0 ? ' keys=' . implode(',', array_keys($s->stats())) : '';
    echo "onWorkerStart id=$id pid=" . getmypid() . " stats_timer=" . timer_of($s) . "$keys\n";
});
$exits = [];
$server->on('workerExit', function ($s, $id) use (&$exits) {
    if (!isset($exits[getmypid()])) {
        $exits[getmypid()] = true;
        echo "onWorkerExit id=$id pid=" . getmypid() . " stats_timer=" . timer_of($s) . "\n";
    }
});
$server->on('workerStop', function ($s, $id) {
    echo "onWorkerStop id=$id pid=" . getmypid() . " stats_timer=" . timer_of($s) . "\n";
});
$server->on('task', function () {
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $cmd = trim($data);
    $s->send($fd, "$cmd=" . var_export($cmd === 'reload' ? $s->reload() : $s->shutdown(), true) . "\n");
});
$server->start();
echo "start() returned stats_timer=" . timer_of($server) . "\n";
