--TEST--
Http\Server, both modes: a 3 MiB answer (over output_buffer_size), uploads of several MiB with curl -F (Expect: 100-continue), multipart fields, a chunked request body, a chunked answer with a trailer, urlencoded posts, cookies both ways, upload temp files removed after the request
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

$dir = sys_get_temp_dir() . '/swoole-http-bodies-' . getmypid();
@mkdir($dir);
$upload_dir = "$dir/uploads";
@mkdir($upload_dir);
$big = "$dir/big.bin";
file_put_contents($big, random_bytes(5 * 1024 * 1024 + 17));
$small = "$dir/small.txt";
file_put_contents($small, "small file\n");
register_shutdown_function(function () use ($dir) {
    exec('rm -rf ' . escapeshellarg($dir));
});

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $settings = ['package_max_length' => 16 * 1024 * 1024, 'upload_tmp_dir' => $upload_dir];
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, $mode, json_encode($settings)]);
    kill_on_exit($srv);
    $srv->waitForLine('/worker 0 started/');
    wait_for_port($port);

    [$rc, $out] = curl(['-F', "big=@$big;type=application/octet-stream", '-F', "doc[]=@$small", '-F', 'field=value',
        '-F', 'arr[x]=1', "http://127.0.0.1:$port/echo"]);
    $j = json_decode($out, true);
    echo "upload: rc=$rc post=", json_encode($j['post']), "\n";
    $f = $j['files']['big'];
    echo "  big: {$f['name']} {$f['type']} size ok=", var_export($f['size'] === filesize($big), true),
        " md5 ok=", var_export($f['md5'] === md5_file($big), true), " error={$f['error']} keys={$f['keys']}\n";
    $f = $j['files']['doc'][0];
    echo "  doc[0]: {$f['name']} {$f['size']} md5 ok=", var_export($f['md5'] === md5_file($small), true), "\n";
    echo "  expect: ", $j['header']['expect'] ?? 'none', "\n";
    echo "  temp files left: ", count(glob("$upload_dir/*")), "\n";

    // A chunked request body (curl sends it chunked when told to).
    [$rc, $out] = curl(['-H', 'Transfer-Encoding: chunked', '-H', 'Content-Type: application/x-www-form-urlencoded',
        '--data-binary', 'k=v&list[]=1&list[]=2', "http://127.0.0.1:$port/echo"]);
    $j = json_decode($out, true);
    echo "chunked request: rc=$rc post=", json_encode($j['post']), " te=", $j['header']['transfer-encoding'], "\n";
    // The same by hand, in two pieces with a chunk extension-free framing.
    $c = new HttpConn($port);
    $c->send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    usleep(20000);
    $c->send("6\r\n world\r\n0\r\n\r\n");
    $j = json_decode($c->read()['body'], true);
    echo "chunked by hand: {$j['body_len']} ", var_export($j['body_md5'] === md5('hello world'), true), "\n";

    // A chunked answer with a trailer.
    $c->send("GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n");
    $r = $c->read();
    echo "chunked answer: {$r['headers']['transfer-encoding']} {$r['body']} trailer=",
        var_export(str_ends_with($r['raw'], "0\r\nx-done: yes\r\n\r\n"), true), "\n";
    [$rc, $out] = curl(["http://127.0.0.1:$port/chunked"]);
    echo "curl decodes it: $out\n";

    // Cookies in and out.
    [$rc, $out] = curl(['-b', 'a=1; b=x%20y; c', "http://127.0.0.1:$port/echo"]);
    echo "cookies in: ", json_encode(json_decode($out, true)['cookie']), "\n";
    $r = http_get($port, "GET /cookie HTTP/1.1\r\nHost: x\r\n\r\n");
    preg_match_all("/^Set-Cookie: ([^\r\n]*)/m", $r['head'], $m);
    echo "cookies out: ", implode(' | ', $m[1]), "\n";

    // A large urlencoded body, answered on the same connection as before.
    $c->send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200012\r\n\r\nbig=" . str_repeat('z', 200000) . "&after=1");
    $j = json_decode($c->read()['body'], true);
    echo "urlencoded: ", strlen($j['post']['big']), " {$j['post']['after']}\n";
    $c->send("GET /large HTTP/1.1\r\nHost: x\r\n\r\n");
    $r = $c->read();
    echo "large answer: {$r['headers']['content-length']} ", strlen($r['body']), ' ', var_export($r['body'] === str_repeat('L', 3 * 1024 * 1024 + 5), true), "\n";
    $srv->stop();
}
?>
--EXPECT--
--- base
upload: rc=0 post={"field":"value","arr":{"x":"1"}}
  big: big.bin application/octet-stream size ok=true md5 ok=true error=0 keys=type,tmp_name,size,name,error
  doc[0]: small.txt 11 md5 ok=true
  expect: 100-continue
  temp files left: 0
chunked request: rc=0 post={"k":"v","list":["1","2"]} te=chunked
chunked by hand: 11 true
chunked answer: chunked one,two,three trailer=true
curl decodes it: one,two,three
cookies in: {"a":"1","b":"x y","c":""}
cookies out: sid=a+b%3Bc; path=/; HttpOnly; SameSite=Lax | raw=x%20y
urlencoded: 200000 1
large answer: 3145733 3145733 true
--- process
upload: rc=0 post={"field":"value","arr":{"x":"1"}}
  big: big.bin application/octet-stream size ok=true md5 ok=true error=0 keys=type,tmp_name,size,name,error
  doc[0]: small.txt 11 md5 ok=true
  expect: 100-continue
  temp files left: 0
chunked request: rc=0 post={"k":"v","list":["1","2"]} te=chunked
chunked by hand: 11 true
chunked answer: chunked one,two,three trailer=true
curl decodes it: one,two,three
cookies in: {"a":"1","b":"x y","c":""}
cookies out: sid=a+b%3Bc; path=/; HttpOnly; SameSite=Lax | raw=x%20y
urlencoded: 200000 1
large answer: 3145733 3145733 true
