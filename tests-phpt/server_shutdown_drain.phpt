--TEST--
Shutdown drains as Swoole's: each event worker runs onWorkerExit every loop round while its timers keep it (until max_wait_time, then "worker exit timeout, forced termination" with ERRNO 9101), then onWorkerStop; task workers run no onWorkerExit and get their SIGTERM only once the event workers are gone; BASE (single process and with a manager) and PROCESS
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
function run_case(int $mode, int $workers, int $tasks, bool $clear): array {
    $out = tempnam(sys_get_temp_dir(), 'drain');
    $pid = pcntl_fork();
    if ($pid === 0) {
        $log = fopen($out, 'a');
        $s = new Swoole\Server('127.0.0.1', 0, $mode);
        $s->set(['worker_num' => $workers, 'task_worker_num' => $tasks, 'max_wait_time' => 1, 'log_file' => $out]);
        $s->on('Receive', function () {});
        $s->on('Task', function () {});
        $GLOBALS['exits'] = 0;
        $s->on('WorkerStart', function ($s, $id) {
            $GLOBALS['tick'] = Swoole\Timer::tick(20, function () {});
            if ($id === 0) {
                Swoole\Timer::after(100, fn() => $s->shutdown());
            }
        });
        $s->on('WorkerExit', function ($s, $id) use ($clear) {
            if (++$GLOBALS['exits'] === 3 && $clear) {
                Swoole\Timer::clear($GLOBALS['tick']);
            }
        });
        $s->on('WorkerStop', function ($s, $id) use ($log) {
            $kind = $s->taskworker ? 'task' : 'event';
            fwrite($log, sprintf("STOP %s %d exits=%s at=%.3f\n", $kind, $id, $GLOBALS['exits'] >= 3 ? '3+' : $GLOBALS['exits'], microtime(true)));
        });
        $s->start();
        exit(0);
    }
    $t = microtime(true);
    pcntl_waitpid($pid, $status);
    $elapsed = microtime(true) - $t;
    $text = file_get_contents($out);
    unlink($out);
    preg_match_all('/^STOP (\w+) (\d+) exits=(\S+) at=([\d.]+)$/m', $text, $m, PREG_SET_ORDER);
    $stops = [];
    $lastEvent = 0.0;
    $firstTask = INF;
    foreach ($m as [, $kind, $id, $exits, $at]) {
        $stops[] = "$kind $id exits=$exits";
        if ($kind === 'event') $lastEvent = max($lastEvent, (float)$at); else $firstTask = min($firstTask, (float)$at);
    }
    sort($stops);
    return [
        'stops' => implode(', ', $stops),
        'forced' => substr_count($text, 'Worker_reactor_try_to_exit() (ERRNO 9101): worker exit timeout, forced termination'),
        'tasks after events' => $tasks === 0 || $firstTask >= $lastEvent,
        'within max_wait_time' => $elapsed < ($clear ? 0.9 : 2.9),
    ];
}
echo json_encode(run_case(SWOOLE_BASE, 1, 0, true)), "\n";
echo json_encode(run_case(SWOOLE_BASE, 2, 1, true)), "\n";
echo json_encode(run_case(SWOOLE_PROCESS, 1, 1, true)), "\n";
echo json_encode(run_case(SWOOLE_PROCESS, 2, 1, false)), "\n";
?>
--EXPECT--
{"stops":"event 0 exits=3+","forced":0,"tasks after events":true,"within max_wait_time":true}
{"stops":"event 0 exits=3+, event 1 exits=3+, task 2 exits=0","forced":0,"tasks after events":true,"within max_wait_time":true}
{"stops":"event 0 exits=3+, task 1 exits=0","forced":0,"tasks after events":true,"within max_wait_time":true}
{"stops":"event 0 exits=3+, event 1 exits=3+, task 2 exits=0","forced":2,"tasks after events":true,"within max_wait_time":true}
