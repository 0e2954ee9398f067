--TEST--
Server: the constructor on a port already in use (or an invalid port) throws Swoole\Exception with Swoole's message and code; the holder is undisturbed
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/** Runs start_on_port.php and returns its output with the port masked. */
function try_start(string $host, int $port): string
{
    $p = new ServerProcess(__DIR__ . '/servers/start_on_port.php', [$host, $port], ['log_errors' => 0]);
    kill_on_exit($p);
    $out = $p->wait(4);
    return ($port < 65536 ? str_replace((string)$port, 'PORT', $out) : $out) . "exit code: {$p->exitCode}\n";
}

echo "=== held by a plain PHP socket\n";
$holder = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($holder, false), ':'), 1);
echo try_start('127.0.0.1', $port);
fclose($holder);

echo "=== held by a running Swoole server\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/cmd_server.php', [$port, 1]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLine('/^onWorkerStart /');
echo try_start('127.0.0.1', $port);
$c = new TestClient($port);
echo ask($c, 'still serving'), "\n";
$c->close();
$srv->stop();
var_dump($srv->exitCode);

echo "=== invalid port\n";
echo try_start('127.0.0.1', 70000);
?>
--EXPECTF--
=== held by a plain PHP socket
Swoole\Exception (98): failed to listen server port[127.0.0.1:PORT], Error: Address already in use[98]
exit code: 0
=== held by a running Swoole server
Swoole\Exception (98): failed to listen server port[127.0.0.1:PORT], Error: Address already in use[98]
exit code: 0
echo:still serving
int(0)
=== invalid port
%sERROR	Server::add_port() (ERRNO 9004): invalid port [70000]
Swoole\Exception (9004): failed to listen server port[127.0.0.1:70000], Error: Server invalid listen port[9004]
exit code: 0
