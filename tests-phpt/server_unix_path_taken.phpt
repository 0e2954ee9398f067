--TEST--
A Unix socket path: a stale socket file (left by a server that is gone) is replaced, but a path a listener still serves is not taken over: addListener() there is false with 98 (EADDRINUSE), as Swoole's, and the first listener keeps answering; a regular file is never replaced
--EXTENSIONS--
swoole
--FILE--
<?php
$path = sys_get_temp_dir() . '/swoole-unix-taken-' . getmypid() . '.sock';
@unlink($path);
$stale = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_bind($stale, $path);
socket_close($stale);
var_dump(file_exists($path));
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$first = $s->addListener($path, 0, SWOOLE_UNIX_STREAM);
var_dump($first instanceof Swoole\Server\Port);
swoole_clear_error();
var_dump($s->addListener($path, 0, SWOOLE_UNIX_STREAM), swoole_last_error());
$c = stream_socket_client("unix://$path", $errno, $errstr, 1);
var_dump($c !== false);
$file = sys_get_temp_dir() . '/swoole-unix-taken-' . getmypid() . '.txt';
file_put_contents($file, 'keep');
var_dump($s->addListener($file, 0, SWOOLE_UNIX_STREAM), file_get_contents($file));
unlink($file);
unlink($path);
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
int(98)
bool(true)
bool(false)
string(4) "keep"
