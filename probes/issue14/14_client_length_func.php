<?php
// Item 14 (client side): package_length_func with open_length_check: the
// callable gets the buffered bytes and returns the packet length (0: need
// more, negative: bad packet).
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$pid = pcntl_fork();
if ($pid === 0) {
    $c = stream_socket_accept($server, 5);
    // packets: 1 byte length (of the whole packet) then payload
    fwrite($c, chr(4) . "abc" . chr(6) . "hel");
    usleep(100000);
    fwrite($c, "lo" . chr(3) . "xy");
    usleep(100000);
    fwrite($c, chr(200) . "zzz");
    usleep(100000);
    fclose($c);
    $c = stream_socket_accept($server, 5);
    fwrite($c, "NEG!rest");
    usleep(100000);
    fclose($c);
    exit(0);
}
$calls = [];
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set([
    'open_length_check' => true,
    'package_max_length' => 100,
    'package_length_func' => function ($data) use (&$calls) {
        $calls[] = bin2hex($data);
        return strlen($data) < 1 ? 0 : ord($data[0]);
    },
]);
var_dump($c->connect('127.0.0.1', $port, 2));
for ($i = 0; $i < 5; $i++) {
    var_dump(bin2hex((string)$c->recv()));
}
echo implode(",", $calls), "\n";
$c->close();
$calls = [];
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_length_check' => true, 'package_length_func' => function ($data) use (&$calls) {
    $calls[] = $data;
    return -1;
}]);
$c->connect('127.0.0.1', $port, 2);
var_dump($c->recv(), $c->errCode, $c->isConnected());
echo implode(",", $calls), "\n";
pcntl_waitpid($pid, $st);
echo "--- not callable\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->set(['open_length_check' => true, 'package_length_func' => 'no_such_function']));
var_dump($c->connect('127.0.0.1', $port, 0.5));
echo "not reached?\n";
