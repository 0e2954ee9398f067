<?php
// Seed 003 (section "## 一次性定时器()" (after)): the section has no example, so this one follows its
// signature, Swoole\Server->after(int $millisecond, callable $callback) ("callback 函数不接受任何参数").
// A message starts a 100 ms one-shot timer that answers "after: <message> args=<number of arguments
// the callback got>"; the message "timers" answers how many timers this worker still has.
$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('receive', function ($server, $fd, $reactor_id, $data) {
    if ($data === "timers") {
        $server->send($fd, "timers=" . count(Swoole\Timer::list()) . "\n");
        return;
    }
    $server->after(100, function () use ($server, $fd, $data) {
        $server->send($fd, "after: $data args=" . func_num_args() . "\n");
    });
});
$server->start();
