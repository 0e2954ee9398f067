<?php
/**
 * For ws_server_base_workers.phpt: a BASE WebSocket\Server with several workers.
 *   onOpen       pushes "w<worker_id>" (which worker holds the connection)
 *   "report"     answers JSON: this worker, count($server->connections), the fds iteration yields,
 *                getClientList(), and isEstablished() of every fd up to the one given ("report:N")
 *   "all:N"      pushes "to-all" to fds 1..N (those of other workers too) and answers "pushed K"
 *   "tick"       bumps a shared counter: each worker's timer then pushes "tick" to the connections
 *                its iteration yields (the usual broadcast: every client gets it once)
 *
 * usage: php ws_base_workers.php PORT WORKERS
 */
[$port, $workers] = [(int)$argv[1], (int)$argv[2]];
$server = new Swoole\WebSocket\Server('127.0.0.1', $port, SWOOLE_BASE);
$server->set(['worker_num' => $workers, 'enable_reuse_port' => true, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_WARNING]);
$ticks = new Swoole\Atomic(0);
$server->on('workerStart', function (Swoole\WebSocket\Server $s, int $id) use ($ticks) {
    echo "worker $id started\n";
    $seen = 0;
    Swoole\Timer::tick(5, function () use ($s, $ticks, &$seen) {
        if ($ticks->get() === $seen) {
            return;
        }
        $seen = $ticks->get();
        foreach ($s->connections as $fd) {
            $s->push($fd, 'tick');
        }
    });
});
$server->on('open', function (Swoole\WebSocket\Server $s, Swoole\Http\Request $req) {
    $s->push($req->fd, "w{$s->worker_id}");
});
$server->on('message', function (Swoole\WebSocket\Server $s, Swoole\WebSocket\Frame $f) use ($ticks) {
    [$cmd, $n] = explode(':', $f->data . ':0');
    $n = (int)$n;
    if ($cmd === 'report') {
        $iter = [];
        foreach ($s->connections as $fd) {
            $iter[] = $fd;
        }
        $established = [];
        for ($fd = 1; $fd <= $n; $fd++) {
            $established[] = $s->isEstablished($fd);
        }
        $s->push($f->fd, json_encode(['worker' => $s->worker_id, 'count' => count($s->connections), 'iter' => $iter,
            'list' => $s->getClientList(0, 100), 'established' => $established]));
    } elseif ($cmd === 'all') {
        $ok = 0;
        for ($fd = 1; $fd <= $n; $fd++) {
            $ok += $s->push($fd, 'to-all') ? 1 : 0;
        }
        $s->push($f->fd, "pushed $ok");
    } elseif ($cmd === 'tick') {
        $ticks->add(1);
    }
});
$server->start();
