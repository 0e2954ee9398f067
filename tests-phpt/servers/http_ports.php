<?php
/**
 * Ports and protocols: a plain Swoole\Server whose port 0 echoes TCP and
 * whose second port speaks HTTP (open_http_protocol + $port->on('request')),
 * or an Http\Server whose second port is plain TCP (open_http_protocol off).
 *
 * usage: php http_ports.php PORT PORT2 tcp-first|http-first base|process
 */
[$port, $port2, $kind, $mode] = [(int)$argv[1], (int)$argv[2], $argv[3], $argv[4]];
$class = $kind === 'tcp-first' ? Swoole\Server::class : Swoole\Http\Server::class;
$server = new $class('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$extra = $server->addListener('127.0.0.1', $port2, SWOOLE_SOCK_TCP);
$tcp = function ($s, $fd, $rid, $data) {
    $s->send($fd, "tcp: $data");
};
$http = function ($req, $resp) {
    $resp->end("http: " . $req->server['request_uri'] . " on " . $req->server['server_port']);
};
if ($kind === 'tcp-first') {
    $server->on('receive', $tcp);
    $extra->set(['open_http_protocol' => true]);
    $extra->on('request', $http);
} else {
    $server->on('request', $http);
    $extra->set(['open_http_protocol' => false]);
    $extra->on('receive', $tcp);
}
$server->on('workerStart', function () {
    echo "ready\n";
});
$server->start();
