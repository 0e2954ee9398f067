--TEST--
UDP server in SWOOLE_PROCESS mode: the event workers (children of the manager, not the master) answer onPacket with sendto()
--EXTENSIONS--
swoole
sockets
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/udp_process_server.php', [$port]);
kill_on_exit($srv);
$starts = $srv->waitForLines('/^onWorkerStart /', 2);
$workers = pids_in(implode("\n", $starts), '/onWorkerStart/');
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
$ok = 0;
for ($i = 0; $i < 6; $i++) {
    socket_sendto($s, "m$i", 2, 0, '127.0.0.1', $port);
    $from = '';
    $fport = 0;
    socket_recvfrom($s, $buf, 100, 0, $from, $fport);
    $ok += (int)(preg_match("/^w[01] pid=(\d+):m$i$/", (string)$buf, $m) && in_array((int)$m[1], $workers, true) && $fport === $port);
}
echo "answered by workers: $ok/6\n";
echo "no warning: ", var_export(!str_contains($srv->output(), 'Warning'), true), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
answered by workers: 6/6
no warning: true
int(0)
