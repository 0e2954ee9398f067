<?php
/**
 * A TCP server with PROXY protocol ports, for the proxy_protocol_*.phpt tests.
 *
 * usage: php proxy_server.php MODE PORT_ANY PORT_PLAIN PORT_V2 PORT_UNTRUSTED [DISPATCH_MODE]
 *   MODE: base or process.
 *   PORT_ANY:       open_proxy_protocol => true, timeout 0.5 s (the main port)
 *   PORT_PLAIN:     no PROXY protocol (set() turns it off for this port)
 *   PORT_V2:        open_proxy_protocol => 2, trusted 127.0.0.1 and ::1
 *   PORT_UNTRUSTED: open_proxy_protocol => true, trusted 10.0.0.0/8 only
 *
 * onConnect prints "connect fd=N port=P remote=IP:PORT proxy=IP:PORT|-";
 * onReceive answers one JSON line {data, remote, proxy, worker}; the data
 * "stats" answers stats()'s proxy_protocol_error_count instead.
 */
[$mode, $any, $plain, $v2, $untrusted] = [$argv[1], (int)$argv[2], (int)$argv[3], (int)$argv[4], (int)$argv[5]];
$dispatch = (int)($argv[6] ?? 2);

$server = new Swoole\Server('127.0.0.1', $any, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set([
    'worker_num' => $mode === 'process' ? 2 : 1,
    'dispatch_mode' => $dispatch,
    'open_proxy_protocol' => true,
    'proxy_protocol_timeout' => 0.5,
    'log_level' => SWOOLE_LOG_WARNING,
]);
$server->addListener('127.0.0.1', $plain, SWOOLE_SOCK_TCP)->set(['open_proxy_protocol' => false]);
$server->addListener('127.0.0.1', $v2, SWOOLE_SOCK_TCP)->set([
    'open_proxy_protocol' => 2,
    'proxy_protocol_trusted' => ['127.0.0.1', '::1'],
]);
$server->addListener('127.0.0.1', $untrusted, SWOOLE_SOCK_TCP)->set([
    'open_proxy_protocol' => true,
    'proxy_protocol_trusted' => ['10.0.0.0/8'],
]);

function peers(Swoole\Server $s, int $fd): array
{
    $i = $s->getClientInfo($fd);
    return [
        $i['remote_ip'] . ':' . $i['remote_port'],
        isset($i['proxy_ip']) ? $i['proxy_ip'] . ':' . $i['proxy_port'] : '-',
        $i['server_port'],
    ];
}

$server->on('Connect', function (Swoole\Server $s, int $fd) {
    [$remote, $proxy, $port] = peers($s, $fd);
    echo "connect fd=$fd port=$port remote=$remote proxy=$proxy\n";
});
$server->on('Receive', function (Swoole\Server $s, int $fd, int $rid, string $data) {
    if ($data === 'stats') {
        $s->send($fd, json_encode($s->stats()['proxy_protocol_error_count'] ?? null) . "\n");
        return;
    }
    [$remote, $proxy] = peers($s, $fd);
    $s->send($fd, json_encode(['data' => $data, 'remote' => $remote, 'proxy' => $proxy, 'worker' => $s->worker_id]) . "\n");
});
$server->on('Close', function (Swoole\Server $s, int $fd) {
    echo "close fd=$fd\n";
});
$server->on('WorkerStart', function (Swoole\Server $s, int $id) {
    echo "worker $id started\n";
});
$server->start();
