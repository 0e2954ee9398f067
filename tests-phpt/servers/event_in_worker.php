<?php
/**
 * Swoole\Event inside a worker, and getClientList() inside a user process.
 * The worker adds one end of a socket pair to its loop at start; "poke" writes
 * to the other end and the read callback sends what it read to the client.
 * The user process answers "list" (sent to it through its pipe by the worker)
 * with the client list, which the worker forwards.
 *
 * usage: php event_in_worker.php PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 1]);
$GLOBALS['client'] = 0;
$user = new Swoole\Process(function (Swoole\Process $p) use ($server) {
    Swoole\Process::signal(SIGTERM, fn() => $p->exit(0));
    Swoole\Event::add($p->pipe, function () use ($p, $server) {
        $p->read();
        foreach ($server->getClientList(0, 10) ?: [] as $fd) {
            $server->send($fd, "user process sees fd $fd\n");
        }
    });
    Swoole\Event::wait();
});
$server->addProcess($user);
$server->on('workerStart', function ($s, $id) {
    [$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $GLOBALS['pair'] = [$a, $b];
    var_dump(is_int(Swoole\Event::add($a, function ($sock) use ($s) {
        $data = fread($sock, 100);
        $s->send($GLOBALS['client'], "worker loop read: $data\n");
    })));
    echo "ready\n";
});
$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($user) {
    $GLOBALS['client'] = $fd;
    match (trim($data)) {
        'poke' => fwrite($GLOBALS['pair'][1], 'hello'),
        'list' => $user->write('list'),
        default => $s->send($fd, "?\n"),
    };
});
$server->start();
