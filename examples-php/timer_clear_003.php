<?php
// Seed 003 (section "## 清除定时器()" (clearTimer) example): the seed's snippet as written, run in
// onWorkerStart of a minimal one-worker server. The only addition is a log line in clearTimer() (a
// subclass calling the real Swoole\Server::clearTimer) so one can see how often the tick ran, and a
// check 2.5 s later that the timer is gone.
class Server extends Swoole\Server
{
    public function clearTimer($timerId): bool
    {
        $ret = parent::clearTimer($timerId);
        echo "clearTimer($timerId) returned " . var_export($ret, true) . "\n";
        return $ret;
    }
}

$server = new Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('workerStart', function ($server, $workerId) {
    // --- seed 003, clearTimer() example, as written ---
$timerId = $server->tick(1000, function ($timerId) use ($server) {
    $server->clearTimer($timerId);//$id是定时器的id
});
    // --- end of the seed's example ---
    echo "tick timer $timerId started\n";
    Swoole\Timer::after(2500, function () use ($timerId) {
        echo "2.5 s later: timer $timerId exists: " . var_export(Swoole\Timer::exists($timerId), true) . "\n";
    });
});
$server->on('receive', function ($server, $fd, $reactor_id, $data) {
});
$server->start();
