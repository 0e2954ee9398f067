<?php
// Item 14 (server side): package_length_func on a server port, in both
// modes: which process runs the callable, what it gets, what its answers do.
// Run: php 14_server_length_func.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$master = posix_getpid();
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$s->set([
    'worker_num' => 2,
    'open_length_check' => true,
    'package_max_length' => 1000,
    'log_level' => SWOOLE_LOG_WARNING,
    // the first byte is the whole packet's length; 0 = ask again; '!' = bad
    'package_length_func' => function ($data) use ($master, $s) {
        $who = posix_getpid() === $master ? 'master' : 'worker';
        echo "length_func in $who, worker_id=", var_export($s->worker_id, true), ", got ", json_encode($data), "\n";
        if ($data[0] === '!') {
            return -1;
        }
        return strlen($data) < 1 ? 0 : ord($data[0]) - 48;
    },
]);
echo "single_thread after set(): ", var_export($s->setting['single_thread'] ?? null, true), "\n";
$s->on('start', function ($s) {
    echo "reactor_num: ", var_export($s->setting['reactor_num'] ?? null, true), "\n";
});
$s->on('receive', function ($s, $fd, $rid, $data) {
    echo "onReceive in worker#{$s->worker_id}: ", json_encode($data), "\n";
    $s->send($fd, "ok\n");
});
$s->on('close', function ($s, $fd) {
    echo "onClose $fd\n";
});
$s->addProcess(new Swoole\Process(function () use ($s, $port) {
    usleep(300000);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    fwrite($c, "3ab5");
    usleep(100000);
    fwrite($c, "cdef");
    echo "client got ", json_encode(fgets($c) . fgets($c)), "\n";
    fclose($c);
    usleep(100000);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    fwrite($c, "!bad");
    echo "client of the bad packet got ", json_encode(fread($c, 10)), "\n";
    usleep(100000);
    $s->shutdown();
    usleep(1000000);
}));
$s->start();
echo "start() returned\n";
