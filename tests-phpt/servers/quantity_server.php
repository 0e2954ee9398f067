<?php
/**
 * A length-framed server whose size settings are PHP quantity strings
 * ('100K'); each packet is answered with "got <len>\n".
 *
 * usage: php quantity_server.php PORT base|process
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set([
    'worker_num' => 1,
    'open_length_check' => true,
    'package_length_type' => 'N',
    'package_body_offset' => 4,
    'package_max_length' => '100K',
    'buffer_output_size' => '2M',
    'socket_buffer_size' => '8m',
    'kernel_socket_recv_buffer_size' => ' 1M ',
    'log_level' => SWOOLE_LOG_ERROR,
]);
$server->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, "got " . strlen($data) . "\n");
});
$server->on('start', function () {
    echo "started\n";
});
$server->start();
