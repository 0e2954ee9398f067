--TEST--
set(): size settings take PHP quantities ('100K', '2M', '1G') in both modes and act on them; enable_coroutine and every key Swoole knows are accepted silently (in any case); an unknown key is E_USER_WARNING "unsupported option [key]" and kept in $server->setting, for the server and its ports
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

set_error_handler(function ($no, $str) {
    echo "error $no: $str\n";
    return true;
});
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    $s = new Swoole\Server('127.0.0.1', 0, $mode);
    var_dump($s->set([
        'package_max_length' => '512K', 'buffer_output_size' => '1G', 'socket_buffer_size' => '2M',
        'buffer_high_watermark' => '0x10k', 'stack_size' => '1M', 'enable_coroutine' => true,
        'socket_send_timeout' => 1, 'wait_signal' => true, 'stats_timer_interval' => 1000, 'WORKER_NUM' => 2,
        'wroker_num' => 2,
    ]));
    var_dump($s->setting['package_max_length'], $s->setting['wroker_num']);
    $port = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $port->set(['package_max_length' => '64k', 'bogus_port_key' => 1]);
    var_dump(isset($port->setting['bogus_port_key']));
    unset($s, $port); // one server object at a time, as Swoole wants
}
restore_error_handler();

foreach (['base', 'process'] as $mode) {
    echo "--- $mode: package_max_length '100K' acts\n";
    $p = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/quantity_server.php', [$p, $mode]);
    kill_on_exit($srv);
    $srv->waitForLine('/started/');
    wait_for_port($p);
    $ok = new TestClient($p);
    $ok->send(pack('N', 90000) . str_repeat('a', 90000));
    echo fgets($ok->sock);
    $big = new TestClient($p);
    $big->send(pack('N', 110000) . str_repeat('b', 110000));
    var_dump($big->recvAll());
    $srv->stop();
}
?>
--EXPECT--
error 512: unsupported option [wroker_num]
bool(true)
string(4) "512K"
int(2)
error 512: unsupported option [bogus_port_key]
bool(true)
error 512: unsupported option [wroker_num]
bool(true)
string(4) "512K"
int(2)
error 512: unsupported option [bogus_port_key]
bool(true)
--- base: package_max_length '100K' acts
got 90004
string(0) ""
--- process: package_max_length '100K' acts
got 90004
string(0) ""
