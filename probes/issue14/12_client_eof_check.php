<?php
// Item 12: Client with open_eof_check returns exactly one packet per recv(),
// up to and including the first package_eof, with or without open_eof_split.
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$pid = pcntl_fork();
if ($pid === 0) {
    for ($i = 0; $i < 3; $i++) {
        $c = stream_socket_accept($server, 5);
        fwrite($c, "one\r\ntwo\r\nthr");
        usleep(50000);
        fwrite($c, "ee\r\nfour");
        usleep(50000);
        fclose($c);
    }
    exit(0);
}
foreach ([['open_eof_check' => true], ['open_eof_check' => true, 'open_eof_split' => true], ['open_eof_split' => true]] as $set) {
    $c = new Swoole\Client(SWOOLE_SOCK_TCP);
    $c->set($set + ['package_eof' => "\r\n"]);
    $c->connect('127.0.0.1', $port, 2);
    echo json_encode($set), "\n";
    for ($i = 0; $i < 5; $i++) {
        var_dump($c->recv());
    }
    $c->close();
}
pcntl_waitpid($pid, $st);
// no EOF within package_max_length
$pid = pcntl_fork();
if ($pid === 0) {
    $c = stream_socket_accept($server, 5);
    fwrite($c, str_repeat('x', 100));
    usleep(200000);
    exit(0);
}
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$c->set(['open_eof_check' => true, 'package_eof' => "\r\n", 'package_max_length' => 64]);
$c->connect('127.0.0.1', $port, 2);
var_dump($c->recv());
pcntl_waitpid($pid, $st);
