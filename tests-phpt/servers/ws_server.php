<?php
/**
 * A WebSocket server for the ws_* tests: echoes every message (text or
 * binary, as received), logs each event on stdout.
 *   "broadcast:N"  a timer pushes "tick" to every established connection N times
 *   "push-other"   a task worker pushes "from task" to this connection
 *   "disconnect"   disconnect($fd, 4000, 'bye')
 *   "info"         answers getClientInfo()['websocket_status'] and isEstablished()
 * Plain HTTP requests get "http:" and the path.
 *
 * usage: php ws_server.php PORT base|process [JSON settings]
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(json_decode($argv[3] ?? '{}', true) + ['worker_num' => 1, 'task_worker_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);

$server->on('workerStart', function ($s, $id) {
    if (!$s->taskworker) {
        echo "worker $id started\n";
    }
});
$server->on('open', function (Swoole\WebSocket\Server $s, Swoole\Http\Request $req) {
    echo "open {$req->fd} ", $req->server['request_uri'], "\n";
});
$server->on('message', function (Swoole\WebSocket\Server $s, Swoole\WebSocket\Frame $f) {
    if ($f->opcode === 1 && str_starts_with($f->data, 'broadcast:')) {
        $n = (int)substr($f->data, 10);
        $count = 0;
        Swoole\Timer::tick(20, function ($id) use ($s, $n, &$count) {
            foreach ($s->connections as $fd) {
                if ($s->isEstablished($fd)) {
                    $s->push($fd, 'tick');
                }
            }
            if (++$count >= $n) {
                Swoole\Timer::clear($id);
            }
        });
        return;
    }
    if ($f->opcode === 1 && $f->data === 'push-other') {
        $s->task($f->fd);
        return;
    }
    if ($f->opcode === 1 && $f->data === 'disconnect') {
        var_dump($s->disconnect($f->fd, 4000, 'bye'));
        return;
    }
    if ($f->opcode === 1 && $f->data === 'info') {
        $s->push($f->fd, json_encode([$s->getClientInfo($f->fd)['websocket_status'] ?? null, $s->isEstablished($f->fd)]));
        return;
    }
    if ($f instanceof Swoole\WebSocket\CloseFrame) {
        echo "close frame {$f->code} {$f->reason}\n";
        return;
    }
    echo "message {$f->fd} opcode={$f->opcode} flags={$f->flags} finish=", var_export($f->finish, true), " len=", strlen($f->data), "\n";
    $s->push($f->fd, $f->data, $f->opcode);
});
$server->on('task', function ($s, $task_id, $src, $fd) {
    var_dump($s->push($fd, 'from task'));
    return 'done';
});
$server->on('finish', function () {});
$server->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) {
    $resp->end('http:' . $req->server['request_uri']);
});
$server->on('close', function ($s, $fd) {
    echo "close $fd\n";
});
$server->on('disconnect', function ($s, $fd) {
    echo "disconnect $fd\n";
});
$server->start();
