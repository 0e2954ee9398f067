<?php
/**
 * A TCP server driven by one-line commands, for the process_msg_* tests
 * (messaging and connection control, mostly in SWOOLE_PROCESS mode).
 *
 * usage: php process_msg_server.php PORT MODE [SETTINGS_JSON [OPTIONS_JSON]]
 *   MODE           "process" (SWOOLE_PROCESS) or "base" (SWOOLE_BASE)
 *   SETTINGS_JSON  merged over ['worker_num' => 2] and given to set()
 *   OPTIONS_JSON   {"confirm_after": MS}: onConnect confirms the new
 *                  connection MS ms later (from a Swoole\Timer::after)
 *
 * Every callback prints one line (with a single echo). A message that is
 * exactly one command line ("word" or "word ARG", ending in "\n") runs the
 * command and gets a one-line reply; anything else is payload: onReceive
 * prints its size and echoes it back unchanged.
 *
 * Commands:
 *   fd              -> "fd=<this fd> wid=<worker id>"
 *   msg W           sendMessage(<a string>, W)                -> "msg=<result> err=<getLastError()>"
 *   values W        sendMessage of an array, an int, a float, a stdClass,
 *                   a nested array and a 200 KiB string, each to W
 *                                                             -> "values=[results]"
 *   tasksend W      a task whose onTask sends a message to worker W -> "task=<id>"
 *   pause [FD]      pause(FD, default this fd)                -> "pause=<result> err=<...>"
 *   resume FD       resume(FD)                                -> "resume=<result> err=<...>"
 *   confirm FD      confirm(FD)                               -> "confirm=<result>"
 *   protect [FD]    protect(FD, default this fd)              -> "protect=<result>"
 *   hb              heartbeat(false)                          -> "hb=<json, sorted>"
 *   hbclose         heartbeat(true)                           -> "hbclose=<json, sorted>"
 *   hbdefault       heartbeat() without an argument           -> "hbdefault=<json, sorted>"
 *   stats           some connection counters of stats()       -> JSON
 *   exist FD        exist(FD)                                 -> "exist=<result>"
 *   flood           send 64 KiB chunks to this fd until send() fails (or 4000 chunks)
 *                   -> no reply; prints "flood: send() false after N chunks, error E"
 */
$port = (int)$argv[1];
$mode = ($argv[2] ?? 'process') === 'base' ? SWOOLE_BASE : SWOOLE_PROCESS;
$settings = array_merge(['worker_num' => 2], json_decode($argv[3] ?? '{}', true) ?: []);
$options = json_decode($argv[4] ?? '{}', true) ?: [];

function sorted(array|false $a): string
{
    if ($a === false) {
        return 'false';
    }
    sort($a);
    return json_encode($a);
}

function describe(mixed $v): string
{
    if (is_string($v) && strlen($v) > 100) {
        return 'string(' . strlen($v) . ') md5=' . md5($v);
    }
    return get_debug_type($v) . ' ' . json_encode($v);
}

/** The values "values W" sends, in order. */
function message_values(): array
{
    $big = '';
    for ($i = 0; strlen($big) < 200 * 1024; $i++) {
        $big .= sprintf('%07d,', $i);
    }
    return [
        ['k' => 'v', 'list' => [1, 2, 3]],
        42,
        2.5,
        (object)['a' => 1, 'b' => 'two'],
        ['nested' => ['x' => [true, null, 'y']]],
        $big,
    ];
}

$server = new Swoole\Server('127.0.0.1', $port, $mode);
$server->set($settings);

$server->on('workerStart', function (Swoole\Server $s, int $id) {
    echo "onWorkerStart id=$id task=" . var_export($s->taskworker, true) . "\n";
});

