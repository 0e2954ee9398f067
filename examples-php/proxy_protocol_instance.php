<?php
/**
 * One server instance behind HAProxy (see haproxy.cfg beside this file and
 * README's "Behind HAProxy"): its port requires the PROXY protocol v2 from
 * the balancer only, so getClientInfo() shows the real client.
 *
 * usage: php proxy_protocol_instance.php NAME PORT
 */
$name = $argv[1] ?? 'a';
$port = (int)($argv[2] ?? 9501);

$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
$server->set([
    'worker_num' => 1,
    'open_proxy_protocol' => 2,             // HAProxy's send-proxy-v2
    'proxy_protocol_timeout' => 3,          // seconds for the header
    'proxy_protocol_trusted' => ['127.0.0.1', '::1'], // only the balancer
]);
$server->on('Receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($name) {
    $i = $s->getClientInfo($fd);
    $via = isset($i['proxy_ip']) ? "{$i['proxy_ip']}:{$i['proxy_port']}" : '-';
    $s->send($fd, "instance=$name client={$i['remote_ip']}:{$i['remote_port']} via=$via data=" . trim($data) . "\n");
});
$server->on('WorkerStart', function () use ($name, $port) {
    echo "instance $name ready on $port\n";
});
$server->start();
