<?php
/**
 * A SWOOLE_BASE TCP server driven by one-line text commands, for the server_*
 * tests. Every lifecycle callback prints a line, so tests can wait for it.
 *
 * usage: php cmd_server.php PORT [WORKER_NUM [MAX_REQUEST]]
 *
 * Callbacks are named functions given as literal strings on purpose: closures
 * and run-time built names are covered by server_callback_lifetime.phpt, and
 * keeping them out of here keeps each test about one thing.
 *
 * Each line is printed with a single write, so a reader never sees half of it.
 *
 * Commands (one per message; the reply is one line ending in "\n"):
 *   pid         -> "pid=<worker pid> wid=<getWorkerId()>"
 *   fd          -> "fd=<this connection's session id>"
 *   props       -> JSON of the process properties/getters seen by this worker
 *   info [FD]   -> serialize(getClientInfo(FD or this fd))
 *   stats       -> serialize(stats())
 *   send FD     -> result of send(FD, "x") and getLastError()
 *   sendempty   -> result of send(this fd, "") (a warning is printed)
 *   close FD    -> result of close(FD) and getLastError()
 *   exist FD    -> result of exist(FD)
 *   conns       -> what $server->connections shows (count/foreach/isset/offsetGet)
 *   throw       -> throws an uncaught RuntimeException (no reply)
 *   exit N      -> exit(N) (no reply)
 *   fatal       -> a compile-time fatal error (the engine bails out; no reply)
 *   shutdown    -> "shutdown=<result of $server->shutdown()>"
 *   other       -> "echo:<data>"
 */
require __DIR__ . '/../include/bootstrap.php';

$port = (int)($argv[1] ?? 0);
$workerNum = (int)($argv[2] ?? 1);
$settings = ['worker_num' => $workerNum];
if (isset($argv[3])) {
    $settings['max_request'] = (int)$argv[3];
}

function on_start(Swoole\Server $s)
{
    echo "onStart master_pid={$s->master_pid} pid=" . getmypid() . "\n";
}

function on_managerStart(Swoole\Server $s)
{
    echo "onManagerStart pid=" . getmypid() . " wid=" . var_export($s->getWorkerId(), true) . "\n";
}

function on_managerStop(Swoole\Server $s)
{
    echo "onManagerStop pid=" . getmypid() . "\n";
}

function on_workerStart(Swoole\Server $s, int $id)
{
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
}

function on_workerStop(Swoole\Server $s, int $id)
{
    echo "onWorkerStop id=$id pid=" . getmypid() . "\n";
}

function on_workerError(Swoole\Server $s, int $id, int $pid, int $code, int $signal)
{
    echo "onWorkerError id=$id pid=$pid exit_code=$code signal=$signal in=" . getmypid() . "\n";
}

function on_shutdown(Swoole\Server $s)
{
    echo "onShutdown pid=" . getmypid() . "\n";
}

function on_connect(Swoole\Server $s, int $fd)
{
    echo "onConnect fd=$fd\n";
}

function on_close(Swoole\Server $s, int $fd)
{
    echo "onClose fd=$fd\n";
}

function on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
    $parts = explode(' ', trim($data));
    $arg = isset($parts[1]) ? (int)$parts[1] : $fd;
    switch ($parts[0]) {
        case 'pid':
            $reply = 'pid=' . getmypid() . ' wid=' . var_export($s->getWorkerId(), true);
            break;
        case 'fd':
            $reply = "fd=$fd";
            break;
        case 'props':
            $reply = json_encode([
                'getmypid' => getmypid(),
                'master_pid' => $s->master_pid,
                'manager_pid' => $s->manager_pid,
                'worker_id' => $s->worker_id,
                'worker_pid' => $s->worker_pid,
                'taskworker' => $s->taskworker,
                'getWorkerId' => $s->getWorkerId(),
                'getWorkerPid' => $s->getWorkerPid(),
                'getMasterPid' => $s->getMasterPid(),
                'getManagerPid' => $s->getManagerPid(),
                'all_worker_pids' => array_map(fn($i) => $s->getWorkerPid($i), range(0, $s->setting['worker_num'] - 1)),
            ]);
            break;
        case 'info':
            $reply = serialize($s->getClientInfo($arg));
            break;
        case 'stats':
            $reply = serialize($s->stats());
            break;
        case 'send':
            $r = $s->send($arg, "x");
            $reply = 'send=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'sendempty':
            $reply = 'sendempty=' . var_export($s->send($fd, ''), true);
            break;
        case 'close':
            $r = $s->close($arg);
            $reply = 'close=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'exist':
            $reply = 'exist=' . var_export($s->exist($arg), true);
            break;
        case 'conns':
            $c = $s->connections;
            $seen = [];
            foreach ($c as $k => $v) {
                $seen[] = "$k=>$v";
            }
            $again = [];
            foreach ($c as $k => $v) {
                $again[] = "$k=>$v";
            }
            $reply = sprintf(
                'class=%s count=%d foreach=[%s] rewinds=%s isset_self=%s isset_999=%s get_self_is_info=%s get_999=%s',
                get_class($c),
                count($c),
                implode(',', $seen),
                var_export($again === $seen, true),
                var_export(isset($c[$fd]), true),
                var_export(isset($c[999]), true),
                var_export($c[$fd] === $s->getClientInfo($fd), true),
                var_export($c[999], true)
            );
            break;
        case 'throw':
            throw new RuntimeException("boom from worker " . $s->getWorkerId());
        case 'exit':
            exit($arg);
        case 'fatal':
            eval('function fatal_twice() {} function fatal_twice() {}');
            break;
        case 'shutdown':
            $reply = 'shutdown=' . var_export($s->shutdown(), true);
            break;
        default:
            $reply = "echo:$data";
    }
    $s->send($fd, $reply . "\n");
}

$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
$server->set($settings);
$server->on('start', 'on_start');
$server->on('managerStart', 'on_managerStart');
$server->on('managerStop', 'on_managerStop');
$server->on('workerStart', 'on_workerStart');
$server->on('workerStop', 'on_workerStop');
$server->on('workerError', 'on_workerError');
$server->on('shutdown', 'on_shutdown');
$server->on('connect', 'on_connect');
$server->on('close', 'on_close');
$server->on('receive', 'on_receive');

$ret = $server->start();
// Printed once start() has returned: every worker must have been reaped by now.
echo "after start: " . var_export($ret, true) . " pid=" . getmypid()
    . " children=" . json_encode(child_pids(getmypid())) . "\n";
