<?php
/**
 * A one-process server that, once running, tries set(), on() and start()
 * from onWorkerStart, then shuts itself down; after start() has returned it
 * tries start() again. Prints each result.
 *
 * usage: php running_calls.php PORT
 */
function on_workerStart(Swoole\Server $s, int $id)
{
    echo "set: " . var_export($s->set(['worker_num' => 2]), true) . "\n";
    echo "on: " . var_export($s->on('receive', 'on_receive'), true) . "\n";
    echo "start: " . var_export($s->start(), true) . "\n";
    echo "worker_num still: " . $s->setting["worker_num"] . "\n";
    echo "shutdown: " . var_export($s->shutdown(), true) . "\n";
}

function on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
}

$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 1]);
$server->on('workerStart', 'on_workerStart');
$server->on('receive', 'on_receive');
echo "first start: " . var_export($server->start(), true) . "\n";
echo "second start: " . var_export($server->start(), true) . "\n";
echo "on after shutdown: " . var_export($server->on('receive', 'on_receive'), true) . "\n";
echo "set after shutdown: " . var_export($server->set(['worker_num' => 2]), true) . "\n";
