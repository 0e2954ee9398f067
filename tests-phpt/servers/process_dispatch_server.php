<?php
/**
 * A SWOOLE_PROCESS TCP server driven by one-line text commands, for the
 * process_dispatch_*, process_bind_* and process_info_* tests (dispatch_mode
 * and the connection table the master shares with every worker).
 *
 * usage: php process_dispatch_server.php PORT WORKER_NUM DISPATCH_MODE [FLAGS]
 *   DISPATCH_MODE is a number, or "default" to leave dispatch_mode unset.
 *   FLAGS is a comma-separated list of:
 *     events       register onConnect and onClose
 *     unsafe       set 'enable_unsafe_event' => true
 *     reactors=N   set 'reactor_num' => N
 *
 * Every callback prints one line with a single echo, so lines never
 * interleave; each names the process it ran in (pid=getmypid()).
 *
 * Commands (one per message; the reply is one line ending in "\n"):
 *   who          -> "fd=F wid=W rid=R socket_fd=S info_rid=IR remote_ip=IP pid=P"
 *                   (rid is onReceive's $reactor_id, info_* from getClientInfo($fd))
 *   info FD      -> json_encode(getClientInfo(FD))
 *   exist FD     -> "exist=<var_export(exist(FD))>"
 *   list         -> "list=<json of getClientList(0, 100)>"
 *   conns        -> "conns count=N fds=<json of the keys foreach($server->connections) gives>"
 *   send FD TEXT -> send(FD, "TEXT\n"); "send=<result> err=<getLastError()>"
 *   bind UID [FD]-> bind(FD or this fd, UID); "bind=<result> err=<getLastError()>"
 *   close FD     -> close(FD) (FD may be this connection); "close=<result>"
 *   props        -> JSON of the pid properties and getters seen by this worker
 *   other        -> "echo:<data>"
 */
require __DIR__ . '/../include/bootstrap.php';

$port = (int)($argv[1] ?? 0);
$workerNum = (int)($argv[2] ?? 2);
$dispatchMode = $argv[3] ?? 'default';
$flags = array_filter(explode(',', $argv[4] ?? ''));

$settings = ['worker_num' => $workerNum];
if ($dispatchMode !== 'default') {
    $settings['dispatch_mode'] = (int)$dispatchMode;
}
$events = false;
foreach ($flags as $flag) {
    if ($flag === 'events') {
        $events = true;
    } elseif ($flag === 'unsafe') {
        $settings['enable_unsafe_event'] = true;
    } elseif (str_starts_with($flag, 'reactors=')) {
        $settings['reactor_num'] = (int)substr($flag, strlen('reactors='));
    } else {
        fwrite(STDERR, "unknown flag $flag\n");
        exit(2);
    }
}

/**
 * The parent pid of this process, from /proc (no posix extension needed). Not
 * /proc/self: PHP's realpath cache, inherited over fork(), would resolve it to
 * the process that first read it.
 */
function pd_ppid(): int
{
    $stat = file_get_contents('/proc/' . getmypid() . '/stat');
    return (int)explode(' ', substr($stat, strrpos($stat, ')') + 2))[1];
}

function pd_on_start(Swoole\Server $s)
{
    echo "onStart master_pid={$s->master_pid} manager_pid={$s->manager_pid} worker_id={$s->worker_id}"
        . " getWorkerId=" . var_export($s->getWorkerId(), true) . " pid=" . getmypid() . "\n";
}

function pd_on_shutdown(Swoole\Server $s)
{
    echo "onShutdown master_pid={$s->master_pid} pid=" . getmypid() . "\n";
}

function pd_on_managerStart(Swoole\Server $s)
{
    echo "onManagerStart master_pid={$s->master_pid} manager_pid={$s->manager_pid} worker_id={$s->worker_id}"
        . " getWorkerId=" . var_export($s->getWorkerId(), true) . " pid=" . getmypid() . " ppid=" . pd_ppid() . "\n";
}

