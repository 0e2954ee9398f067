--TEST--
Swoole\Client with open_eof_check: recv() returns exactly one packet, up to and including the first package_eof, with or without open_eof_split; no EOF within package_max_length warns "no package eof"
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
// A plain PHP peer in a forked child writes packets in pieces; the client
// must cut them one per recv() whatever open_eof_split says.
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$pid = pcntl_fork();
if ($pid === 0) {
    for ($i = 0; $i < 3; $i++) {
        $c = stream_socket_accept($server, 5);
        fwrite($c, "one\r\ntwo\r\nthr");
        fread($c, 1); // the client asks for the rest
        fwrite($c, "ee\r\nfour");
        fread($c, 1);
        fclose($c);
    }
    $c = stream_socket_accept($server, 5);
    fwrite($c, str_repeat('x', 300000));
    fread($c, 1);
    exit(0);
}
foreach ([['open_eof_check' => true], ['open_eof_check' => true, 'open_eof_split' => true], ['open_eof_split' => true]] as $set) {
    $c = new Swoole\Client(SWOOLE_SOCK_TCP);
    $c->set($set + ['package_eof' => "\r\n"]);
    $c->connect('127.0.0.1', $port, 2);
    echo json_encode($set), "\n";
    echo json_encode([$c->recv(), $c->recv()]), "\n";
    $c->send("m");
    echo json_encode($c->recv()), "\n";
    $c->send("m");
    echo json_encode($c->recv()), " (closed: the unterminated rest is dropped)\n";
    $c->close();
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_eof_check' => true, 'package_eof' => "\r\n", 'package_max_length' => 200000]);
$c->connect('127.0.0.1', $port, 2);
var_dump($c->recv());
$c->send("m");
pcntl_waitpid($pid, $st);
?>
--EXPECTF--
{"open_eof_check":true}
["one\r\n","two\r\n"]
"three\r\n"
"" (closed: the unterminated rest is dropped)
{"open_eof_check":true,"open_eof_split":true}
["one\r\n","two\r\n"]
"three\r\n"
"" (closed: the unterminated rest is dropped)
{"open_eof_split":true}
["one\r\n","two\r\n"]
"three\r\n"
"" (closed: the unterminated rest is dropped)

Warning: Swoole\Client::recv(): no package eof in %s on line %d
bool(false)
