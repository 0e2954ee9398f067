--TEST--
Http\Response refuses as Swoole 6.2.1, with its codes: a header name with a line break is refused at header() (510) and a value with one is dropped with the warning when the head is written (510), so neither can split the answer; cookie refusals leave 510; sendfile() of a missing file leaves the errno, of a directory 9013 (the answer stays open), a negative offset 510
--EXTENSIONS--
swoole
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swoole-http-refusals-' . getmypid();
@mkdir($dir);
$s = new Swoole\Http\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_NONE]);
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        $r = @$call();
        $w = error_get_last()['message'] ?? '-';
        error_clear_last();
        printf("%s: %s %d %s\n", $name, json_encode($r), swoole_last_error(), $w);
    }
}
$s->on('workerStart', function ($s) {
    $c = stream_socket_client('tcp://127.0.0.1:' . $s->port);
    fwrite($c, "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    $got = '';
    Swoole\Event::add($c, function ($c) use (&$got, $s) {
        $part = fread($c, 65536);
        $got .= $part;
        if ($part === '' || $part === false) {
            Swoole\Event::del($c);
            echo "-- the answer\n", str_replace("\r\n", "|\n", preg_replace('/^Date: .*\r\n/m', '', $got)), "\n";
            $s->shutdown();
        }
    });
});
$s->on('request', function ($req, $resp) use ($dir) {
    probe([
        'header name' => fn() => $resp->header("X-A\r\nX-Injected", 'x'),
        'header value' => fn() => $resp->header('X-B', "a\r\nX-Injected: 1"),
        'header fine' => fn() => $resp->header('X-C', 'ok'),
        'cookie no name' => fn() => $resp->cookie(''),
        'cookie bad name' => fn() => $resp->cookie('a=b', 'v'),
        'rawcookie bad value' => fn() => $resp->rawcookie('a', "v;"),
        'sendfile missing' => fn() => $resp->sendfile($dir . '/none'),
        'sendfile dir' => fn() => $resp->sendfile($dir),
        'sendfile offset' => fn() => $resp->sendfile(__FILE__, -1),
        'end' => fn() => $resp->end('body'),
    ]);
});
$s->start();
rmdir($dir);
?>
--EXPECTF--
header name: false 510 Swoole\Http\Response::header(): Header may not contain more than a single header, new line detected
header value: true 0 -
header fine: true 0 -
cookie no name: false 510 Swoole\Http\Response::cookie(): The name cannot be empty
cookie bad name: false 510 Swoole\Http\Response::cookie(): The name cannot contain "=", ",", ";", " ", "\t", "\r", "\n", "\013", or "\014"
rawcookie bad value: false 510 Swoole\Http\Response::rawcookie(): The value cannot contain ",", ";", " ", "\t", "\r", "\n", "\013", or "\014"
sendfile missing: false 2 Swoole\Http\Response::sendfile(): stat(%s/none) failed, Error: No such file or directory[2]
sendfile dir: false 9013 Swoole\Http\Response::sendfile(): parameter $file[%s] given is not a regular file
sendfile offset: false 510 Swoole\Http\Response::sendfile(): parameter $offset[-1] must be greater than or equal to 0
end: true 510 Swoole\Http\Response::end(): Header may not contain more than a single header, new line detected
-- the answer
HTTP/1.1 200 OK|
X-C: ok|
Server: swoole-http-server|
Connection: close|
Content-Type: text/html|
Content-Length: 4|
|
body
