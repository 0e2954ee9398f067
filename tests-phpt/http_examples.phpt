--TEST--
examples-php/http_*.php: the hello-world server answers curl and a keep-alive client; the JSON API over a Table (PUT, GET, list, DELETE), the upload form, the static site
--EXTENSIONS--
swoole
posix
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

$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/http_hello.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/listening on/');
wait_for_port($port);
[$rc, $out] = curl(["http://127.0.0.1:$port/?name=curl"]);
echo "$rc $out\n";
$c = new HttpConn($port);
foreach (['a', 'b'] as $n) {
    $c->send("GET /?name=$n HTTP/1.1\r\nHost: x\r\n\r\n");
    $r = $c->read();
    echo $r['status'], ' ', $r['headers']['content-type'], ' ', $r['body'];
}
$srv->stop();

echo "--- json_table\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/http_json_table.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/listening on/');
wait_for_port($port);
foreach ([['-X', 'PUT', '-d', '{"name":"apple","qty":3}', '/items/1'], ['-X', 'PUT', '-d', '{"name":"pear","qty":5}', '/items/2'],
          ['/items/1'], ['/items'], ['-X', 'DELETE', '/items/1'], ['/items/1'], ['-X', 'PUT', '-d', 'nope', '/items/3']] as $args) {
    $url = array_pop($args);
    [$rc, $out] = curl(array_merge($args, ['-w', ' %{http_code}', "http://127.0.0.1:$port$url"]));
    echo str_replace("\n", '', $out), "\n";
}
$srv->stop();

echo "--- upload\n";
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/http_upload.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/listening on/');
wait_for_port($port);
$file = sys_get_temp_dir() . '/swoole-upload-example-' . getmypid() . '.txt';
file_put_contents($file, "uploaded\n");
[$rc, $out] = curl(['-F', "file=@$file", '-F', 'note=hi', "http://127.0.0.1:$port/"]);
echo str_replace(basename($file), 'FILE', $out), "\n";
$stored = sys_get_temp_dir() . '/uploads/' . basename($file);
echo "stored: ", var_export(@file_get_contents($stored) === "uploaded\n", true), "\n";
@unlink($stored);
@unlink($file);
$srv->stop();

echo "--- static\n";
$public = sys_get_temp_dir() . '/public';
$ours = !is_dir($public);
$port = free_port();
$srv = ServerProcess::example(dirname(__DIR__) . '/examples-php/http_static.php', $port);
kill_on_exit($srv);
$srv->waitForLine('/listening on/');
wait_for_port($port);
[$rc, $out] = curl(["http://127.0.0.1:$port/"]);
echo $out, "\n";
[$rc, $out] = curl(["http://127.0.0.1:$port/api"]);
echo $out, "\n";
$srv->stop();
if ($ours) {
    exec('rm -rf ' . escapeshellarg($public));
}
@rmdir(sys_get_temp_dir() . '/uploads');
?>
--EXPECT--
0 Hello, curl!
200 text/plain; charset=utf-8 Hello, a!
200 text/plain; charset=utf-8 Hello, b!
--- json_table
{"name":"apple","qty":3} 200
{"name":"pear","qty":5} 200
{"name":"apple","qty":3} 200
{"1":{"name":"apple","qty":3},"2":{"name":"pear","qty":5}} 200
{"deleted":"1"} 200
{"error":"no such item"} 404
{"error":"want {\"name\": ..., \"qty\": ...}"} 400
--- upload
file: FILE, 9 bytes, 1ce028fdb7d1f44a19dcd042afe937bd
note: hi
stored: true
--- static
<h1>It works</h1>
dynamic: /api
