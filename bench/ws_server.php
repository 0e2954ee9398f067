<?php
/**
 * bench/ws_server.php: the WebSocket server of bench/ws.php, the same code
 * for this extension and real Swoole: echo of every message; "broadcast"
 * pushes "tick" to every connection ($server->connections).
 *
 * usage: php -d extension=SO bench/ws_server.php PORT base|process
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\WebSocket\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'reactor_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING,
    'max_connection' => 4096, 'backlog' => 1024]);
$server->on('message', function (Swoole\WebSocket\Server $s, Swoole\WebSocket\Frame $f) {
    if ($f->data === 'broadcast') {
        foreach ($s->connections as $fd) {
            $s->push($fd, 'tick');
        }
        return;
    }
    $s->push($f->fd, $f->data, $f->opcode);
});
$server->start();