function pd_on_workerStart(Swoole\Server $s, int $id)
{
    echo "onWorkerStart id=$id worker_id={$s->worker_id} worker_pid={$s->worker_pid} master_pid={$s->master_pid}"
        . " manager_pid={$s->manager_pid} pid=" . getmypid() . " ppid=" . pd_ppid() . "\n";
}

function pd_on_workerStop(Swoole\Server $s, int $id)
{
    echo "onWorkerStop id=$id pid=" . getmypid() . "\n";
}

function pd_on_connect(Swoole\Server $s, int $fd, int $rid)
{
    $info = $s->getClientInfo($fd);
    echo "onConnect fd=$fd wid={$s->worker_id} rid=$rid socket_fd=" . ($info['socket_fd'] ?? 'none')
        . " info_rid=" . ($info['reactor_id'] ?? 'none') . " pid=" . getmypid() . "\n";
}

function pd_on_close(Swoole\Server $s, int $fd, int $rid)
{
    echo "onClose fd=$fd wid={$s->worker_id} rid=$rid pid=" . getmypid() . "\n";
}

function pd_on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
    $parts = explode(' ', trim($data), 3);
    $arg = isset($parts[1]) ? (int)$parts[1] : $fd;
    switch ($parts[0]) {
        case 'who':
            $info = $s->getClientInfo($fd);
            $reply = "fd=$fd wid={$s->worker_id} rid=$rid socket_fd={$info['socket_fd']} info_rid={$info['reactor_id']}"
                . " remote_ip={$info['remote_ip']} pid=" . getmypid();
            break;
        case 'info':
            $reply = json_encode($s->getClientInfo($arg));
            break;
        case 'exist':
            $reply = 'exist=' . var_export($s->exist($arg), true);
            break;
        case 'list':
            $reply = 'list=' . json_encode($s->getClientList(0, 100));
            break;
        case 'conns':
            $fds = [];
            foreach ($s->connections as $c) {
                $fds[] = $c;
            }
            $reply = 'conns count=' . count($s->connections) . ' fds=' . json_encode($fds);
            break;
        case 'send':
            $r = $s->send($arg, ($parts[2] ?? '') . "\n");
            $reply = 'send=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'bind':
            $target = isset($parts[2]) ? (int)$parts[2] : $fd;
            $r = $s->bind($target, $arg);
            $reply = 'bind=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'close':
            $reply = 'close=' . var_export($s->close($arg), true);
            break;
        case 'props':
            $reply = json_encode([
                'getmypid' => getmypid(),
                'ppid' => pd_ppid(),
                'master_pid' => $s->master_pid,
                'manager_pid' => $s->manager_pid,
                'worker_id' => $s->worker_id,
                'worker_pid' => $s->worker_pid,
                'getMasterPid' => $s->getMasterPid(),
                'getManagerPid' => $s->getManagerPid(),
                'getWorkerId' => $s->getWorkerId(),
                'getWorkerPid' => $s->getWorkerPid(),
            ]);
            break;
        default:
            $reply = "echo:$data";
    }
    $s->send($fd, $reply . "\n");
}

$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_PROCESS);
$server->set($settings);
$server->on('start', 'pd_on_start');
$server->on('shutdown', 'pd_on_shutdown');
$server->on('managerStart', 'pd_on_managerStart');
$server->on('workerStart', 'pd_on_workerStart');
$server->on('workerStop', 'pd_on_workerStop');
$server->on('receive', 'pd_on_receive');
if ($events) {
    $server->on('connect', 'pd_on_connect');
    $server->on('close', 'pd_on_close');
}

$ret = $server->start();
// Printed once start() has returned: every child must have been reaped by now.
echo "after start: " . var_export($ret, true) . " pid=" . getmypid()
    . " children=" . json_encode(child_pids(getmypid())) . "\n";
