<?php
// Seed 003 (section "## 定时器()" (tick), first example "在 onReceive 中使用"): the seed's onReceive()
// as written, registered on a minimal one-worker server. Every message starts a 1000 ms tick that
// sends "hello world" to that client.
function onReceive(Swoole\Server $server, int $fd, int $reactorId, mixed $data)
{
    $server->tick(1000, function () use ($server, $fd) {
        $server->send($fd, "hello world");
    });
}

$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('receive', 'onReceive');
$server->start();
