--TEST--
output_buffer_size defaults to Swoole 6.2.1's UINT_MAX: a 3 MiB send() in SWOOLE_PROCESS mode goes whole with no setting (it failed with 1203 under the 2 MiB of older Swoole), and start() shows the default in $server->setting after task_worker_num, before max_connection, as Swoole's
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function ($s, $fd) {
    $x = $s->setting;
    unset($x['log_level']);
    echo json_encode($x), "\n";
    swoole_clear_error();
    echo 'send: ', var_export($s->send($fd, str_repeat('x', 3 << 20)), true), ' ', swoole_last_error(), "\n";
    $s->close($fd);
});
$s->on('workerStart', function ($s) {
    $c = stream_socket_client('tcp://127.0.0.1:' . $s->port);
    fwrite($c, 'go');
    $got = 0;
    Swoole\Event::add($c, function ($c) use ($s, &$got) {
        $d = fread($c, 1 << 20);
        if ($d === '' || $d === false) {
            Swoole\Event::del($c);
            echo "client got $got bytes\n";
            $s->shutdown();
            return;
        }
        $got += strlen($d);
    });
});
$s->start();
?>
--EXPECT--
{"worker_num":1,"task_worker_num":0,"output_buffer_size":4294967295,"max_connection":20000}
send: true 0
client got 3145728 bytes
