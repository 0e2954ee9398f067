<?php
/**
 * A SWOOLE_PROCESS TCP server for the process_life_*.phpt tests (worker
 * lifecycle in PROCESS mode). Every lifecycle callback prints one line (one
 * echo, so a reader never sees half of it) naming the process it ran in.
 *
 * usage: php process_life_server.php PORT [SETTINGS_JSON]
 *   SETTINGS_JSON is merged over ['worker_num' => 2] and given to set().
 *
 * Without open_length_check the protocol is text lines; each received chunk
 * may hold several "\n"-ended commands, each answered by one line:
 *   req N [MS]  -> "rep N pid=<worker pid> wid=<worker id>" (after sleeping MS ms)
 *   work N MS   -> prints "working N pid=<pid>", sleeps MS ms, replies like req
 *   hold MS     -> prints "holding MS ms pid=<pid>", sleeps MS ms, replies "held pid=<pid> wid=<id>"
 *   pid         -> "pid=<worker pid> wid=<worker id>"
 *   props       -> "master=<master_pid> manager=<manager_pid> pid=<getmypid()>"
 *   reload      -> "reload=<var_export($server->reload())>"
 *   reloadtask  -> "reloadtask=<var_export($server->reload(true))>"
 *   task        -> "task=<pid of the task worker that ran it> wid=<its id>" (taskwait)
 *   throw [MS]  -> throws an uncaught RuntimeException (no reply); with MS,
 *                  first prints "throwing in MS ms pid=<pid>" and sleeps MS ms
 *   shutdown    -> "shutdown=<var_export($server->shutdown())>"
 *   other       -> "echo:<line>"
 *
 * With open_length_check (package_length_type N, offset 0, body offset 4) each
 * packet is a 4-byte big-endian length and a body:
 *   body "big N" -> a reply packet whose body is N bytes (str_repeat of a
 *                   17-byte pattern, cut to N), and the line
 *                   "onReceive big len=N md5=<md5 of that body>" is printed
 *   other body   -> the line "onReceive len=<strlen body> declared=<length field> md5=<md5 body>" is
 *                   printed and a reply packet "len=<strlen> md5=<md5>" is sent
 */
require __DIR__ . '/../include/bootstrap.php';

$port = (int)($argv[1] ?? 0);
$settings = ['worker_num' => 2];
if (isset($argv[2])) {
    $settings = array_merge($settings, json_decode($argv[2], true, 512, JSON_THROW_ON_ERROR));
}

function pl_who(): string
{
    return 'pid=' . getmypid();
}

function pl_on_start(Swoole\Server $s)
{
    echo "onStart master_pid={$s->master_pid} manager_pid={$s->manager_pid} " . pl_who() . "\n";
}

function pl_on_shutdown(Swoole\Server $s)
{
    echo "onShutdown " . pl_who() . "\n";
}

function pl_on_managerStart(Swoole\Server $s)
{
    echo "onManagerStart " . pl_who() . "\n";
}

function pl_on_managerStop(Swoole\Server $s)
{
    echo "onManagerStop " . pl_who() . "\n";
}

function pl_on_beforeReload(Swoole\Server $s)
{
    echo "onBeforeReload manager_pid={$s->manager_pid} " . pl_who() . "\n";
}

function pl_on_afterReload(Swoole\Server $s)
{
    echo "onAfterReload manager_pid={$s->manager_pid} " . pl_who() . "\n";
}

function pl_on_workerStart(Swoole\Server $s, int $id)
{
    $kind = $s->taskworker ? 'task' : 'event';
    echo "onWorkerStart id=$id kind=$kind " . pl_who() . "\n";
}

function pl_on_workerStop(Swoole\Server $s, int $id)
{
    $kind = $s->taskworker ? 'task' : 'event';
    echo "onWorkerStop id=$id kind=$kind " . pl_who() . "\n";
}

