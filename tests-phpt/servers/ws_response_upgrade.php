<?php
/**
 * For ws_server_response_upgrade.phpt: an onRequest that calls
 * Response::upgrade() (and the WebSocket methods of a Response) and logs
 * what they return; "/after" calls upgrade() after end().
 *
 * usage: php ws_response_upgrade.php PORT http|websocket base|process
 */
[$port, $class, $mode] = [(int)$argv[1], $argv[2], $argv[3]];
$class = $class === 'http' ? Swoole\Http\Server::class : Swoole\WebSocket\Server::class;
$server = new $class('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);
$server->on('workerStart', function () {
    echo "worker started\n";
});
$server->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) {
    $uri = $req->server['request_uri'];
    echo "request $uri upgrade header: ", $req->header['upgrade'] ?? '-', "\n";
    $log = function (string $what, $r) {
        echo "$what: ", var_export($r, true), ' ', swoole_last_error(), "\n";
        swoole_clear_error();
    };
    if ($uri === '/after') {
        $resp->end('ended');
        $log('upgrade after end', $resp->upgrade());
        return;
    }
    $log('upgrade', $resp->upgrade());
    $log('push', $resp->push('hi'));
    $log('recv', $resp->recv());
    $log('disconnect', $resp->disconnect());
    $log('isWritable', $resp->isWritable());
    $resp->end("answered $uri");
});
if ($class === Swoole\WebSocket\Server::class) {
    $server->on('open', function ($s, $req) {
        echo "open {$req->fd}\n";
    });
    $server->on('message', function ($s, $f) {
        $s->push($f->fd, $f->data);
    });
}
$server->start();
