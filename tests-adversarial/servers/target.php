<?php
/**
 * The server every adversarial scenario attacks (and bench/soak measures).
 * Three ports:
 *   main: length framing ('N' header, body at 4, package_max_length = max);
 *   eof:  open_eof_split on "\r\n" (package_max_length = max);
 *   raw:  no framing; every read is answered with "raw:" + data.
 * A packet on a framed port is a command, answered on the same port's framing:
 *   "echo X" -> "ok X";  "task X" -> "task X" through taskwait() (or "taskfail");
 *   "slowtask X" -> "task slow:X", from a task that takes 0.3 s (prints "task_started slow:X");
 *   "big N" -> N bytes of 'b';  "fd" -> "fd $fd exist=0|1 port=P";  "pid" -> "pid P";
 *   "to FD MSG" -> "sent 0|1 error=E", and "from $fd MSG" (length-framed) to connection FD;
 *   "close FD" -> "closed 0|1";  "slow ..." -> "slow" after 20 ms of busy work.
 * Prints "ports MAIN EOF RAW", "worker_start id=W pid=P task=0|1" per worker,
 * "worker_error id=W pid=P exit_code=C signal=S" (the master's onWorkerError),
 * "start_returned RESULT" after start().
 *
 * usage: php target.php MAIN_PORT base1|base2|process [key=value ...]
 *   base1: SWOOLE_BASE, worker_num 1 (one process);  base2: SWOOLE_BASE, worker_num 2;
 *   process: SWOOLE_PROCESS, worker_num 2.  keys: tasks (task_worker_num), max (package_max_length,
 *   default 65536), max_conn (max_connection), start_session_id, reactor_num, max_wait (max_wait_time),
 *   max_request.
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$opt = [];
foreach (array_slice($argv, 3) as $kv) {
    [$k, $v] = explode('=', $kv, 2);
    $opt[$k] = (int)$v;
}
$max = $opt['max'] ?? 65536;

$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$settings = [
    'worker_num' => $mode === 'base1' ? 1 : 2,
    'open_length_check' => true, 'package_length_type' => 'N', 'package_length_offset' => 0,
    'package_body_offset' => 4, 'package_max_length' => $max,
];
if ($mode === 'process') {
    $settings['reactor_num'] = $opt['reactor_num'] ?? 2;
}
foreach (['tasks' => 'task_worker_num', 'max_conn' => 'max_connection', 'start_session_id' => 'start_session_id',
          'max_wait' => 'max_wait_time', 'max_request' => 'max_request'] as $k => $key) {
    if (isset($opt[$k])) {
        $settings[$key] = $opt[$k];
    }
}
$server->set($settings);
$eof = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$eof->set(['open_length_check' => false, 'open_eof_split' => true, 'package_eof' => "\r\n", 'package_max_length' => $max]);
$raw = $server->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$raw->set(['open_length_check' => false]);

/** The reply to one command $body. */
$answer = function (Swoole\Server $s, int $fd, string $body): string {
    [$cmd, $arg] = array_pad(explode(' ', $body, 2), 2, '');
    switch ($cmd) {
        case 'echo':
            return "ok $arg";
        case 'task':
            $r = $s->taskwait($arg, 1.0);
            return $r === false ? 'taskfail' : "task $r";
        case 'slowtask':
            // A task that takes 0.3 s in task worker 0; up to 3 s for its result.
            $r = $s->taskwait("slow:$arg", 3.0, 0);
            return $r === false ? 'taskfail' : "task $r";
        case 'big':
            return str_repeat('b', max(0, min((int)$arg, 16 << 20)));
        case 'fd':
            return "fd $fd exist=" . (int)$s->exist($fd) . ' port=' . $s->getClientInfo($fd)['server_port'];
        case 'pid':
            return 'pid ' . getmypid();
        case 'slow':
            // 20 ms of work that nothing can interleave with (no sleep a coroutine could hook).
            for ($end = hrtime(true) + 20_000_000; hrtime(true) < $end;) {
            }
            return 'slow';
        case 'to':
            // "to FD MSG": a length-framed "from $fd MSG" to connection FD (of any worker).
            [$to, $msg] = array_pad(explode(' ', $arg, 2), 2, '');
            $body = "from $fd $msg";
            return 'sent ' . (int)@$s->send((int)$to, pack('N', strlen($body)) . $body) . ' error=' . $s->getLastError();
        case 'close':
            return 'closed ' . (int)@$s->close((int)$arg);
    }
    return 'unknown';
};

$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($answer, $eof, $raw) {
    $port = $s->getClientInfo($fd)['server_port'] ?? 0;
    if ($port === $raw->port) {
        $s->send($fd, "raw:$data");
    } elseif ($port === $eof->port) {
        $s->send($fd, $answer($s, $fd, substr($data, 0, -2)) . "\r\n");
    } else {
        $reply = $answer($s, $fd, substr($data, 4));
        $s->send($fd, pack('N', strlen($reply)) . $reply);
    }
});
$server->on('task', function (Swoole\Server $s, int $id, int $from, mixed $data) {
    if (str_starts_with($data, 'slow:')) {
        echo "task_started $data\n";
        usleep(300000);
    }
    return $data;
});
$server->on('finish', function () {});
$server->on('workerStart', function (Swoole\Server $s, int $id) use ($eof, $raw) {
    // Each line in one write: several processes append to the same output.
    if ($id === 0) {
        echo "ports {$s->port} {$eof->port} {$raw->port}\n";
    }
    echo "worker_start id=$id pid=" . getmypid() . ' task=' . (int)$s->taskworker . "\n";
});
$server->on('workerError', function (Swoole\Server $s, int $id, int $pid, int $code, int $signal) {
    echo "worker_error id=$id pid=$pid exit_code=$code signal=$signal\n";
});
$r = $server->start();
echo 'start_returned ' . var_export($r, true) . "\n";
