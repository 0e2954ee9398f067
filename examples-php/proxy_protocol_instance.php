<?php
/**
 * One server instance behind HAProxy (see haproxy.cfg beside this file and
 * README's "Behind a load balancer"): its port requires the PROXY protocol
 * v2 from the balancer only, so getClientInfo() shows the real client; a
 * second port answers the balancer's health checks; enable_reuse_port lets
 * a new instance start on the same ports before this one stops.
 *
 * usage: php proxy_protocol_instance.php NAME PORT [HEALTH_PORT [base|process [WARMUP_FILE]]]
 *   HEALTH_PORT: answers any request with HTTP 200 "ready" once every
 *     worker has started, 503 "starting" before; on SIGTERM it stops
 *     accepting at once (checks fail) while open connections are finished.
 *   WARMUP_FILE: onWorkerStart waits until this file exists (a slow warm-up,
 *     for the health-check test).
 */
$name = $argv[1] ?? 'a';
$port = (int)($argv[2] ?? 9501);
$healthPort = (int)($argv[3] ?? 0);
$mode = ($argv[4] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$warmup = $argv[5] ?? null;

$server = new Swoole\Server('127.0.0.1', $port, $mode);
$server->set([
    'worker_num' => 2,
    'open_proxy_protocol' => 2,             // HAProxy's send-proxy-v2
    'proxy_protocol_timeout' => 3,          // seconds for the header
    'proxy_protocol_trusted' => ['127.0.0.1', '::1'], // only the balancer
    'enable_reuse_port' => true,            // a new instance may bind beside this one
    'max_wait_time' => 10,                  // seconds to finish connections on SIGTERM
]);
// Workers that finished onWorkerStart (shared by all processes).
$started = new Swoole\Atomic(0);

if ($healthPort) {
    $health = $server->addListener('127.0.0.1', $healthPort, SWOOLE_SOCK_TCP);
    $health->set(['open_proxy_protocol' => false]);  // HAProxy's checks come plain here
    $health->on('Receive', function (Swoole\Server $s, int $fd) use ($started) {
        $ready = $started->get() >= $s->setting['worker_num'];
        $body = $ready ? "ready\n" : "starting\n";
        $status = $ready ? '200 OK' : '503 Service Unavailable';
        $s->send($fd, "HTTP/1.0 $status\r\nContent-Type: text/plain\r\nContent-Length: " . strlen($body) . "\r\n\r\n$body");
        $s->close($fd);
    });
}

$server->on('Receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($name) {
    $i = $s->getClientInfo($fd);
    $via = isset($i['proxy_ip']) ? "{$i['proxy_ip']}:{$i['proxy_port']}" : '-';
    $s->send($fd, "instance=$name client={$i['remote_ip']}:{$i['remote_port']} via=$via data=" . trim($data) . "\n");
});
$server->on('WorkerStart', function (Swoole\Server $s) use ($name, $port, $started, $warmup) {
    for ($i = 0; $warmup !== null && !file_exists($warmup) && $i < 3000; $i++) {
        usleep(10000);
    }
    if ($started->add(1) === $s->setting['worker_num']) {
        echo "instance $name ready on $port\n";
    }
});
$server->on('Shutdown', function () use ($name) {
    echo "instance $name stopped\n";
});
$server->start();
