<?php
/**
 * The HTTP benchmark's server: "Hello, world!" from onRequest, no coroutines.
 * usage: php http_hello.php PORT base|process WORKERS
 */
$http = new Swoole\Http\Server('127.0.0.1', (int)$argv[1], ($argv[2] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$http->set(['worker_num' => (int)($argv[3] ?? 1), 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);
$http->on('request', function (Swoole\Http\Request $request, Swoole\Http\Response $response) {
    $response->end('Hello, world!');
});
$http->on('workerStart', function () {
    echo "ready\n";
});
$http->start();
