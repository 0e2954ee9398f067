<?php
/**
 * A one-process server whose onConnect/onReceive/onClose callbacks are all of
 * one kind of PHP callable, so each kind can be driven through many calls.
 * onReceive allocates (an arrow function, arrays, JSON) on every call, so a
 * callable that the server freed too early gets overwritten and shows up.
 *
 * usage: php callback_kinds.php PORT KIND
 *   KIND: closure | arrow | literal_name | built_name | method | static_method | invokable
 */
$GLOBALS['calls'] = ['connect' => 0, 'receive' => 0, 'close' => 0];

function reply(Swoole\Server $s, int $fd): void
{
    $GLOBALS['calls']['receive']++;
    $doubled = array_map(fn($x) => $x * 2, [1, 2, 3]);
    $info = json_encode($s->getClientInfo($fd));
    $s->send($fd, "n={$GLOBALS['calls']['receive']} d=" . implode(',', $doubled) . " info=" . strlen($info) . "\n");
}

function on_connect($s, $fd) { $GLOBALS['calls']['connect']++; }
function on_receive($s, $fd, $rid, $data) { reply($s, $fd); }
function on_close($s, $fd)
{
    $GLOBALS['calls']['close']++;
    echo "closed {$GLOBALS['calls']['close']}\n";
}

class Handlers
{
    public function onConnect($s, $fd) { on_connect($s, $fd); }
    public function onReceive($s, $fd, $rid, $data) { reply($s, $fd); }
    public function onClose($s, $fd) { on_close($s, $fd); }
    public static function sConnect($s, $fd) { on_connect($s, $fd); }
    public static function sReceive($s, $fd, $rid, $data) { reply($s, $fd); }
    public static function sClose($s, $fd) { on_close($s, $fd); }
}

class Invokable
{
    public function __construct(private string $event) {}
    public function __invoke(...$args)
    {
        ('on_' . $this->event)(...$args);
    }
}

$port = (int)$argv[1];
$kind = $argv[2];
$server = new Swoole\Server('127.0.0.1', $port);
$callbacks = match ($kind) {
    'closure' => [
        function ($s, $fd) { on_connect($s, $fd); },
        function ($s, $fd, $rid, $data) { reply($s, $fd); },
        function ($s, $fd) { on_close($s, $fd); },
    ],
    'arrow' => [
        fn($s, $fd) => on_connect($s, $fd),
        fn($s, $fd, $rid, $data) => reply($s, $fd),
        fn($s, $fd) => on_close($s, $fd),
    ],
    'literal_name' => ['on_connect', 'on_receive', 'on_close'],
    // names made at run time are refcounted strings, not interned literals
    'built_name' => array_map(fn($e) => implode('', ['on_', $e]), ['connect', 'receive', 'close']),
    'method' => [[$h = new Handlers, 'onConnect'], [$h, 'onReceive'], [$h, 'onClose']],
    'static_method' => ['Handlers::sConnect', ['Handlers', 'sReceive'], 'Handlers::sClose'],
    'invokable' => [new Invokable('connect'), new Invokable('receive'), new Invokable('close')],
};
[$onConnect, $onReceive, $onClose] = $callbacks;
$server->on('connect', $onConnect);
$server->on('receive', $onReceive);
$server->on('close', $onClose);
unset($callbacks, $onConnect, $onReceive, $onClose, $h);
$server->on('workerStart', function () use ($kind) {
    echo "ready: $kind\n";
});
$server->on('shutdown', function () {
    echo "calls: " . json_encode($GLOBALS['calls']) . "\n";
});
$server->start();
echo "after start\n";
