<?php
/**
 * A one-process server that keeps its own state in dynamic properties of the
 * Swoole\Server object: $server->fdlist (set before start(), changed in
 * onConnect/onClose) and $server->hits (created inside a callback).
 * Replies to every message with the state as JSON.
 *
 * usage: php dynamic_props.php PORT
 */
function on_workerStart(Swoole\Server $s, int $id)
{
    echo "worker started, fdlist=" . json_encode($s->fdlist) . "\n";
}

function on_connect(Swoole\Server $s, int $fd)
{
    $s->fdlist[] = $fd;
}

function on_close(Swoole\Server $s, int $fd)
{
    $s->fdlist = array_values(array_diff($s->fdlist, [$fd]));
    echo "closed $fd, fdlist=" . json_encode($s->fdlist) . "\n";
}

function on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
    if (!isset($s->hits)) {
        $s->hits = 0;
    }
    $s->hits++;
    $s->send($fd, json_encode(['fdlist' => $s->fdlist, 'hits' => $s->hits, 'tag' => $s->tag]) . "\n");
}

$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->fdlist = [];
$server->tag = 'set before start';
$server->on('workerStart', 'on_workerStart');
$server->on('connect', 'on_connect');
$server->on('close', 'on_close');
$server->on('receive', 'on_receive');
$server->start();
echo "after start: fdlist=" . json_encode($server->fdlist) . " hits=" . json_encode($server->hits ?? null) . "\n";
