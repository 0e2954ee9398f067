--TEST--
Server: getClientInfo() and stats() describe the connections and count the traffic
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

function local_port(TestClient $c): int
{
    return (int)substr(strrchr(stream_socket_get_name($c->sock, false), ':'), 1);
}

$t0 = time();
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1]);
kill_on_exit($srv);
wait_for_port($port);

$a = new TestClient($port);
$b = new TestClient($port);
$srv->waitForLines('/^onConnect fd=/', 2);
echo ask($a, 'fd'), "\n";
echo ask($a, 'hello'), "\n";

echo "--- getClientInfo(own fd)\n";
$info = unserialize(ask($a, 'info'));
foreach ($info as $k => $v) {
    echo "$k: ", get_debug_type($v), "\n";
}
$now = time();
var_dump(
    $info['server_port'] === $port,
    $info['socket_type'] === SWOOLE_SOCK_TCP,
    $info['remote_ip'],
    $info['remote_port'] === local_port($a),
    $info['reactor_id'],
    $info['connect_time'] >= $t0 && $info['connect_time'] <= $now,
    $info['last_time'] >= $info['connect_time'] && $info['last_time'] <= $now,
    $info['last_recv_time'] >= $info['connect_time'] && $info['last_recv_time'] <= $now + 1,
    $info['last_send_time'] > 0,
    $info['close_errno'],
    $info['recv_queued_bytes'],
    $info['send_queued_bytes'],
    $info['server_fd'] !== $info['socket_fd'],
);

echo "--- getClientInfo(other fd), unknown fd\n";
$other = unserialize(ask($a, 'info 2'));
var_dump(
    array_keys($other) === array_keys($info),
    $other['remote_port'] === local_port($b),
    $other['server_fd'] === $info['server_fd'],
    $other['socket_fd'] !== $info['socket_fd'],
    $other['last_recv_time'],
);
var_dump(unserialize(ask($a, 'info 99')));

echo "--- stats()\n";
$s1 = unserialize(ask($a, 'stats'));
echo implode("\n", array_keys($s1)), "\n";
echo "non-int: ", json_encode(array_keys(array_filter($s1, fn($v) => !is_int($v)))), "\n";
var_dump(
    $s1['start_time'] >= $t0 && $s1['start_time'] <= time(),
    $s1['connection_num'],
    $s1['accept_count'],
    $s1['close_count'],
    $s1['worker_num'],
    $s1['task_worker_num'],
    $s1['session_round'],
);

echo "--- counters move\n";
echo ask($a, 'hello'), "\n";
$b->close();
$srv->waitForLine('/^onClose fd=2$/');
$s2 = unserialize(ask($a, 'stats'));
var_dump(
    $s2['request_count'] - $s1['request_count'],
    $s2['total_recv_bytes'] - $s1['total_recv_bytes'],
    $s2['total_send_bytes'] > $s1['total_send_bytes'],
    $s2['connection_num'],
    $s2['accept_count'],
    $s2['close_count'],
);
$a->close();
$srv->waitForLine('/^onClose fd=1$/');

$out = $srv->stop();
var_dump($srv->exitCode);
echo preg_match('/^after start: true pid=\d+ children=\[\]$/m', $out) ? "clean stop\n" : $out;
?>
--EXPECT--
fd=1
echo:hello
--- getClientInfo(own fd)
server_port: int
server_fd: int
socket_fd: int
socket_type: int
remote_port: int
remote_ip: string
reactor_id: int
connect_time: int
last_time: int
last_recv_time: float
last_send_time: float
last_dispatch_time: float
close_errno: int
recv_queued_bytes: int
send_queued_bytes: int
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
int(0)
int(0)
bool(true)
--- getClientInfo(other fd), unknown fd
bool(true)
bool(true)
bool(true)
bool(true)
float(0)
bool(false)
--- stats()
start_time
connection_num
abort_count
accept_count
close_count
worker_num
task_worker_num
user_worker_num
idle_worker_num
dispatch_count
request_count
response_count
total_recv_bytes
total_send_bytes
pipe_packet_msg_id
concurrency
session_round
min_fd
max_fd
worker_request_count
worker_response_count
worker_dispatch_count
worker_concurrency
coroutine_num
coroutine_peek_num
recv_queued_bytes
recv_waiting_num
non-int: []
bool(true)
int(2)
int(2)
int(0)
int(1)
int(0)
int(2)
--- counters move
echo:hello
int(2)
int(10)
bool(true)
int(1)
int(2)
int(1)
int(0)
clean stop
