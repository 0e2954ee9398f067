<?php
/**
 * The HTTP benchmark's server (Swoole's API, no coroutines), one of three workloads:
 * - hello:  "Hello, world!" from onRequest;
 * - static: DOCROOT/file.bin answered by the static handler (document_root + enable_static_handler);
 * - post:   onRequest answers the length of the request body (a 1 MiB POST).
 * usage: php http_hello.php PORT base|process WORKERS [hello|static|post] [DOCROOT]
 */
$workload = $argv[4] ?? 'hello';
$http = new Swoole\Http\Server('127.0.0.1', (int)$argv[1], ($argv[2] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$settings = ['worker_num' => (int)($argv[3] ?? 1), 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING,
    'package_max_length' => 4 << 20];
if ($workload === 'static') {
    $settings += ['document_root' => $argv[5], 'enable_static_handler' => true];
}
$http->set($settings);
$http->on('request', $workload === 'post'
    ? function (Swoole\Http\Request $request, Swoole\Http\Response $response) {
        $response->end((string)strlen($request->getContent()));
    }
    : function (Swoole\Http\Request $request, Swoole\Http\Response $response) {
        $response->end('Hello, world!');
    });
$http->on('workerStart', function () {
    echo "ready\n";
});
$http->start();