$server->on('connect', function (Swoole\Server $s, int $fd) use ($options) {
    echo "onConnect fd=$fd wid={$s->worker_id}\n";
    if (isset($options['confirm_after'])) {
        Swoole\Timer::after((int)$options['confirm_after'], function () use ($s, $fd) {
            echo "confirm fd=$fd: " . var_export($s->confirm($fd), true) . "\n";
        });
    }
});

$server->on('close', function (Swoole\Server $s, int $fd) {
    echo "onClose fd=$fd wid={$s->worker_id}\n";
});

$server->on('pipeMessage', function (Swoole\Server $s, int $src, mixed $data) {
    echo "onPipeMessage #{$s->worker_id} from #$src: " . describe($data) . "\n";
});

$server->on('task', function (Swoole\Server $s, int $id, int $src, mixed $data) {
    [$what, $arg] = $data;
    if ($what === 'sendmsg') {
        $r = $s->sendMessage("from task worker #{$s->worker_id}", $arg);
        echo "task #{$s->worker_id} sendMessage to #$arg: " . var_export($r, true) . "\n";
    }
    return null;
});

$server->on('finish', function () {
});

$server->on('bufferFull', function (Swoole\Server $s, int $fd) {
    echo "onBufferFull fd=$fd\n";
});

$server->on('bufferEmpty', function (Swoole\Server $s, int $fd) {
    echo "onBufferEmpty fd=$fd send=" . var_export($s->send($fd, "recovered\n"), true) . "\n";
});

$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) {
    if (!preg_match('/^([a-z]+)(?: (-?\d+))?\n$/', $data, $m)) {
        echo "onReceive fd=$fd bytes=" . strlen($data) . "\n";
        $s->send($fd, $data);
        return;
    }
    $cmd = $m[1];
    $arg = isset($m[2]) ? (int)$m[2] : null;
    switch ($cmd) {
        case 'fd':
            $reply = "fd=$fd wid={$s->worker_id}";
            break;
        case 'msg':
            $r = $s->sendMessage("hello from #{$s->worker_id}", $arg);
            $reply = 'msg=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'values':
            $rs = [];
            foreach (message_values() as $v) {
                $rs[] = $s->sendMessage($v, $arg);
            }
            $reply = 'values=' . json_encode($rs);
            break;
        case 'tasksend':
            $reply = 'task=' . var_export($s->task(['sendmsg', $arg]), true);
            break;
        case 'pause':
            $r = $s->pause($arg ?? $fd);
            $reply = 'pause=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'resume':
            $r = $s->resume($arg);
            $reply = 'resume=' . var_export($r, true) . ' err=' . $s->getLastError();
            break;
        case 'confirm':
            $reply = 'confirm=' . var_export($s->confirm($arg), true);
            break;
        case 'protect':
            $reply = 'protect=' . var_export($s->protect($arg ?? $fd), true);
            break;
        case 'hb':
            $reply = 'hb=' . sorted($s->heartbeat(false));
            break;
        case 'hbclose':
            $reply = 'hbclose=' . sorted($s->heartbeat(true));
            break;
        case 'hbdefault':
            $reply = 'hbdefault=' . sorted($s->heartbeat());
            break;
        case 'stats':
            $st = $s->stats();
            $reply = json_encode(array_map(fn($k) => $st[$k] ?? 'missing', array_combine($keys = ['connection_num', 'accept_count', 'close_count', 'abort_count'], $keys)));
            break;
        case 'exist':
            $reply = 'exist=' . var_export($s->exist($arg), true);
            break;
        case 'flood':
            $chunk = str_repeat('x', 65536);
            for ($i = 1; $i <= 4000; $i++) {
                if (!$s->send($fd, $chunk)) {
                    echo "flood: send() false after " . ($i - 1) . " chunks, error " . $s->getLastError() . "\n";
                    return;
                }
            }
            echo "flood: never refused\n";
            return;
        default:
            $reply = "unknown command $cmd";
    }
    $s->send($fd, "$reply\n");
});

$server->start();
echo "start returned pid=" . getmypid() . "\n";
