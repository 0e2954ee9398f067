--TEST--
Http\Server, PROCESS mode, two workers: with dispatch_mode 1, 3 or 5 every request of a connection (one at a time, split over two packets, or pipelined) is answered by one worker and in order, since the requests are parsed in the worker (Swoole frames them in its reactor threads and spreads one connection's requests over its workers in modes 1 and 3); different connections still reach both workers
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/http_client.php';

foreach ([1, 3, 5] as $dm) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/http_server.php',
        [$port, 'process', json_encode(['worker_num' => 2, 'dispatch_mode' => $dm])]);
    kill_on_exit($srv);
    $srv->waitForLines('/worker \d started/', 2);
    wait_for_port($port);
    $pids = [];
    $conns = [];
    $inorder = true;
    for ($c = 0; $c < 4; $c++) {
        $conn = new HttpConn($port);
        $seen = [];
        for ($i = 0; $i < 4; $i++) {
            $conn->send("GET /echo?n=$i HTTP/1.1\r\nHost: x\r\n\r\n");
            $seen[] = json_decode($conn->read()['body'], true)['pid'];
        }
        $conn->send("GET /echo?n=split HTTP/1.1\r\nHo");
        usleep(50000);
        $conn->send("st: x\r\n\r\n");
        $seen[] = json_decode($conn->read()['body'], true)['pid'];
        $conn->send(str_repeat("GET /echo?n=pipe HTTP/1.1\r\nHost: x\r\n\r\n", 2) . "GET /echo?n=last HTTP/1.1\r\nHost: x\r\n\r\n");
        $order = [];
        for ($i = 0; $i < 3; $i++) {
            $j = json_decode($conn->read()['body'], true);
            $seen[] = $j['pid'];
            $order[] = $j['query'];
        }
        $pids[] = count(array_unique($seen)) === 1 ? $seen[0] : 'several';
        $conns[] = $conn;
        $inorder = $inorder && $order === ['n=pipe', 'n=pipe', 'n=last'];
    }
    echo "dispatch_mode $dm: each connection on one worker: ", var_export(!in_array('several', $pids, true), true),
        ", pipelined answers in order: ", var_export($inorder, true),
        ", connections on both workers: ", var_export(count(array_unique($pids)) === 2, true), "\n";
    $srv->stop();
}
?>
--EXPECT--
dispatch_mode 1: each connection on one worker: true, pipelined answers in order: true, connections on both workers: true
dispatch_mode 3: each connection on one worker: true, pipelined answers in order: true, connections on both workers: true
dispatch_mode 5: each connection on one worker: true, pipelined answers in order: true, connections on both workers: true
