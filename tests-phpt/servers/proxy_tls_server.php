<?php
/**
 * A server with a TLS port and a plain port that both take the PROXY
 * protocol, for the proxy_protocol_tls_*.phpt tests. One command per line:
 *   who   -> JSON {fd, remote, proxy} of this connection (getClientInfo)
 *   peers -> JSON {list, info}: getClientList(), and which of fds 1-12
 *            getClientInfo() knows (a connection still waiting for its PROXY
 *            header or its handshake is none yet), and which others send() takes
 *   stats -> JSON {errors: proxy_protocol_error_count, connections: connection_num}
 * Prints "connect FD remote=IP:PORT" and "close FD"; "worker N started".
 *
 * usage: php proxy_tls_server.php base|process TLS_PORT PLAIN_PORT CERTDIR
 */
[$mode, $tlsPort, $plainPort, $dir] = [$argv[1], (int)$argv[2], (int)$argv[3], $argv[4]];
$server = new Swoole\Server('127.0.0.1', $tlsPort, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE,
    SWOOLE_SOCK_TCP | SWOOLE_SSL);
$server->set([
    'worker_num' => 1,
    'ssl_cert_file' => "$dir/server.crt",
    'ssl_key_file' => "$dir/server.key",
    'open_proxy_protocol' => true,
    'proxy_protocol_timeout' => 1,
    'open_eof_split' => true,
    'package_eof' => "\n",
    'log_level' => SWOOLE_LOG_WARNING,
]);
$server->addListener('127.0.0.1', $plainPort, SWOOLE_SOCK_TCP);

$server->on('workerStart', function ($s, $id) {
    echo "worker $id started\n";
});
$server->on('connect', function ($s, $fd) {
    $i = $s->getClientInfo($fd);
    echo "connect $fd remote={$i['remote_ip']}:{$i['remote_port']}\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    switch (rtrim($data, "\n")) {
        case 'who':
            $i = $s->getClientInfo($fd);
            $proxy = isset($i['proxy_ip']) ? "{$i['proxy_ip']}:{$i['proxy_port']}" : '-';
            $s->send($fd, json_encode(['fd' => $fd, 'remote' => "{$i['remote_ip']}:{$i['remote_port']}",
                'proxy' => $proxy]) . "\n");
            break;
        case 'peers':
            $known = array_values(array_filter(range(1, 12), fn($f) => $s->getClientInfo($f) !== false));
            // send() to a session PHP does not know must fail (nothing may reach a client before its header).
            $sendable = array_values(array_filter(array_diff(range(1, 12), $known), fn($f) => @$s->send($f, "x")));
            $s->send($fd, json_encode(['list' => $s->getClientList(0, 100) ?: [], 'info' => $known, 'sendable' => $sendable]) . "\n");
            break;
        case 'stats':
            $st = $s->stats();
            $s->send($fd, json_encode(['errors' => $st['proxy_protocol_error_count'] ?? null,
                'connections' => $st['connection_num']]) . "\n");
            break;
        default:
            $s->send($fd, "?\n");
    }
});
$server->on('close', function ($s, $fd) {
    echo "close $fd\n";
});
$server->start();
