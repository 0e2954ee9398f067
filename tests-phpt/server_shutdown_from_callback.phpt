--TEST--
Server: shutdown() called in onReceive stops the whole server (one process, and 3 workers) and start() returns true
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/** Lifecycle lines of $out (connection lines left out), pids and times masked. */
function lifecycle(string $out): array
{
    $lines = preg_grep('/^(on(WorkerStop|ManagerStop|Shutdown)|after start)/', explode("\n", $out));
    return array_values(preg_replace(['/ pid=\d+/', '/ in=\d+/'], '', $lines));
}

foreach ([1, 3] as $workerNum) {
    echo "=== worker_num=$workerNum\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, $workerNum]);
    kill_on_exit($srv);
    wait_for_port($port);
    $starts = $srv->waitForLines('/^onWorkerStart /', $workerNum);
    $workers = pids_in(implode("\n", $starts), '/onWorkerStart/');

    // ask from the last worker, so in the multi-worker case it is not the one that ran onStart
    $wid = $workerNum - 1;
    for ($i = 0; $i < 300; $i++) {
        $c = new TestClient($port);
        if (str_ends_with(ask($c, 'pid'), " wid=$wid")) {
            break;
        }
        $c->close();
    }
    echo ask($c, 'shutdown'), "\n";
    var_dump($c->recvAll());

    $out = $srv->wait();
    var_dump($srv->exitCode);
    if ($workerNum === 1) {
        // one process does everything, in this order
        $seq = preg_grep('/^(on(Start|ManagerStart|WorkerStart|WorkerStop|ManagerStop|Shutdown) |after start)/', explode("\n", $out));
        echo implode("\n", preg_replace('/=' . $srv->pid . '\b/', '=MASTER', $seq)), "\n";
    }
    $events = lifecycle($out);
    $stops = preg_grep('/^onWorkerStop /', $events);
    sort($stops);
    echo implode("\n", $stops), "\n";
    // the master's own lines come last, in this order
    echo implode("\n", array_slice($events, count($stops))), "\n";
    var_dump(array_values(array_filter($workers, 'pid_alive')));
    var_dump(port_listening($port));
}
?>
--EXPECT--
=== worker_num=1
shutdown=true
string(0) ""
int(0)
onStart master_pid=MASTER pid=MASTER
onWorkerStart id=0 pid=MASTER
onWorkerStop id=0 pid=MASTER
onShutdown pid=MASTER
after start: true pid=MASTER children=[]
onWorkerStop id=0
onShutdown
after start: true children=[]
array(0) {
}
bool(false)
=== worker_num=3
shutdown=true
string(0) ""
int(0)
onWorkerStop id=0
onWorkerStop id=1
onWorkerStop id=2
onManagerStop
onShutdown
after start: true children=[]
array(0) {
}
bool(false)
