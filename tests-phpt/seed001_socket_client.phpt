--TEST--
Seed 001: the socket-extension client as written talks to a Swoole server that replies "收到的信息:" and closes
--EXTENSIONS--
swoole
sockets
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

// A small Swoole server playing the part of seed 001's own server: it answers
// "收到的信息:" . $data and then closes the connection.
$serverScript = sys_get_temp_dir() . '/seed001-server-' . getmypid() . '.php';
file_put_contents($serverScript, <<<'PHP'
<?php
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('Connect', function ($server, $fd) {
    echo "connect $fd\n";
});
$server->on('Receive', function ($server, $fd, $reactorId, $data) {
    echo "receive $fd: " . json_encode($data) . "\n";
    $server->send($fd, "收到的信息:" . $data);
    $server->close($fd);
});
$server->on('Close', function ($server, $fd) {
    echo "close $fd\n";
});
$server->start();
PHP);

// The seed's client, with its port 1935 replaced by the test server's port.
$port = free_port();
$clientScript = sys_get_temp_dir() . '/seed001-client-' . getmypid() . '.php';
file_put_contents($clientScript, str_replace('1935', (string)$port,
    file_get_contents(dirname(__DIR__) . '/examples-php/socket_client_001.php')));
register_shutdown_function(function () use ($serverScript, $clientScript) {
    @unlink($serverScript);
    @unlink($clientScript);
});

$server = new ServerProcess($serverScript, [$port]);
wait_for_port($port);

function run_client(string $script): void
{
    $proc = proc_open([PHP_BINARY, '-d', 'display_errors=stderr', $script],
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $rc = proc_close($proc);
    echo "--- client stdout (CR shown as \\r) ---\n", strtr($out, ["\r" => '\r']);
    echo "--- client stderr ---\n", $err;
    echo "--- client exit code: $rc ---\n";
}

// The client only ends once the server has closed the connection.
run_client($clientScript);
$server->waitForLine('/^close 1$/');

// A second run: the server keeps serving after closing the first connection.
run_client($clientScript);
$server->waitForLine('/^close 2$/');

echo "--- server ---\n", $server->stop();
var_dump($server->exitCode);
var_dump(child_pids($server->pid));
?>
--EXPECTF--
--- client stdout (CR shown as \r) ---
<h2>TCP/IP Connection</h2>
OK.
试图连接 '127.0.0.1' 端口 '%d'...
连接OK
发送到服务器信息成功!
发送的内容为:<font color='red'>Ho\r
first blood\r
</font> <br>接收服务器回传信息成功!
接受的内容为:收到的信息:Ho\r
first blood\r
关闭SOCKET...
关闭OK
--- client stderr ---
--- client exit code: 0 ---
--- client stdout (CR shown as \r) ---
<h2>TCP/IP Connection</h2>
OK.
试图连接 '127.0.0.1' 端口 '%d'...
连接OK
发送到服务器信息成功!
发送的内容为:<font color='red'>Ho\r
first blood\r
</font> <br>接收服务器回传信息成功!
接受的内容为:收到的信息:Ho\r
first blood\r
关闭SOCKET...
关闭OK
--- client stderr ---
--- client exit code: 0 ---
--- server ---
connect 1
receive 1: "Ho\r\nfirst blood\r\n"
close 1
connect 2
receive 2: "Ho\r\nfirst blood\r\n"
close 2
int(0)
array(0) {
}
