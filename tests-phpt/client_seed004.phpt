--TEST--
Swoole\Client: seed 004's client.php (new swoole_client(SWOOLE_SOCK_TCP)) talks to seed 004's server, stdin answered by the test
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/echo_server_004.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/^Start$/');
wait_for_port($port);

// the client, as written (its port 9501 replaced), its stdin is our pipe
$code = str_replace('9501', (string)$port, file_get_contents(dirname(__DIR__) . '/examples-php/client_004.php'));
$file = sys_get_temp_dir() . '/swoole-client004-' . getmypid() . '.php';
file_put_contents($file, $code);
$proc = proc_open([PHP_BINARY, '-d', 'extension=' . swoole_so(), $file], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
fwrite($pipes[0], "hello from stdin\n");
fclose($pipes[0]);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
$code = proc_close($proc);
unlink($file);
echo preg_replace('/from_id:\d+/', 'from_id:N', $out), "\n";
var_dump($err, $code);
echo preg_replace('/from_id:\d+/', 'from_id:N', $srv->waitForLine('/^Get Message From Client/')), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
Get Message From Server:Hello fd:1! from_id:N
请输入消息：
string(0) ""
int(0)
Get Message From Client fd:1 from_id:N  data:hello from stdin
int(0)
