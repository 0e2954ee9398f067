--TEST--
Server event_object => true (both modes, on every port): onConnect/onReceive/onClose get Swoole\Server\Event, onPacket Server\Packet (the datagram in $data), onPipeMessage Server\PipeMessage, onTask Server\Task (task_object is implied), onFinish and a task() callback Server\TaskResult, onWorkerError Server\StatusInfo (an uncaught exception, a SIGKILL), with Swoole's properties
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/event_objects.php', [$port, $mode]);
    kill_on_exit($srv);
    wait_for_port($port);
    [, $tcp2, $udp] = explode(' ', $srv->waitForLine('/^ports /'));

    $c = new TestClient($port);
    echo $srv->waitForLine('/^onConnect/'), "\n";
    echo ask($c, "hello\n"), "\n";
    echo $srv->waitForLine('/^onReceive.*hello/'), "\n";
    $c->close();
    echo $srv->waitForLine('/^onClose/'), "\n";

    $c = new TestClient($port);
    echo ask($c, "task\n"), "\n";
    echo implode("\n", $srv->waitForLines('/^onTask/', 2)), "\n";
    echo $srv->waitForLine('/^onFinish/'), "\n";
    echo $srv->waitForLine('/^task callback/'), "\n";
    echo ask($c, "msg\n"), "\n";
    echo $srv->waitForLine('/^onPipeMessage/'), "\n";
    $c->close();

    $c = new TestClient((int)$tcp2);
    echo $srv->waitForLine('/^port onConnect/'), "\n";
    echo ask($c, "on the second port\n"), "\n";
    echo $srv->waitForLine('/^port onReceive/'), "\n";
    $c->close();
    echo $srv->waitForLines('/^onClose/', 2)[1], "\n";

    $u = stream_socket_client("udp://127.0.0.1:$udp");
    fwrite($u, 'ping');
    stream_set_timeout($u, 5);
    echo fread($u, 100), "\n";
    echo $srv->waitForLine('/^onPacket/'), "\n";
    fclose($u);

    foreach (['throw', 'kill'] as $i => $cmd) {
        $c = new TestClient($port);
        $c->send("$cmd\n");
        echo $srv->waitForLines('/^onWorkerError/', $i + 1)[$i], "\n";
        $c->close();
    }

    $srv->stop();
    echo "exit code: {$srv->exitCode}\n";
}
?>
--EXPECT--
--- base
onConnect($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
onReceive($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=now, data="hello\n"})
onClose($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
onTask($server, Swoole\Server\Task{data="T", dispatch_time=now, id=0, worker_id=W, flags=4})
onTask($server, Swoole\Server\Task{data="C", dispatch_time=now, id=1, worker_id=W, flags=12})
onFinish($server, Swoole\Server\TaskResult{task_id=0, task_worker_id=2, dispatch_time=now, data="R"})
task callback($server, Swoole\Server\TaskResult{task_id=1, task_worker_id=2, dispatch_time=now, data="r"})
ok
onPipeMessage($server, Swoole\Server\PipeMessage{source_worker_id=the sender, worker_id=the sender, dispatch_time=now, data="from <the sender>"})
port onConnect($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
port onReceive($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=now, data="on the second port\n"})
onClose($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
pong:ping
onPacket($server, Swoole\Server\Packet{server_socket=N, server_port=the UDP port, dispatch_time=now, address="127.0.0.1", port=N, data="ping"})
onWorkerError($server, Swoole\Server\StatusInfo{worker_id=W, worker_pid=N, status=65280, exit_code=255, signal=0})
onWorkerError($server, Swoole\Server\StatusInfo{worker_id=W, worker_pid=N, status=9, exit_code=0, signal=9})
exit code: 0
--- process
onConnect($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
onReceive($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=now, data="hello\n"})
onClose($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
onTask($server, Swoole\Server\Task{data="T", dispatch_time=now, id=0, worker_id=W, flags=4})
onTask($server, Swoole\Server\Task{data="C", dispatch_time=now, id=1, worker_id=W, flags=12})
onFinish($server, Swoole\Server\TaskResult{task_id=0, task_worker_id=2, dispatch_time=now, data="R"})
task callback($server, Swoole\Server\TaskResult{task_id=1, task_worker_id=2, dispatch_time=now, data="r"})
ok
onPipeMessage($server, Swoole\Server\PipeMessage{source_worker_id=the sender, worker_id=the sender, dispatch_time=now, data="from <the sender>"})
port onConnect($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
ok
port onReceive($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=now, data="on the second port\n"})
onClose($server, Swoole\Server\Event{reactor_id=R, fd=N, dispatch_time=0.0, data=null})
pong:ping
onPacket($server, Swoole\Server\Packet{server_socket=N, server_port=the UDP port, dispatch_time=now, address="127.0.0.1", port=N, data="ping"})
onWorkerError($server, Swoole\Server\StatusInfo{worker_id=W, worker_pid=N, status=65280, exit_code=255, signal=0})
onWorkerError($server, Swoole\Server\StatusInfo{worker_id=W, worker_pid=N, status=9, exit_code=0, signal=9})
exit code: 0
