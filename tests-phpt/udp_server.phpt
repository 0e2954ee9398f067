--TEST--
UDP servers (v4 and v6): onPacket($server, $data, $clientInfo) and sendto() answer each datagram; without onPacket start() refuses
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['udp' => '127.0.0.1', 'udp6' => '[::1]'] as $kind => $host) {
    echo "--- $kind\n";
    $probe = @stream_socket_server("udp://$host:0", $e, $es, STREAM_SERVER_BIND);
    if (!$probe) { echo "no $kind on this machine\n"; continue; }
    $port = (int)substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
    fclose($probe);
    $srv = new ServerProcess(__DIR__ . '/servers/udp_echo.php', [$port, $kind]);
    kill_on_exit($srv);
    $srv->waitForLines('/^worker \d$/', 2);
    $c = stream_socket_client("udp://$host:$port", $e, $es, 2);
    stream_set_timeout($c, 5);
    foreach (['one', 'two'] as $msg) {
        fwrite($c, $msg);
        echo fread($c, 200), "\n";
    }
    $srv->stop();
    var_dump($srv->exitCode);
}

echo "--- no onPacket\n";
// Swoole's fatal error: the script ends there.
echo output_and_exit_of(<<<'PHP'
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_UDP);
$s->on('receive', fn() => null);
var_dump($s->start());
echo "not reached\n";
PHP), "\n";
?>
--EXPECTF--
--- udp
echo:one keys=server_socket,dispatch_time,server_port,address,port server_port_ok=true
echo:two keys=server_socket,dispatch_time,server_port,address,port server_port_ok=true
int(0)
--- udp6
echo:one keys=server_socket,dispatch_time,server_port,address,port server_port_ok=true
echo:two keys=server_socket,dispatch_time,server_port,address,port server_port_ok=true
int(0)
--- no onPacket
Fatal error: Swoole\Server::start(): require onPacket callback in %s on line %d
exit status 255
