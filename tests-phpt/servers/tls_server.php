<?php
/**
 * A TLS echo server for the tls_*.phpt tests, one line-oriented command per
 * line (open_eof_split on "\n"):
 *   info   -> JSON of what the server says about this connection
 *   file P -> sendfile(P), then "sent"
 *   stats  -> connection_num, as stats() counts it
 *   peers N -> getClientList(), exist() of fds 1-8, send() and getClientInfo() to fd N
 *   reload -> $server->reload()
 *   pause MS -> pause(), "paused", resume() after MS milliseconds
 *   close  -> the server closes the connection
 *   other  -> "echo:<line>"
 * Prints "connect N" / "close N" for the events, "ready ID" when a worker starts,
 * "reload done" after a reload.
 *
 * usage: php tls_server.php PORT base|process CERTDIR JSON_SETTINGS
 */
[$port, $mode, $dir, $json] = [(int)$argv[1], $argv[2], $argv[3], $argv[4] ?? '{}'];
$settings = json_decode($json, true) + [
    'worker_num' => 1,
    'ssl_cert_file' => "$dir/server.crt",
    'ssl_key_file' => "$dir/server.key",
    'open_eof_split' => true,
    'package_eof' => "\n",
    'log_level' => SWOOLE_LOG_WARNING,
];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE,
    SWOOLE_SOCK_TCP | SWOOLE_SSL);
$server->set($settings);
$server->on('workerStart', function ($s, $id) {
    echo "ready $id\n";
});
$server->on('afterReload', function () {
    echo "reload done\n";
});
$server->on('connect', function ($s, $fd) {
    echo "connect $fd\n";
    if (!empty($s->setting['enable_delay_receive'])) {
        $s->confirm($fd);
    }
});
$server->on('receive', function ($s, $fd, $rid, $data) {
    $line = rtrim($data, "\n");
    [$cmd, $arg] = explode(' ', $line, 2) + [1 => ''];
    switch ($cmd) {
        case 'info':
            $info = $s->getClientInfo($fd);
            $cert = isset($info['ssl_client_cert']) ? openssl_x509_parse($info['ssl_client_cert'])['subject']['CN'] : null;
            $s->send($fd, json_encode(['first_key' => array_key_first($info), 'client_cn' => $cert,
                'server_ssl' => $s->ssl, 'port_type' => $s->ports[0]->type, 'port_ssl' => $s->ports[0]->ssl]) . "\n");
            break;
        case 'file':
            $s->sendfile($fd, $arg);
            $s->send($fd, "sent\n");
            break;
        case 'peers':
            // What PHP sees of the other sessions: a client still in its handshake is none yet.
            $list = $s->getClientList(0, 100) ?: [];
            $exist = array_values(array_filter(range(1, 8), fn($f) => $s->exist($f)));
            $sent = @$s->send((int)$arg, "x\n");
            $s->send($fd, json_encode(['list' => $list, 'exist' => $exist, "send $arg" => $sent,
                'info' => $s->getClientInfo((int)$arg) !== false]) . "\n");
            break;
        case 'stats':
            $s->send($fd, $s->stats()['connection_num'] . "\n");
            break;
        case 'reload':
            $s->send($fd, ($s->reload() ? 'reloading' : 'no reload') . "\n");
            break;
        case 'pause':
            // Paused until a timer resumes it; what the client sends meanwhile waits.
            $s->pause($fd);
            $s->send($fd, "paused\n");
            Swoole\Timer::after((int)$arg, function () use ($s, $fd) {
                echo "resume $fd\n";
                $s->resume($fd);
            });
            break;
        case 'close':
            $s->close($fd);
            break;
        default:
            $s->send($fd, "echo:$line\n");
    }
});
$server->on('close', function ($s, $fd) {
    echo "close $fd\n";
});
$server->start();
