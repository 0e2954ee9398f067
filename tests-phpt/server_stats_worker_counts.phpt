--TEST--
Server, both modes: stats() read inside onReceive counts requests after their callback (request_count, worker_request_count: 0 in the first), dispatches as Swoole (PROCESS: when the worker takes one, so 1 in the first; BASE: with request_count), and the worker_* counts are the process's own (worker_response_count: its successful send() calls): a worker replaced after max_request starts again at 0; an onPacket counts as a request and, as in Swoole, as no dispatch in either mode (nor worker_dispatch_count in PROCESS mode); an HTTP request is counted after onRequest too
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'max_request' => 3, 'log_level' => SWOOLE_LOG_ERROR]);
$server->on('WorkerStart', fn($s, $id) => print("workerStart $id\n"));
$server->on('Receive', function ($s, $fd, $rid, $data) {
    $st = $s->stats();
    $s->send($fd, getmypid() . " request_count={$st['request_count']} dispatch_count={$st['dispatch_count']}"
        . " worker_request_count={$st['worker_request_count']}"
        . " worker_dispatch_count={$st['worker_dispatch_count']} worker_response_count={$st['worker_response_count']}");
    $s->close($fd);
});
$server->start();
PHP;

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [$port = free_port(), $mode]);
    $srv->waitForLine('/^workerStart 0$/');
    $workers = [];
    for ($i = 0; $i < 7; $i++) {
        $c = new TestClient($port);
        $c->send('x');
        [$pid, $counts] = explode(' ', $c->recvAll(), 2);
        $workers[$pid] ??= count($workers);
        echo "worker process #{$workers[$pid]}: $counts\n";
    }
    $srv->stop();
}

$udp = <<<'PHP'
<?php
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE, SWOOLE_SOCK_UDP);
$server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
$server->on('WorkerStart', fn($s, $id) => print("workerStart $id\n"));
$server->on('Packet', function ($s, $data, $addr) {
    $st = $s->stats();
    $s->sendto($addr['address'], $addr['port'], "request_count={$st['request_count']} dispatch_count={$st['dispatch_count']}"
        . " worker_request_count={$st['worker_request_count']} worker_dispatch_count={$st['worker_dispatch_count']}");
});
$server->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- udp $mode\n";
    $srv = server_from_code($udp, [$port = free_port(), $mode]);
    $srv->waitForLine('/^workerStart 0$/');
    $c = stream_socket_client("udp://127.0.0.1:$port");
    for ($i = 0; $i < 2; $i++) {
        fwrite($c, 'x');
        $r = [$c];
        $w = $e = null;
        echo stream_select($r, $w, $e, (int)TEST_TIMEOUT) ? fread($c, 500) : 'no reply', "\n";
    }
    $srv->stop();
}

$http = <<<'PHP'
<?php
$server = new Swoole\Http\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
$server->on('WorkerStart', fn($s, $id) => print("workerStart $id\n"));
$server->on('Request', function ($request, $response) use ($server) {
    $st = $server->stats();
    $response->end("request_count={$st['request_count']} dispatch_count={$st['dispatch_count']}"
        . " worker_request_count={$st['worker_request_count']} worker_dispatch_count={$st['worker_dispatch_count']}");
});
$server->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- http $mode\n";
    $srv = server_from_code($http, [$port = free_port(), $mode]);
    $srv->waitForLine('/^workerStart 0$/');
    for ($i = 0; $i < 2; $i++) {
        $c = new TestClient($port);
        $c->send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        echo explode("\r\n\r\n", $c->recvAll(), 2)[1] ?? 'no body', "\n";
    }
    $srv->stop();
}
?>
--EXPECT--
--- base
worker process #0: request_count=0 dispatch_count=0 worker_request_count=0 worker_dispatch_count=0 worker_response_count=0
worker process #0: request_count=1 dispatch_count=1 worker_request_count=1 worker_dispatch_count=0 worker_response_count=1
worker process #0: request_count=2 dispatch_count=2 worker_request_count=2 worker_dispatch_count=0 worker_response_count=2
worker process #1: request_count=3 dispatch_count=3 worker_request_count=0 worker_dispatch_count=0 worker_response_count=0
worker process #1: request_count=4 dispatch_count=4 worker_request_count=1 worker_dispatch_count=0 worker_response_count=1
worker process #1: request_count=5 dispatch_count=5 worker_request_count=2 worker_dispatch_count=0 worker_response_count=2
worker process #2: request_count=6 dispatch_count=6 worker_request_count=0 worker_dispatch_count=0 worker_response_count=0
--- process
worker process #0: request_count=0 dispatch_count=1 worker_request_count=0 worker_dispatch_count=1 worker_response_count=0
worker process #0: request_count=1 dispatch_count=2 worker_request_count=1 worker_dispatch_count=2 worker_response_count=1
worker process #0: request_count=2 dispatch_count=3 worker_request_count=2 worker_dispatch_count=3 worker_response_count=2
worker process #1: request_count=3 dispatch_count=4 worker_request_count=0 worker_dispatch_count=1 worker_response_count=0
worker process #1: request_count=4 dispatch_count=5 worker_request_count=1 worker_dispatch_count=2 worker_response_count=1
worker process #1: request_count=5 dispatch_count=6 worker_request_count=2 worker_dispatch_count=3 worker_response_count=2
worker process #2: request_count=6 dispatch_count=7 worker_request_count=0 worker_dispatch_count=1 worker_response_count=0
--- udp base
request_count=0 dispatch_count=0 worker_request_count=0 worker_dispatch_count=0
request_count=1 dispatch_count=0 worker_request_count=1 worker_dispatch_count=0
--- udp process
request_count=0 dispatch_count=0 worker_request_count=0 worker_dispatch_count=0
request_count=1 dispatch_count=0 worker_request_count=1 worker_dispatch_count=0
--- http base
request_count=0 dispatch_count=0 worker_request_count=0 worker_dispatch_count=0
request_count=1 dispatch_count=1 worker_request_count=1 worker_dispatch_count=0
--- http process
request_count=0 dispatch_count=1 worker_request_count=0 worker_dispatch_count=1
request_count=1 dispatch_count=2 worker_request_count=1 worker_dispatch_count=2
