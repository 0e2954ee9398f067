<?php
/**
 * A server with event_object => true: every callback prints the class and
 * properties of the object it got (times, descriptors and pids reduced to
 * what can be pinned). Two workers, one task worker, a second TCP port with
 * its own onConnect/onReceive (its close uses the server's) and a UDP port.
 *
 * usage: php event_objects.php PORT base|process
 * Prints "ports TCP2 UDP" once the first worker started.
 *
 * Commands on a TCP port (reply: one line):
 *   hello   -> "ok"
 *   task    task('T') (onTask returns 'R' for onFinish), task('C', -1, $callback) -> "ok"
 *   msg     sendMessage("from <worker_id>") to the other worker                  -> "ok"
 *   throw   the worker throws (no reply; the manager reports it)
 *   kill    the worker SIGKILLs itself (no reply)
 * A datagram on the UDP port is answered with "pong:<datagram>".
 */
$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$tcp2 = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$udp = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP);
$server->set(['worker_num' => 2, 'task_worker_num' => 1, 'event_object' => true, 'log_level' => SWOOLE_LOG_ERROR]);

/**
 * One line: the callback, then the object's class and properties, values
 * as JSON except: a time is "now" (or 0.0), a descriptor, pid or peer port
 * "N", an event worker's id "W" (which worker gets a connection varies), a
 * reactor id "R"; `$known` maps a property to [value, label] to print the
 * label when the value is the expected one.
 */
function show(string $callback, array $args, array $known = []): void
{
    $parts = [];
    foreach ($args as $a) {
        if ($a instanceof Swoole\Server) {
            $parts[] = '$server';
            continue;
        }
        if (!is_object($a)) {
            $parts[] = json_encode($a);
            continue;
        }
        $props = [];
        foreach (get_object_vars($a) as $k => $v) {
            $props[] = "$k=" . match (true) {
                isset($known[$k]) => $known[$k][0] === $v ? $known[$k][1] : json_encode($v),
                $k === 'dispatch_time' => is_float($v) ? ($v > 0 ? 'now' : '0.0') : gettype($v),
                in_array($k, ['fd', 'server_socket', 'worker_pid', 'port'], true) => is_int($v) && $v > 0 ? 'N' : json_encode($v),
                $k === 'worker_id' => $v === 0 || $v === 1 ? 'W' : json_encode($v),
                $k === 'reactor_id' => is_int($v) && $v >= 0 ? 'R' : json_encode($v),
                default => json_encode($v),
            };
        }
        $parts[] = get_class($a) . '{' . implode(', ', $props) . '}';
    }
    echo "$callback(" . implode(', ', $parts) . ")\n";
}

$server->on('workerStart', function ($s, $id) use ($tcp2, $udp) {
    if ($id === 0) {
        echo "ports {$tcp2->port} {$udp->port}\n";
    }
});
$server->on('connect', fn(...$a) => show('onConnect', $a));
$server->on('close', fn(...$a) => show('onClose', $a));
$server->on('receive', function (Swoole\Server $s, ...$a) {
    show('onReceive', [$s, ...$a]);
    $e = $a[0];
    switch (trim((string)$e->data)) {
        case 'task':
            $s->task('T');
            $s->task('C', -1, fn(...$r) => show('task callback', $r));
            break;
        case 'msg':
            $s->sendMessage("from {$s->worker_id}", 1 - $s->worker_id);
            break;
        case 'throw':
            throw new RuntimeException('the worker ends');
        case 'kill':
            posix_kill(getmypid(), SIGKILL);
            return;
    }
    $s->send($e->fd, "ok\n");
});
$server->on('task', function ($s, ...$a) {
    show('onTask', [$s, ...$a]);
    return $a[0]->data === 'T' ? 'R' : 'r';
});
$server->on('finish', fn(...$a) => show('onFinish', $a));
$server->on('pipeMessage', function ($s, ...$a) {
    $m = $a[0];
    $sender = (int)substr($m->data, 5);
    show('onPipeMessage', [$s, ...$a], [
        'source_worker_id' => [$sender, 'the sender'],
        'worker_id' => [$sender, 'the sender'],
        'data' => ["from $sender", '"from <the sender>"'],
    ]);
});
$server->on('workerError', fn(...$a) => show('onWorkerError', $a));
$tcp2->on('connect', fn(...$a) => show('port onConnect', $a));
$tcp2->on('receive', function (Swoole\Server $s, ...$a) {
    show('port onReceive', [$s, ...$a]);
    $s->send($a[0]->fd, "ok\n");
});
$udp->on('packet', function (Swoole\Server $s, ...$a) use ($udp) {
    $p = $a[0];
    show('onPacket', [$s, ...$a], ['server_port' => [$udp->port, 'the UDP port']]);
    $s->sendto($p->address, $p->port, "pong:{$p->data}", $p->server_socket);
});
$server->start();
