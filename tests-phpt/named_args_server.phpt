--TEST--
Named arguments in Swoole 6.2.1's parameter names reach every Swoole\Server and Swoole\Server\Port method (in another order, optional ones skipped), in SWOOLE_BASE and SWOOLE_PROCESS
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
    $srv = new ServerProcess(__DIR__ . '/servers/named_args.php', [$port, $mode]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLine('/^task worker started/');
    $udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
    $udpPort = (int)substr(strrchr(stream_socket_get_name($udp, false), ':'), 1);
    $c = new TestClient($port);
    $c->send("go $udpPort\n");
    // send() then sendfile()'s first 5 bytes of the script, then the close.
    echo "tcp: ", json_encode($c->recvAll()), "\n";
    $ready = [$udp];
    $none = null;
    echo "udp: ", json_encode(stream_select($ready, $none, $none, (int)TEST_TIMEOUT) ? stream_socket_recvfrom($udp, 100) : null), "\n";
    echo $srv->wait();
    echo "exit: ", $srv->exitCode, "\n";
}
?>
--EXPECT--
--- base
tcp: "A\n<?php"
udp: "U"
construct: ["127.0.0.1",true,1]
set: true
listen: [true,true,true]
port set: {"package_max_length":4096}
port on: true
port getCallback: true
addCommand: true
addProcess: 0
task worker started: 1
send: true
sendfile: true
sendto: true
exists: [true,true,false]
bind: true
getClientInfo: [7,true]
connection_info: true
getClientList: [true,true]
protect: true
pause: true
resume: true
heartbeat: []
workers: [true,true,true,true]
taskwait: "done:w:1"
taskWaitMulti: {"x":"done:a:1","y":"done:b:1"}
taskCo: false
command: "got \"hi\""
getCallback: true
task: true
finish callback: "done:t:1"
pipeMessage in worker 1: [0,"ping"]
pipeMessage in worker 0: [1,"pong"]
sendMessage: true
close: true
start: true
exit: 0
--- process
tcp: "A\n<?php"
udp: "U"
construct: ["127.0.0.1",true,1]
set: true
listen: [true,true,true]
port set: {"package_max_length":4096}
port on: true
port getCallback: true
addCommand: true
addProcess: 0
task worker started: 1
send: true
sendfile: true
sendto: true
exists: [true,true,false]
bind: true
getClientInfo: [7,true]
connection_info: true
getClientList: [true,true]
protect: true
pause: true
resume: true
heartbeat: []
workers: [true,true,true,true]
taskwait: "done:w:1"
taskWaitMulti: {"x":"done:a:1","y":"done:b:1"}
taskCo: false
command: false
getCallback: true
task: true
finish callback: "done:t:1"
pipeMessage in worker 1: [0,"ping"]
pipeMessage in worker 0: [1,"pong"]
sendMessage: true
close: true
start: true
exit: 0
