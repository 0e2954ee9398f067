<?php
/**
 * A static site: files under ./public answered without calling PHP (types,
 * Last-Modified / If-Modified-Since, ranges, index.html, listings); other
 * paths reach onRequest.
 *   curl -i http://127.0.0.1:9501/        curl -i http://127.0.0.1:9501/api
 */
$root = __DIR__ . '/public';
if (!is_dir($root)) {
    mkdir($root);
    file_put_contents("$root/index.html", "<h1>It works</h1>\n");
}
$http = new Swoole\Http\Server('127.0.0.1', 9501);
$http->set([
    'worker_num' => 1,
    'enable_coroutine' => false,
    'document_root' => $root,
    'enable_static_handler' => true,
    'http_index_files' => ['index.html'],
    'http_autoindex' => true,
]);
$http->on('start', function () {
    echo "listening on http://127.0.0.1:9501\n";
});
$http->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) {
    $resp->header('Content-Type', 'text/plain');
    $resp->end("dynamic: {$req->server['request_uri']}\n");
});
$http->start();
