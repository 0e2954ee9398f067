--TEST--
Http\Server: compression chosen by Accept-Encoding (gzip, deflate, br; not below compression_min_length, not for other types, not with http_compression off); static files from document_root with their type, If-Modified-Since (304), ranges, index files, autoindex, a 404 inside static_handler_locations, no escape from the root
--EXTENSIONS--
swoole
posix
zlib
--SKIPIF--
<?php
require __DIR__ . '/include/http_client.php';
if (!have_curl()) die('skip curl is not installed');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

$root = sys_get_temp_dir() . '/swoole-http-static-' . getmypid();
@mkdir("$root/static/sub", 0777, true);
file_put_contents("$root/static/style.css", "body { color: red; }\n");
file_put_contents("$root/static/index.html", "<h1>index</h1>\n");
file_put_contents("$root/static/sub/a.txt", "0123456789");
file_put_contents(dirname($root) . '/swoole-http-secret-' . getmypid() . '.txt', "secret");
touch("$root/static/style.css", 1700000000);
register_shutdown_function(function () use ($root) {
    exec('rm -rf ' . escapeshellarg($root));
    @unlink(dirname($root) . '/swoole-http-secret-' . getmypid() . '.txt');
});

$port = free_port();
$settings = ['document_root' => $root, 'enable_static_handler' => true, 'static_handler_locations' => ['/static'],
             'http_index_files' => ['index.html'], 'http_autoindex' => true, 'http_compression_types' => ['text/plain', 'text/html']];
$srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, 'base', json_encode($settings)]);
kill_on_exit($srv);
$srv->waitForLine('/worker 0 started/');
wait_for_port($port);

echo "--- compression\n";
$text = str_repeat("swoole-rs compresses this line\n", 322);
foreach (['gzip', 'deflate', 'br', 'gzip;q=0, deflate', 'identity', ''] as $accept) {
    $r = http_get($port, "GET /big HTTP/1.1\r\nHost: x\r\n" . ($accept === '' ? '' : "Accept-Encoding: $accept\r\n") . "\r\n");
    $enc = $r['headers']['content-encoding'] ?? 'none';
    $body = match ($enc) { 'gzip' => gzdecode($r['body']), 'deflate' => gzuncompress($r['body']), default => $r['body'] };
    $ok = $enc === 'br' ? strlen($r['body']) < strlen($text) : $body === $text;
    $length = (int)$r['headers']['content-length'];
    echo json_encode($accept), " => $enc, ", $length === strlen($text) ? 'whole' : ($length === strlen($r['body']) && $length < 200 ? 'compressed' : "length $length"),
        ' ', $ok ? 'ok' : 'WRONG', "\n";
}
$r = http_get($port, "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
echo "short body: ", $r['headers']['content-encoding'] ?? 'none', " {$r['body']}\n";
$r = http_get($port, "GET /echo HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
echo "application/json not in http_compression_types: ", $r['headers']['content-encoding'] ?? 'none', "\n";
[$rc, $out] = curl(['--compressed', "http://127.0.0.1:$port/big"]);
echo "curl --compressed: ", $out . "\n" === $text ? 'same text' : 'WRONG', "\n";

echo "--- static\n";
$r = http_get($port, "GET /static/style.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
echo "file: {$r['status']} {$r['headers']['content-type']} {$r['headers']['last-modified']} ",
    $r['headers']['content-encoding'] ?? 'not compressed', " ", json_encode($r['body']), "\n";
$r = http_get($port, "GET /static/style.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Tue, 14 Nov 2023 22:13:20 GMT\r\n\r\n");
echo "not modified: {$r['status']} ", json_encode($r['body']), "\n";
$r = http_get($port, "GET /static/style.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Tue, 14 Nov 2023 22:13:19 GMT\r\n\r\n");
echo "modified since: {$r['status']}\n";
[$rc, $out] = curl(['-s', '-o', '/dev/null', '-w', '%{http_code}', '-z', 'Wed, 15 Nov 2023 00:00:00 GMT', "http://127.0.0.1:$port/static/style.css"]);
echo "curl -z: $out\n";
$r = http_get($port, "GET /static/sub/a.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=2-4\r\n\r\n");
echo "range: {$r['status']} {$r['headers']['content-range']} {$r['body']}\n";
echo "range head, in Swoole's order: ", implode(' ', array_keys($r['headers'])), "\n";
$r = http_get($port, "GET /static/ HTTP/1.1\r\nHost: x\r\n\r\n");
echo "index: {$r['status']} ", trim($r['body']), "\n";
$r = http_get($port, "GET /static/sub/ HTTP/1.1\r\nHost: x\r\n\r\n");
echo "autoindex: {$r['status']} ", substr_count($r['body'], '<li>'), " entries, a.txt listed: ",
    var_export(str_contains($r['body'], 'href="/static/sub/a.txt"'), true), "\n";
$r = http_get($port, "GET /static/missing.css HTTP/1.1\r\nHost: x\r\n\r\n");
echo "missing in a location: {$r['status']} ", str_contains($r['body'], 'HTTP 404 Not Found') ? 'Swoole page' : 'other', "\n";
$r = http_get($port, "GET /static/../../swoole-http-secret-" . getmypid() . ".txt HTTP/1.1\r\nHost: x\r\n\r\n");
echo "escape: {$r['status']} ", str_contains($r['body'], 'secret') ? 'LEAKED' : 'not served', "\n";
$r = http_get($port, "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
echo "outside the locations: {$r['status']} ", json_decode($r['body'], true)['uri'], "\n";
$c = new HttpConn($port);
$c->send("GET /static/sub/a.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /static/sub/a.txt HTTP/1.1\r\nHost: x\r\n\r\n");
echo "keep-alive: ", $c->read()['body'], ' ', $c->read()['body'], "\n";
$srv->stop();

echo "--- http_compression off\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, 'process', json_encode(['http_compression' => false])]);
kill_on_exit($srv);
$srv->waitForLine('/worker 0 started/');
wait_for_port($port);
$r = http_get($port, "GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
echo $r['headers']['content-encoding'] ?? 'none', " {$r['headers']['content-length']}\n";
$srv->stop();
?>
--EXPECT--
--- compression
"gzip" => gzip, compressed ok
"deflate" => deflate, compressed ok
"br" => br, compressed ok
"gzip;q=0, deflate" => deflate, compressed ok
"identity" => none, whole ok
"" => none, whole ok
short body: none hello
application/json not in http_compression_types: none
curl --compressed: same text
--- static
file: 200 text/css Tue, 14 Nov 2023 22:13:20 GMT not compressed "body { color: red; }\n"
not modified: 304 ""
modified since: 200
curl -z: 304
range: 206 bytes 2-4/10 234
range head, in Swoole's order: connection content-length content-type content-range date last-modified server
index: 200 <h1>index</h1>
autoindex: 200 2 entries, a.txt listed: true
missing in a location: 404 Swoole page
escape: 404 not served
outside the locations: 200 /echo
keep-alive: 0123456789 0123456789
--- http_compression off
none 9982
