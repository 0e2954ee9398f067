--TEST--
Issue 13 (server side, both modes): onPacket for a Unix datagram peer has Swoole's keys (server_socket, dispatch_time, server_port, address: no port) and sendto() answers the peer's socket file
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$path, $mode] = [$argv[1], $argv[2]];
$s = new Swoole\Server($path, 0, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE, SWOOLE_SOCK_UNIX_DGRAM);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('packet', function ($s, $data, $info) {
    echo "keys: " . implode(',', array_keys($info)) . "\n";
    echo "address: " . preg_replace('/\d+/', 'N', $info['address']) . ", dispatch_time is a float: " . var_export(is_float($info['dispatch_time']), true) . "\n";
    echo "sendto(): " . var_export($s->sendto($info['address'], 0, "re:$data"), true) . "\n";
});
$s->on('start', function () {
    echo "started\n";
});
$s->addProcess(new Swoole\Process(function () use ($s, $path) {
    usleep(200000);
    $c = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
    $c->connect($path, 0, 2);
    $c->send("hello");
    echo "client got: " . json_encode($c->recv()) . "\n";
    $s->shutdown();
    sleep(1);
}));
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $path = sys_get_temp_dir() . "/pending-udg-" . getmypid() . ".sock";
    @unlink($path);
    $srv = server_from_code($code, [$path, $mode]);
    echo sorted_lines(without_log_copies($srv->wait(8)));
    @unlink($path);
}
?>
--EXPECT--
--- base
address: /tmp/swoole-client.N.N.sock, dispatch_time is a float: true
client got: "re:hello"
keys: server_socket,dispatch_time,server_port,address
sendto(): true
started
--- process
address: /tmp/swoole-client.N.N.sock, dispatch_time is a float: true
client got: "re:hello"
keys: server_socket,dispatch_time,server_port,address
sendto(): true
started
