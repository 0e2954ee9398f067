--TEST--
Swoole\Client package_length_func (with open_length_check): the callable gets the buffered bytes and returns the packet's length (0: need more, negative: bad packet, ""), packets split anywhere keep their leftovers, over package_max_length logs 1201 and gives "", a non-callable fails connect(), an exception in it leaves recv()
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$pid = pcntl_fork();
if ($pid === 0) {
    $c = stream_socket_accept($server, 5);
    // each packet: one byte giving the whole packet's length, then payload
    fwrite($c, chr(4) . "abc" . chr(6) . "hel");
    fread($c, 1);
    fwrite($c, "lo" . chr(3) . "xy" . chr(200) . "zzz");
    fread($c, 1);
    fclose($c);
    foreach (["NEG!rest", "boom"] as $data) {
        $c = stream_socket_accept($server, 5);
        fwrite($c, $data);
        fread($c, 1);
        fclose($c);
    }
    exit(0);
}
$calls = [];
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set([
    'open_length_check' => true,
    'package_max_length' => 100,
    'package_length_func' => function ($data) use (&$calls) {
        $calls[] = bin2hex($data);
        return ord($data[0]);
    },
]);
var_dump($c->connect('127.0.0.1', $port, 2));
var_dump(bin2hex($c->recv()));
$c->send("m");
var_dump(bin2hex($c->recv()), bin2hex($c->recv()), $c->recv());
echo implode(",", $calls), "\n";
$c->send("m");
$c->close();

$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_length_check' => true, 'package_length_func' => fn($data) => strlen($data) < 4 ? 0 : -1]);
$c->connect('127.0.0.1', $port, 2);
var_dump($c->recv(), $c->isConnected());
$c->send("m");
$c->close();

$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_length_check' => true, 'package_length_func' => function ($data) {
    throw new RuntimeException("no length in " . $data);
}]);
$c->connect('127.0.0.1', $port, 2);
try {
    $c->recv();
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$c->send("m");
pcntl_waitpid($pid, $st);

echo "--- not callable\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->set(['open_length_check' => true, 'package_length_func' => 'no_such_function']));
var_dump($c->connect('127.0.0.1', $port, 0.5), $c->isConnected());
?>
--EXPECTF--
bool(true)
string(8) "04616263"
[%s]	WARNING	Client::recv() (ERRNO 1201): Package is too big. package_length=200
string(12) "0668656c6c6f"
string(6) "037879"
string(0) ""
046162630668656c,0668656c,037879c87a7a7a,c87a7a7a
string(0) ""
bool(true)
RuntimeException: no length in boom
--- not callable
bool(true)

Warning: Swoole\Client::connect(): function 'no_such_function' is not callable in %s on line %d
bool(false)
bool(false)
