<?php
// Item 17: size settings as PHP quantities, the keys Swoole accepts silently,
// unknown keys, and a size PHP cannot read (fatal, at the end).
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($s->set([
    'socket_buffer_size' => '2M', 'package_max_length' => '512K', 'buffer_output_size' => '1G',
    'enable_coroutine' => true, 'socket_send_timeout' => 1, 'wait_signal' => true, 'stats_timer_interval' => 1,
    'stack_size' => '1M', 'WORKER_NUM' => 2, 'wroker_num' => 2,
]));
var_dump(array_keys($s->setting));
$port = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
var_dump($port->set(['package_max_length' => '64k', 'bogus_port_key' => 1]));
set_error_handler(function ($no, $str) {
    echo "handler: $no $str\n";
    return true;
});
$s->set(['another_bogus' => 1]);
restore_error_handler();
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->set(['bogus_client_key' => 1, 'package_max_length' => '1M']));
echo "client: no warning for unknown keys\n";
$s->set(['package_max_length' => 'garbage']);
echo "not reached\n";
