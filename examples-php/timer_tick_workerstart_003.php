<?php
// Seed 003 (section "## 定时器()" (tick), second example "在 onWorkerStart 中使用"): the seed's
// onWorkerStart() as written, registered on a minimal one-worker server (no task workers, so the
// tick prints its timer id with var_dump() every 1000 ms).
function onWorkerStart(Swoole\Server $server, int $workerId)
{
    if (!$server->taskworker) {
        $server->tick(1000, function ($id) {
          var_dump($id);
        });
    } else {
        //task
        $server->tick(1000);
    }
}

$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('workerStart', 'onWorkerStart');
$server->on('receive', function ($server, $fd, $reactor_id, $data) {
});
$server->start();
