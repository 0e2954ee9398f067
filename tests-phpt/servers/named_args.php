<?php
/**
 * Every Swoole\Server and Swoole\Server\Port method called with named
 * arguments in Swoole 6.2.1's names, given in another order than declared
 * and skipping optional ones (the engine then passes the declared default):
 * each printed result shows the values reached the right parameters.
 *
 * usage: php named_args.php PORT base|process
 * The client sends "go UDP_PORT"; the server answers on the connection and
 * on UDP_PORT, runs a task and two pipe messages, then closes the connection
 * and shuts down.
 */
function out(string $what, mixed $value): void
{
    echo $what, ': ', json_encode($value), "\n";
}

$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
// $sock_type skipped: SWOOLE_SOCK_TCP.
$server = new Swoole\Server(port: (int)$argv[1], mode: $mode, host: '127.0.0.1');
out('construct', [$server->host, $server->mode === $mode, $server->type]);
out('set', $server->set(settings: [
    'worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING,
    'heartbeat_check_interval' => 60, 'heartbeat_idle_time' => 600,
]));
$udp = $server->addlistener(sock_type: SWOOLE_SOCK_UDP, port: 0, host: '127.0.0.1');
$tcp = $server->listen(host: '127.0.0.1', sock_type: SWOOLE_SOCK_TCP, port: 0);
out('listen', [$udp->type === SWOOLE_SOCK_UDP, $tcp->type === SWOOLE_SOCK_TCP, $udp->port > 0 && $tcp->port > 0]);
$udp->set(settings: ['package_max_length' => 4096]);
out('port set', $udp->setting);
$onPacket = function () {};
out('port on', $udp->on(callback: $onPacket, event_name: 'packet'));
out('port getCallback', $udp->getCallback(event_name: 'packet') === $onPacket);
out('addCommand', $server->addCommand(
    callback: fn($s, $data) => "got $data",
    accepted_process_types: SWOOLE_SERVER_COMMAND_TASK_WORKER,
    name: 'echo',
));
out('addProcess', $server->addProcess(process: new Swoole\Process(function () {
    while (true) {
        usleep(100000);
    }
})));

$conn = 0;
$sent = null;
$onReceive = function (Swoole\Server $s, int $fd, int $rid, string $data) use (&$conn, &$sent) {
    $conn = $fd;
    $udpPort = (int)explode(' ', trim($data))[1];
    out('send', $s->send(send_data: "A\n", fd: $fd, serverSocket: -1));
    out('sendfile', $s->sendfile(length: 5, conn_fd: $fd, filename: __FILE__, offset: 0));
    out('sendto', $s->sendto(server_socket: -1, send_data: 'U', port: $udpPort, ip: '127.0.0.1'));
    out('exists', [$s->exists(fd: $fd), $s->exist(fd: $fd), $s->exists(fd: $fd + 1000)]);
    out('bind', $s->bind(uid: 7, fd: $fd));
    $info = $s->getClientInfo(ignoreError: false, fd: $fd);
    out('getClientInfo', [$info['uid'] ?? null, $info['server_port'] === $s->port]);
    // The same connection's record under the alias; what the reactor
    // changes meanwhile (the reply just sent may be written between the two
    // reads, in PROCESS mode by another thread) is left out.
    $still = fn(array $i) => array_diff_key($i, array_flip(['last_send_time', 'send_queued_bytes']));
    out('connection_info', $still($s->connection_info(reactor_id: -1, fd: $fd)) === $still($info));
    out('getClientList', [$s->getClientList(find_count: 10, start_fd: 0) === [$fd], $s->connection_list(find_count: 10) === [$fd]]);
    out('protect', $s->protect(is_protected: false, fd: $fd));
    out('pause', $s->pause(fd: $fd));
    out('resume', $s->resume(fd: $fd));
    out('heartbeat', $s->heartbeat(ifCloseConnection: true));
    out('workers', [
        $s->getWorkerPid(worker_id: 0) === getmypid(),
        is_int($s->getWorkerPid(worker_id: 1)) && $s->getWorkerPid(worker_id: 1) !== getmypid(),
        $s->getWorkerStatus(worker_id: 0) === SWOOLE_WORKER_BUSY,
        $s->getWorkerStatus(worker_id: 1) === SWOOLE_WORKER_IDLE,
    ]);
    out('taskwait', $s->taskwait(taskWorkerIndex: 0, data: 'w', timeout: 5.0));
    out('taskWaitMulti', $s->taskWaitMulti(timeout: 5.0, tasks: ['x' => 'a', 'y' => 'b']));
    out('taskCo', @$s->taskCo(timeout: 0.1, tasks: ['c']));
    out('command', $s->command(json_decode: false, data: 'hi', process_type: SWOOLE_SERVER_COMMAND_TASK_WORKER,
        process_id: 0, name: 'echo'));
    out('getCallback', $s->getCallback(event_name: 'receive') !== null);
    out('task', is_int($s->task(finishCallback: function (Swoole\Server $s, int $id, mixed $result) use (&$sent) {
        out('finish callback', $result);
        // Printed once the answer came back, after the task worker's line.
        $sent = $s->sendMessage(dst_worker_id: 1, message: 'ping');
    }, data: 't', taskWorkerIndex: 0)));
};
// The test connects once the task worker says it started: it counts as idle
// from before onWorkerStart, so worker 0 then sees it idle.
$server->on('workerStart', function (Swoole\Server $s, int $id) {
    if ($s->taskworker) {
        out('task worker started', $id);
    }
});
$server->on(callback: $onReceive, event_name: 'receive');
$server->on(event_name: 'task', callback: function (Swoole\Server $s, int $id, int $src, mixed $data) {
    $s->finish(data: "done:$data:" . $s->worker_id);
});
$server->on(event_name: 'pipeMessage', callback: function (Swoole\Server $s, int $src, mixed $message) use (&$conn, &$sent) {
    out("pipeMessage in worker {$s->worker_id}", [$src, $message]);
    if ($s->taskworker) {
        $s->sendMessage(message: 'pong', dst_worker_id: 0);
    } else {
        out('sendMessage', $sent);
        out('close', $s->close(reset: false, fd: $conn));
    }
});
$server->on(event_name: 'close', callback: function (Swoole\Server $s) {
    $s->shutdown();
});
out('start', $server->start());
