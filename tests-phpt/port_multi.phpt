--TEST--
Server\Port: one server on TCP, a second TCP port with its own onReceive and EOF framing, UDP with its own onPacket (sendto), a Unix stream port (server callbacks) and a Unix datagram port (send($address)), in SWOOLE_BASE and SWOOLE_PROCESS; $server->ports, Port::on/getCallback, getClientInfo's server_port
--EXTENSIONS--
swoole
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

function udp_ask(int $domain, string $to, int $port, string $msg, ?string $bindPath = null): string
{
    $s = socket_create($domain, SOCK_DGRAM, 0);
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
    if ($bindPath !== null) {
        socket_bind($s, $bindPath);
    }
    socket_sendto($s, $msg, strlen($msg), 0, $to, $port);
    $from = '';
    $fromPort = 0;
    $n = socket_recvfrom($s, $buf, 1000, 0, $from, $fromPort);
    socket_close($s);
    return $n === false ? '(nothing)' : "$buf from " . ($domain === AF_UNIX ? basename($from) : "port $fromPort");
}

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $dir = sys_get_temp_dir() . "/swoole-ports-" . getmypid() . "-$mode";
    @mkdir($dir);
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/multi_port_server.php', [$port, $mode, $dir], ['log_errors' => 0]);
    kill_on_exit($srv);
    $line = $srv->waitForLine('/^ports /');
    $ports = json_decode(substr($line, 6), true);
    echo "types: ", implode(',', array_column($ports, 0)), "; port 0 is $port: ", var_export($ports[0][1] === $port, true),
        "; kernel ports: ", var_export($ports[1][1] > 0 && $ports[2][1] > 0, true), "\n";

    $c = new TestClient($port);
    $c->send("hello");
    echo $c->recv(), "\n";
    $c->close();

    // Length of each write does not matter: one onReceive per "\n"-terminated line.
    $l = new TestClient($ports[1][1]);
    $l->send("one\ntw");
    usleep(20000);
    $l->send("o\nthree\n");
    $got = '';
    while (substr_count($got, "\n") < 3 && ($chunk = $l->recv()) !== '') {
        $got .= $chunk;
    }
    echo str_replace((string)$ports[1][1], 'P1', $got);
    $l->close();

    echo str_replace((string)$ports[2][1], 'P2', udp_ask(AF_INET, '127.0.0.1', $ports[2][1], 'ping')), "\n";

    $u = stream_socket_client("unix://$dir/stream.sock", $errno, $errstr, 5);
    fwrite($u, "over unix");
    echo fread($u, 100), "\n";
    fclose($u);

    echo udp_ask(AF_UNIX, "$dir/dgram.sock", 0, 'dg', "$dir/client.sock"), "\n";

    $out = $srv->stop();
    echo implode("\n", array_slice(explode("\n", trim($out)), 0, 4)), "\n";
    var_dump($srv->exitCode);
    array_map('unlink', glob("$dir/*"));
    rmdir($dir);
}
?>
--EXPECTF--
--- base
types: 1,1,2,5,6; port 0 is %d: true; kernel ports: true
main:hello
line:one server_port=P1
line:two server_port=P1
line:three server_port=P1
udp:ping from port P2
main:over unix
unix-dgram:dg from dgram.sock
bool(true)
NULL
Warning: Swoole\Server\Port::on(): unknown event types[start] in %s on line %d
bool(false)
int(0)
--- process
types: 1,1,2,5,6; port 0 is %d: true; kernel ports: true
main:hello
line:one server_port=P1
line:two server_port=P1
line:three server_port=P1
udp:ping from port P2
main:over unix
unix-dgram:dg from dgram.sock
bool(true)
NULL
Warning: Swoole\Server\Port::on(): unknown event types[start] in %s on line %d
bool(false)
int(0)