function pl_on_workerError(Swoole\Server $s, int $id, int $pid, int $code, int $signal)
{
    echo "onWorkerError id=$id worker_pid=$pid exit_code=$code signal=$signal in=" . getmypid() . "\n";
}

function pl_on_task(Swoole\Server $s, int $taskId, int $srcWorker, mixed $data)
{
    return 'task=' . getmypid() . ' wid=' . $s->worker_id;
}

function pl_on_finish(Swoole\Server $s, int $taskId, mixed $data)
{
}

function pl_reply_line(Swoole\Server $s, int $fd, string $line): string
{
    $parts = explode(' ', $line);
    $me = 'pid=' . getmypid() . ' wid=' . $s->getWorkerId();
    switch ($parts[0]) {
        case 'req':
            if (isset($parts[2])) {
                usleep((int)$parts[2] * 1000);
            }
            return "rep {$parts[1]} $me";
        case 'work':
            echo "working {$parts[1]} pid=" . getmypid() . "\n";
            usleep((int)$parts[2] * 1000);
            return "rep {$parts[1]} $me";
        case 'hold':
            echo "holding {$parts[1]} ms pid=" . getmypid() . "\n";
            usleep((int)$parts[1] * 1000);
            return "held $me";
        case 'pid':
            return $me;
        case 'props':
            return "master={$s->master_pid} manager={$s->manager_pid} pid=" . getmypid();
        case 'reload':
            return 'reload=' . var_export($s->reload(), true);
        case 'reloadtask':
            return 'reloadtask=' . var_export($s->reload(true), true);
        case 'task':
            return (string)$s->taskwait('t', 5);
        case 'throw':
            if (isset($parts[1])) {
                echo "throwing in {$parts[1]} ms pid=" . getmypid() . "\n";
                usleep((int)$parts[1] * 1000);
            }
            throw new RuntimeException('boom from worker ' . getmypid());
        case 'shutdown':
            return 'shutdown=' . var_export($s->shutdown(), true);
        default:
            return "echo:$line";
    }
}

function pl_on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
    if (!empty($s->setting['open_length_check'])) {
        $body = substr($data, 4);
        $declared = unpack('N', $data)[1];
        if (str_starts_with($body, 'big ')) {
            $n = (int)substr($body, 4);
            $reply = substr(str_repeat('0123456789abcdef!', intdiv($n, 17) + 1), 0, $n);
            echo "onReceive big len=$n md5=" . md5($reply) . "\n";
        } else {
            echo "onReceive len=" . strlen($body) . " declared=$declared md5=" . md5($body) . "\n";
            $reply = 'len=' . strlen($body) . ' md5=' . md5($body);
        }
        $s->send($fd, pack('N', strlen($reply)) . $reply);
        return;
    }
    $out = '';
    foreach (explode("\n", rtrim($data, "\n")) as $line) {
        $out .= pl_reply_line($s, $fd, $line) . "\n";
    }
    $s->send($fd, $out);
}

$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_PROCESS);
$server->set($settings);
$server->on('start', 'pl_on_start');
$server->on('shutdown', 'pl_on_shutdown');
$server->on('managerStart', 'pl_on_managerStart');
$server->on('managerStop', 'pl_on_managerStop');
$server->on('beforeReload', 'pl_on_beforeReload');
$server->on('afterReload', 'pl_on_afterReload');
$server->on('workerStart', 'pl_on_workerStart');
$server->on('workerStop', 'pl_on_workerStop');
$server->on('workerError', 'pl_on_workerError');
$server->on('receive', 'pl_on_receive');
if (!empty($settings['task_worker_num'])) {
    $server->on('task', 'pl_on_task');
    $server->on('finish', 'pl_on_finish');
}

$ret = $server->start();
// Printed once start() has returned: every child must have been reaped by now.
echo "after start: " . var_export($ret, true) . " pid=" . getmypid()
    . " children=" . json_encode(child_pids(getmypid())) . "\n";
