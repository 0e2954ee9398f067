--TEST--
Issue 14 item 14 (server ports, both modes): package_length_func with open_length_check cuts the stream: it gets the buffered bytes, returns the packet's length (asked again on what remains), a negative answer closes only that connection with the 1204 log line; it runs in the worker holding the connection in BASE and in the master in PROCESS mode
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$master = posix_getpid();
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set([
    'worker_num' => 2,
    'open_length_check' => true,
    'package_max_length' => 1000,
    'log_level' => SWOOLE_LOG_WARNING,
    // the first byte (a digit) is the whole packet's length; '!' is bad
    'package_length_func' => function ($data) use ($master, $s) {
        $where = posix_getpid() === $master ? 'the master' : ($s->worker_id >= 0 ? 'a worker' : 'elsewhere');
        echo "length_func in $where got " . json_encode($data) . "\n";
        return $data[0] === '!' ? -1 : ord($data[0]) - 48;
    },
]);
$s->on('receive', function ($s, $fd, $rid, $data) {
    echo "onReceive " . json_encode($data) . "\n";
    $s->send($fd, "ok\n");
});
$s->on('close', function ($s, $fd) {
    echo "onClose\n";
});
$s->addProcess(new Swoole\Process(function () use ($s, $port) {
    usleep(200000);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    fwrite($c, "3ab5");
    usleep(100000);
    fwrite($c, "cdef");
    echo "client got " . json_encode(fgets($c) . fgets($c)) . "\n";
    fclose($c);
    usleep(100000);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    fwrite($c, "!bad");
    echo "the bad packet's client got " . json_encode(fread($c, 10)) . "\n";
    usleep(100000);
    $s->shutdown();
    sleep(1);
}));
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo sorted_lines($srv->wait(8));
}
?>
--EXPECTF--
--- base
[%s]	WARNING	%s(ERRNO 1204): %s
client got "ok\nok\n"
length_func in a worker got "!bad"
length_func in a worker got "3ab5"
length_func in a worker got "5"
onClose
onClose
onReceive "3ab"
onReceive "5cdef"
the bad packet's client got ""
--- process
[%s]	WARNING	%s(ERRNO 1204): %s
client got "ok\nok\n"
length_func in the master got "!bad"
length_func in the master got "3ab5"
length_func in the master got "5"
onClose
onClose
onReceive "3ab"
onReceive "5cdef"
the bad packet's client got ""
