<?php
/**
 * An HTTP server for the http_* tests. Routes:
 *   /            "hello"
 *   /peer        "remote_addr remote_port" of $request->server
 *   /echo        JSON: method, uri, query, get, post, cookie, header, files
 *                (with the md5 of each upload), body length and md5, fd, pid
 *   /chunked     three write() chunks, a trailer, then end()
 *   /cookie      two Set-Cookie, then "cookies"
 *   /cookie-object  Swoole\Http\Cookie objects given to cookie()/setCookie()/rawCookie()/setRawCookie();
 *                JSON: what each returned, then $response->cookie
 *   /aliases     the answer built by setStatusCode(), setHeader(), setCookie(), setRawCookie()
 *   /big         10000 bytes of text (compressible)
 *   /large       3 MiB + 5 bytes (over output_buffer_size: sent in pieces)
 *   /detach      detach(), then an answer from Response::create()
 *   /task        detach(), then a task worker answers (Response::create($server, $fd))
 *   /throw       an exception in the callback (the client still gets 500)
 *   /twice       end() twice: the second is false
 *   /sendfile    sendfile() of this script, 100 bytes from offset 6
 *
 * usage: php http_server.php PORT base|process [JSON settings]
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\Http\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(json_decode($argv[3] ?? '{}', true) + ['worker_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);

function describe_files(array $files): array
{
    $out = [];
    foreach ($files as $k => $f) {
        if (!isset($f['tmp_name'])) {
            $out[$k] = describe_files($f);
            continue;
        }
        $out[$k] = ['name' => $f['name'], 'type' => $f['type'], 'size' => $f['size'], 'error' => $f['error'],
                    'md5' => $f['tmp_name'] === '' ? '' : md5_file($f['tmp_name']), 'keys' => implode(',', array_keys($f))];
    }
    return $out;
}

$server->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) use ($server) {
    switch ($req->server['path_info']) {
        case '/':
            $resp->end('hello');
            break;
        case '/echo':
            $body = $req->getContent();
            $resp->header('Content-Type', 'application/json');
            $resp->end(json_encode([
                'method' => $req->getMethod(), 'uri' => $req->server['request_uri'],
                'query' => $req->server['query_string'] ?? null, 'protocol' => $req->server['server_protocol'],
                'get' => $req->get, 'post' => $req->post, 'cookie' => $req->cookie, 'header' => $req->header,
                'files' => $req->files === null ? null : describe_files($req->files),
                'body_len' => strlen($body), 'body_md5' => md5($body), 'fd' => $req->fd, 'pid' => getmypid(),
                'server_keys' => implode(',', array_keys($req->server)),
            ]));
            break;
        case '/peer':
            $resp->end($req->server['remote_addr'] . ' ' . $req->server['remote_port']);
            break;
        case '/chunked':
            $resp->write('one,');
            $resp->write('two,');
            $resp->write('three');
            $resp->trailer('X-Done', 'yes');
            $resp->end();
            break;
        case '/cookie':
            $resp->cookie('sid', 'a b;c', 0, '/', '', false, true, 'Lax');
            $resp->rawCookie('raw', 'x%20y');
            $resp->end('cookies');
            break;
        case '/aliases':
            $resp->setStatusCode(201, 'Made');
            $resp->setHeader('X-Alias', 'yes');
            $resp->setCookie('enc', 'a b');
            $resp->setRawCookie('raw', 'a%20b');
            $resp->end('aliased');
            break;
        case '/cookie-object':
            $full = (new Swoole\Http\Cookie())->withName('full')->withValue('a b')->withExpires(time() + 3600)
                ->withPath('/p')->withDomain('example.com')->withSecure(true)->withHttpOnly(true)
                ->withSameSite('Strict')->withPriority('High')->withPartitioned(true);
            $returns = [
                'cookie' => $resp->cookie($full),
                // The object's $encode decides, whichever method it is given to; the other arguments are ignored.
                'rawCookie(encoded)' => $resp->rawCookie((new Swoole\Http\Cookie())->withName('enc')->withValue('1 2'), 'x', 5),
                'setCookie(raw)' => $resp->setCookie((new Swoole\Http\Cookie(false))->withName('raw')->withValue('x%20y')),
                'setRawCookie(no name)' => $resp->setRawCookie((new Swoole\Http\Cookie())->withValue('v')),
            ];
            $resp->end(json_encode(['returns' => $returns, 'cookie' => $resp->cookie]));
            break;
        case '/big':
            $resp->header('Content-Type', 'text/plain');
            $resp->end(str_repeat("swoole-rs compresses this line\n", 322));
            break;
        case '/large':
            $resp->header('Content-Type', 'application/octet-stream');
            $resp->end(str_repeat('L', 3 * 1024 * 1024 + 5));
            break;
        case '/detach':
            $resp->detach();
            $other = Swoole\Http\Response::create($server, $req->fd);
            $other->end('detached:' . var_export($resp->isWritable(), true));
            break;
        case '/task':
            $resp->detach();
            $server->task($req->fd);
            break;
        case '/throw':
            throw new RuntimeException('thrown in onRequest');
        case '/twice':
            $first = $resp->end('first');
            $second = $resp->end('second');
            echo "end twice: ", var_export($first, true), ' ', var_export($second, true), "\n";
            break;
        case '/sendfile':
            $resp->sendfile(__FILE__, 6, 100);
            break;
        default:
            $resp->status(404);
            $resp->end('no route');
    }
});
$server->on('task', function ($s, $task_id, $src, $fd) {
    $answer = Swoole\Http\Response::create($s, $fd);
    $answer->end('answered by a task worker');
    var_dump(Swoole\Http\Response::create($s, 999999));
});
$server->on('finish', function () {
});
$server->on('workerStart', function ($s, $id) {
    echo "worker $id started\n";
});
$server->start();
