<?php
/**
 * Constructs a Swoole\Server on HOST:PORT and starts it, printing what the
 * constructor (which throws when it cannot bind) and start() did. If it
 * wrongly succeeds, the server runs (printing "worker started") until it is
 * stopped.
 *
 * usage: php start_on_port.php HOST PORT
 */
function on_workerStart(Swoole\Server $s, int $id)
{
    echo "worker started\n";
}

function on_receive(Swoole\Server $s, int $fd, int $rid, string $data)
{
}

try {
    $server = new Swoole\Server($argv[1], (int)$argv[2]);
} catch (Swoole\Exception $e) {
    echo get_class($e), " (", $e->getCode(), "): ", $e->getMessage(), "\n";
    exit(0);
}
echo "constructed\n";
$server->on('workerStart', 'on_workerStart');
$server->on('receive', 'on_receive');
$ret = $server->start();
echo "start() returned " . var_export($ret, true) . "\n";
