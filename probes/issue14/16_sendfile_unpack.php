<?php
// Item 16: Client::sendfile() with a negative offset or length, and
// Server\Task::unpack() of a truncated package.
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$file = tempnam(sys_get_temp_dir(), 'p16');
file_put_contents($file, "0123456789");
$pid = pcntl_fork();
if ($pid === 0) {
    $c = stream_socket_accept($server, 5);
    $got = '';
    while (($d = fread($c, 100)) !== '' && $d !== false) {
        $got .= $d;
    }
    echo "peer got: $got\n";
    exit(0);
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->connect('127.0.0.1', $port, 2);
var_dump($c->sendfile($file, -1));
var_dump($c->errCode);
var_dump($c->sendfile($file, 0, -1));
var_dump($c->sendfile($file, 2, 3));
var_dump($c->sendfile($file, 8));
var_dump($c->sendfile($file, 20));
var_dump($c->errCode);
var_dump($c->sendfile('/nonexistent/file'));
var_dump($c->errCode);
var_dump($c->sendfile(''));
$c->close();
pcntl_waitpid($pid, $st);
$u = new Swoole\Client(SWOOLE_SOCK_UDP);
$u->connect('127.0.0.1', $port);
var_dump($u->sendfile($file));
$n = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($n->sendfile($file));
unlink($file);

echo "--- Task::unpack\n";
$packed = Swoole\Server\Task::pack(['a' => 1]);
var_dump(is_string($packed), strlen($packed) > 0);
var_dump(Swoole\Server\Task::unpack($packed));
var_dump(Swoole\Server\Task::unpack(substr($packed, 0, 10)));
var_dump(Swoole\Server\Task::unpack(''));
var_dump(Swoole\Server\Task::unpack('x'));
var_dump(Swoole\Server\Task::unpack(Swoole\Server\Task::pack("plain string")));
