--TEST--
Http\Server, both modes: curl GET, keep-alive on one connection, pipelined requests answered in order, HTTP/1.0 closes, a malformed request gets 400 and closes only its connection, 413 over package_max_length, an unanswered or throwing callback still answers 500
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

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php', [$port, $mode, json_encode(['package_max_length' => 100000, 'worker_num' => 2, 'task_worker_num' => 1])]);
    kill_on_exit($srv);
    $srv->waitForLines('/worker \d started/', 3);
    wait_for_port($port);

    [$rc, $out] = curl(['-i', "http://127.0.0.1:$port/"]);
    echo "curl: $rc ", preg_replace('/\r?\nDate: [^\r\n]+/', '', str_replace("\r\n", "\n", $out)), "\n";

    // Keep-alive: three requests, one connection, one fd.
    $c = new HttpConn($port);
    $fds = [];
    foreach ([1, 2, 3] as $i) {
        $c->send("GET /echo?i=$i HTTP/1.1\r\nHost: x\r\n\r\n");
        $r = $c->read();
        $j = json_decode($r['body'], true);
        $fds[] = $j['fd'];
        echo "keep-alive $i: {$r['status']} {$r['headers']['connection']} get=", json_encode($j['get']), "\n";
    }
    echo "one fd: ", var_export(count(array_unique($fds)) === 1, true), "\n";

    // Pipelining: three requests in one write, one with a body, answered in order.
    $c->send("GET /echo?n=1 HTTP/1.1\r\nHost: x\r\n\r\n"
        . "POST /echo?n=2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1&b=2"
        . "GET /echo?n=3 HTTP/1.1\r\nHost: x\r\n\r\n");
    for ($i = 1; $i <= 3; $i++) {
        $j = json_decode($c->read()['body'], true);
        echo "pipelined: ", $j['get']['n'], ' ', $j['method'], ' post=', json_encode($j['post']), "\n";
    }

    // A malformed request on a second connection: 400 and close; the first goes on.
    $bad = new HttpConn($port);
    $bad->send("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n");
    $r = $bad->read();
    echo "malformed: {$r['status']} closed=", var_export($bad->closedByServer(), true), "\n";
    $bad = new HttpConn($port);
    $bad->send("BREW /pot HTTP/1.1\r\n\r\n");
    echo "unknown method: ", $bad->read()['status'], "\n";
    $c->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "first connection still served: ", $c->read()['body'], "\n";

    // Over package_max_length: 413 before the body, and close.
    $big = new HttpConn($port);
    $big->send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n" . str_repeat('x', 1000));
    $r = $big->read();
    echo "too large: {$r['status']} closed=", var_export($big->closedByServer(), true), "\n";

    // HTTP/1.0 without keep-alive: Connection: close, then EOF.
    $old = new HttpConn($port);
    $old->send("GET / HTTP/1.0\r\n\r\n");
    $r = $old->read();
    echo "http/1.0: {$r['status']} {$r['headers']['connection']} closed=", var_export($old->closedByServer(), true), "\n";

    // An answer ended twice, HEAD, 404 route.
    $r = http_get($port, "GET /twice HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "twice: {$r['body']}\n";
    $srv->waitForLine('/end twice: true false/');
    $r = http_get($port, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", true);
    echo "head: {$r['status']} length={$r['headers']['content-length']}\n";
    $r = http_get($port, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "route: {$r['status']} {$r['body']}\n";
    $r = http_get($port, "GET /detach HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "detach: {$r['body']}\n";
    $r = http_get($port, "GET /task HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "task: {$r['body']}\n";
    $srv->waitForLine('/must be valid connection session_id/');
    $c->send("GET /sendfile HTTP/1.1\r\nHost: x\r\n\r\n");
    $r = $c->read();
    echo "sendfile: {$r['headers']['content-type']} ", strlen($r['body']), ' ', json_encode(substr($r['body'], 0, 7)), "\n";
    // A throwing callback: the client still gets 500; the worker is replaced.
    $r = http_get($port, "GET /throw HTTP/1.1\r\nHost: x\r\n\r\n");
    echo "throw: {$r['status']} length={$r['headers']['content-length']}\n";
    $srv->waitForLines('/worker \d started/', 4);
    echo "after: ", http_get($port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")['body'], "\n";
    $srv->stop();
}
?>
--EXPECTF--
--- base
curl: 0 HTTP/1.1 200 OK
Server: swoole-http-server
Connection: keep-alive
Content-Type: text/html
Content-Length: 5

hello
keep-alive 1: 200 keep-alive get={"i":"1"}
keep-alive 2: 200 keep-alive get={"i":"2"}
keep-alive 3: 200 keep-alive get={"i":"3"}
one fd: true
pipelined: 1 GET post=null
pipelined: 2 POST post={"a":"1","b":"2"}
pipelined: 3 GET post=null
malformed: 400 closed=true
unknown method: 400
first connection still served: hello
too large: 413 closed=true
http/1.0: 200 close closed=true
twice: first
head: 200 length=5
route: 404 no route
detach: detached:false
task: answered by a task worker
sendfile: application/octet-stream 100 "\/**\n * "
throw: 500 length=0
after: hello
--- process
curl: 0 HTTP/1.1 200 OK
Server: swoole-http-server
Connection: keep-alive
Content-Type: text/html
Content-Length: 5

hello
keep-alive 1: 200 keep-alive get={"i":"1"}
keep-alive 2: 200 keep-alive get={"i":"2"}
keep-alive 3: 200 keep-alive get={"i":"3"}
one fd: true
pipelined: 1 GET post=null
pipelined: 2 POST post={"a":"1","b":"2"}
pipelined: 3 GET post=null
malformed: 400 closed=true
unknown method: 400
first connection still served: hello
too large: 413 closed=true
http/1.0: 200 close closed=true
twice: first
head: 200 length=5
route: 404 no route
detach: detached:false
task: answered by a task worker
sendfile: application/octet-stream 100 "\/**\n * "
throw: 500 length=0
after: hello
