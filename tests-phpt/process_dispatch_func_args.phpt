--TEST--
dispatch_func given by name: a callable of three parameters (or only a variadic one) gets no $data; BASE mode never calls it; set() warns about a value that is not callable and keeps it in $setting
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
function pick_worker(Swoole\Server $s, int $fd, int $type) {
    echo "pick_worker type=$type args=" . func_num_args() . "\n";  // one write: the worker prints beside it
    return 1;
}
$mode = $argv[2] === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$srv = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$func = $argv[3] === 'variadic' ? function (...$args) { return pick_worker(...$args); } : 'pick_worker';
$srv->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING, 'dispatch_func' => $func]);
$srv->on('start', function () { echo "started\n"; });
$srv->on('workerStart', function ($s, $id) { echo "workerStart $id\n"; });
$srv->on('connect', function ($s, $fd) { echo "onConnect wid={$s->worker_id}\n"; });
$srv->on('close', function ($s, $fd) { echo "onClose wid={$s->worker_id}\n"; });
$srv->on('receive', function ($s, $fd, $rid, $data) {
    echo "onReceive wid={$s->worker_id}\n";
    $s->send($fd, "w={$s->worker_id}\n");
});
$srv->start();
PHP;
foreach ([['process', 'name'], ['process', 'variadic'], ['base', 'name']] as [$mode, $func]) {
    echo "--- $mode, $func\n";
    $port = free_port();
    $srv = server_from_code($code, [$port, $mode, $func]);
    $srv->waitForLines('/^workerStart /', 2);
    wait_for_port($port);
    $c = new TestClient($port);
    $c->send("hello");
    $reply = trim(fgets($c->sock));
    $c->close();
    $srv->waitForLine('/^onClose /');
    $out = $srv->stop();
    // (The master and the workers print at once: each process's lines in order.)
    $lines = explode("\n", $out);
    foreach (['/^pick_worker/', '/^on/'] as $re) {
        foreach (preg_grep($re, $lines) as $line) {
            echo $line, "\n";
        }
    }
    if ($mode === 'process') {
        echo "reply: $reply\n";
    }
}

echo "--- set() with a value that is not callable\n";
$server = new Swoole\Server('127.0.0.1', free_port(), SWOOLE_PROCESS);
var_dump($server->set(['dispatch_func' => 'no_such_function']));
var_dump($server->set(['dispatch_func' => 42]));
var_dump($server->setting['dispatch_func']);
?>
--EXPECTF--
--- process, name
pick_worker type=5 args=3
pick_worker type=0 args=3
pick_worker type=4 args=3
onConnect wid=1
onReceive wid=1
onClose wid=1
reply: w=1
--- process, variadic
pick_worker type=5 args=3
pick_worker type=0 args=3
pick_worker type=4 args=3
onConnect wid=1
onReceive wid=1
onClose wid=1
reply: w=1
--- base, name
onConnect wid=%d
onReceive wid=%d
onClose wid=%d
--- set() with a value that is not callable

Warning: Swoole\Server::set(): function 'no_such_function' is not callable in %s on line %d
bool(true)

Warning: Swoole\Server::set(): function '42' is not callable in %s on line %d
bool(true)
int(42)
