--TEST--
Swoole\Client::sendfile(): zero-copy ranges; a negative offset or length warns "parameter $offset[-1] must be greater than or equal to 0" and returns false; empty name, datagram client, no connection, a missing file or a range outside it warn; Swoole\Server\Task::unpack() of a truncated package warns "invalid task package"
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$file = tempnam(sys_get_temp_dir(), 'csf');
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
var_dump($c->sendfile($file, -1), $c->errCode);
var_dump($c->sendfile($file, 0, -1));
var_dump($c->sendfile($file, 2, 3), $c->sendfile($file, 8));
var_dump($c->sendfile($file, 20), $c->errCode);
var_dump($c->sendfile('/nonexistent/file'), $c->errCode);
var_dump($c->sendfile(''));
$c->close();
pcntl_waitpid($pid, $st);
$u = new Swoole\Client(SWOOLE_SOCK_UDP);
$u->connect('127.0.0.1', $port);
var_dump($u->sendfile($file));
$n = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($n->sendfile($file), $n->errCode);
unlink($file);

echo "--- Task::unpack\n";
$packed = Swoole\Server\Task::pack(['a' => 1]);
var_dump(Swoole\Server\Task::unpack($packed));
var_dump(Swoole\Server\Task::unpack(substr($packed, 0, 10)));
var_dump(Swoole\Server\Task::unpack(''));
var_dump(Swoole\Server\Task::unpack(Swoole\Server\Task::pack("plain string")));
?>
--EXPECTF--
Warning: Swoole\Client::sendfile(): parameter $offset[-1] must be greater than or equal to 0 in %s on line %d
bool(false)
int(0)

Warning: Swoole\Client::sendfile(): parameter $length[-1] must be greater than or equal to 0 in %s on line %d
bool(false)
bool(true)
bool(true)
[%s]	WARNING	Client::sendfile() (ERRNO 505): length[0] or offset[20] is invalid

Warning: Swoole\Client::sendfile(): sendfile() failed. Error: Invalid params [505] in %s on line %d
bool(false)
int(505)

Warning: Swoole\Client::sendfile(): sendfile() failed. Error: No such file or directory [2] in %s on line %d
bool(false)
int(2)

Warning: Swoole\Client::sendfile(): file to send is empty in %s on line %d
bool(false)
peer got: 23489

Warning: Swoole\Client::sendfile(): dgram socket cannot use sendfile in %s on line %d
bool(false)

Warning: Swoole\Client::sendfile(): client is not connected to server in %s on line %d
bool(false)
int(5001)
--- Task::unpack
array(1) {
  ["a"]=>
  int(1)
}

Warning: Swoole\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)

Warning: Swoole\Server\Task::unpack(): invalid task package in %s on line %d
bool(false)
string(12) "plain string"
