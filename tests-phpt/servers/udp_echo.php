<?php
/**
 * A UDP echo server (v4 or v6), 2 workers: onPacket answers with sendto().
 *
 * usage: php udp_echo.php PORT udp|udp6
 */
[$port, $kind] = [(int)$argv[1], $argv[2]];
$v6 = $kind === 'udp6';
$server = new Swoole\Server($v6 ? '::1' : '127.0.0.1', $port, SWOOLE_BASE, $v6 ? SWOOLE_SOCK_UDP6 : SWOOLE_SOCK_UDP);
$server->set(['worker_num' => 2]);
$server->on('workerStart', function ($s, $id) {
    echo "worker $id\n";
});
$server->on('packet', function (Swoole\Server $s, string $data, array $info) {
    $keys = implode(',', array_keys($info));
    $s->sendto($info['address'], $info['port'], "echo:$data keys=$keys server_port_ok=" .
        var_export($info['server_port'] === $s->port, true));
});
$server->start();
