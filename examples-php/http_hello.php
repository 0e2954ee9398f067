<?php
/**
 * Hello world over HTTP: one worker per CPU, no coroutines (as Laravel Octane
 * runs Swoole). Try: curl -i http://127.0.0.1:9501/?name=you
 */
$http = new Swoole\Http\Server('127.0.0.1', 9501);
$http->set(['worker_num' => swoole_cpu_num(), 'enable_coroutine' => false]);

$http->on('start', function (Swoole\Http\Server $server) {
    echo "listening on http://127.0.0.1:9501\n";
});

$http->on('request', function (Swoole\Http\Request $request, Swoole\Http\Response $response) {
    $name = $request->get['name'] ?? 'world';
    $response->header('Content-Type', 'text/plain; charset=utf-8');
    $response->end("Hello, $name!\n");
});

$http->start();
