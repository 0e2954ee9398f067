<?php
// Issue 13 item 5: with event_object => true every callback receives an
// object. Run: php 05_event_object.php base|process
$mode = ($argv[1] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, $mode);
$p2 = $s->listen('127.0.0.1', $port + 1, SWOOLE_SOCK_TCP);
$udp = $s->listen('127.0.0.1', $port + 2, SWOOLE_SOCK_UDP);
$s->set(['worker_num' => 2, 'task_worker_num' => 1, 'event_object' => true, 'log_level' => SWOOLE_LOG_WARNING]);
$show = function (string $what, array $args) {
    $out = [];
    foreach ($args as $a) {
        if ($a instanceof Swoole\Server) { $out[] = 'server'; continue; }
        if (is_object($a)) {
            $v = get_object_vars($a);
            if (isset($v['dispatch_time'])) $v['dispatch_time'] = is_float($v['dispatch_time']) ? ($v['dispatch_time'] > 0 ? 'float>0' : 'float0') : gettype($v['dispatch_time']);
            foreach (['worker_pid', 'fd', 'server_socket'] as $k) if (isset($v[$k])) $v[$k] = gettype($v[$k]) . ($v[$k] > 0 ? '>0' : '=' . $v[$k]);
            $out[] = get_class($a) . json_encode($v);
        } else {
            $out[] = json_encode($a);
        }
    }
    echo "$what(", implode(', ', $out), ")\n";
};
$s->on('connect', function (...$a) use ($show) { $show('connect', $a); });
$s->on('receive', function ($s, ...$a) use ($show) {
    $show('receive', [$s, ...$a]);
    $e = $a[0];
    $data = is_object($e) ? $e->data : $a[2];
    if ($data === "task\n") { $s->task('T'); }
    if ($data === "msg\n") { $s->sendMessage('M', 1 - $s->worker_id); }
    if ($data === "die\n") { exit(3); }
    $s->send(is_object($e) ? $e->fd : $e, "ok\n");
});
$s->on('close', function (...$a) use ($show) { $show('close', $a); });
$s->on('packet', function ($s, ...$a) use ($show) { $show('packet', [$s, ...$a]); $o = $a[0]; $s->sendto($o->address, $o->port, "pong"); });
$p2->on('receive', function ($s, ...$a) use ($show) { $show('port2 receive', [$s, ...$a]); $s->send($a[0]->fd, "ok\n"); });
$p2->on('connect', function (...$a) use ($show) { $show('port2 connect', $a); });
$s->on('task', function ($s, ...$a) use ($show) { $show('task', [$s, ...$a]); return 'R'; });
$s->on('finish', function (...$a) use ($show) { $show('finish', $a); });
$s->on('pipeMessage', function (...$a) use ($show) { $show('pipeMessage', $a); });
$s->on('workerError', function (...$a) use ($show) { $show('workerError', $a); });
$s->addProcess(new Swoole\Process(function () use ($port, $s) {
    usleep(300000);
    foreach (["hello\n", "task\n", "msg\n"] as $d) {
        $c = stream_socket_client("tcp://127.0.0.1:$port");
        fwrite($c, $d); fgets($c); usleep(200000); fclose($c); usleep(100000);
    }
    $c = stream_socket_client("tcp://127.0.0.1:" . ($port + 1));
    fwrite($c, "p2\n"); fgets($c); fclose($c); usleep(100000);
    $u = stream_socket_client("udp://127.0.0.1:" . ($port + 2));
    fwrite($u, "U"); fread($u, 10); fclose($u); usleep(100000);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    fwrite($c, "die\n"); usleep(500000);
    $s->shutdown();
    usleep(300000);
}));
$s->start();
