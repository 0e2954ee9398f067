--TEST--
Pool: SWOOLE_IPC_SOCKET answers length-prefixed requests (TCP and unix socket), one per connection; bad lengths close; a slow client holds up nobody
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/pool_helpers.php';

function run_socket_pool(string $listen, ?int $port, callable $client): void
{
    $log = new PoolLog();
    $pool = new Swoole\Process\Pool(1, SWOOLE_IPC_SOCKET);
    $pool->set(['max_package_size' => 1024]);
    var_dump($port === null ? $pool->listen($listen) : $pool->listen($listen, $port));
    $pool->on('Start', function (Swoole\Process\Pool $pool) use ($client) {
        // A master timer runs once the worker is forked.
        Swoole\Timer::after(10, function () use ($pool, $client) {
            $client();
            $pool->shutdown();
        });
    });
    $pool->on('Message', function (Swoole\Process\Pool $pool, string $data) use ($log) {
        $log->say("onMessage: $data");
        if (str_starts_with($data, 'echo:')) {
            $pool->write('echo:');
            $pool->write(substr($data, 5));
            $pool->write('');
        }
    });
    var_dump($pool->start());
    echo implode("\n", $log->lines()), "\n";
    var_dump(@$pool->write('outside onMessage'));
}

pool_watchdog();
$port = free_port();
$tcp = "tcp://127.0.0.1:$port";
run_socket_pool('127.0.0.1', $port, function () use ($tcp) {
    echo "echo: "; var_dump(pool_request($tcp, 'echo:hello')[0]);
    echo "no answer: "; var_dump(pool_request($tcp, 'silent'));
    echo "length 0: "; var_dump(pool_request($tcp, '', pack('N', 0))[1]);
    echo "length over max_package_size: "; var_dump(pool_request($tcp, '', pack('N', 1025) . 'x')[1]);
    echo "two requests on one connection: "; var_dump(pool_request($tcp, '', pack('N', 9) . 'echo:once' . pack('N', 9) . 'echo:more')[0]);
    // A client that sent only half its request does not hold up the worker.
    $slow = stream_socket_client($tcp);
    fwrite($slow, pack('N', 9) . 'echo');
    echo "while a client is slow: "; var_dump(pool_request($tcp, 'echo:fast')[0]);
    fwrite($slow, ':slow');
    $got = stream_get_contents($slow);
    echo "the slow client: "; var_dump(substr($got, 4));
});

$path = sys_get_temp_dir() . '/swoole-pool-test-' . getmypid() . '.sock';
run_socket_pool("unix:$path", null, function () use ($path) {
    echo "unix socket: "; var_dump(pool_request("unix://$path", 'echo:over unix')[0]);
});
echo "socket file removed with the pool: ", var_export(!file_exists($path), true), "\n";
echo "children left: ", count(my_children()), "\n";
?>
--EXPECT--
bool(true)
echo: string(10) "echo:hello"
no answer: array(2) {
  [0]=>
  NULL
  [1]=>
  string(0) ""
}
length 0: string(0) ""
length over max_package_size: string(0) ""
two requests on one connection: string(9) "echo:once"
while a client is slow: string(9) "echo:fast"
the slow client: string(9) "echo:slow"
NULL
onMessage: echo:hello
onMessage: silent
onMessage: echo:once
onMessage: echo:fast
onMessage: echo:slow
bool(false)
bool(true)
unix socket: string(14) "echo:over unix"
NULL
onMessage: echo:over unix
bool(false)
socket file removed with the pool: true
children left: 0
