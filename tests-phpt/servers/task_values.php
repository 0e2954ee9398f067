<?php
/**
 * One worker, two task workers; onTask answers [get_debug_type($data), $data],
 * so every value makes a round trip worker -> task worker -> worker.
 *
 * usage: php task_values.php PORT
 *
 * Commands (reply: one JSON line, name => true or what went wrong):
 *   wait   every value of values() through taskwait()
 *   async  every value of values() through task(); onFinish collects the results
 *   call   every value of values() through task() with a finish callback
 */
final class Point
{
    public function __construct(public int $x = 0, public array $tags = []) {}
}

function values(): array
{
    static $values = null;
    return $values ??= make_values();
}

function make_values(): array
{
    // the same "random" bytes in every process
    mt_srand(4);
    $big = '';
    for ($i = 0; $i < (4 << 20) / 4; $i++) {
        $big .= pack('N', mt_rand());
    }
    return [
        'int' => 42,
        'negative' => -7,
        'float' => 3.25,
        'true' => true,
        'false' => false,
        'null' => null,
        'empty string' => '',
        'binary string' => "a\0b\xff\n",
        'string that looks serialized' => 'a:1:{i:0;i:1;}',
        'list' => [1, 2, 3],
        'nested array' => ['k' => ['x' => 1.5, 'y' => [null, 'z']], 7 => 'seven'],
        'stdClass' => (object)['a' => 1, 'b' => [2]],
        'Point' => new Point(3, ['p', 'q']),
        '4 MiB string' => $big,
        '4 MiB array' => range(0, 299999),
    ];
}

function check(string $name, mixed $got, mixed $sent): mixed
{
    $want = [get_debug_type($sent), $sent];
    if (serialize($got) === serialize($want)) {
        return true;
    }
    $s = is_string($got) ? $got : serialize($got);
    return 'got ' . get_debug_type($got) . ' ' . strlen($s) . ' bytes: ' . substr($s, 0, 60);
}

$server = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id taskworker=" . var_export($s->taskworker, true) . "\n";
});

$server->on('task', function ($s, $id, $src, $data) {
    return [get_debug_type($data), $data];
});

$pending = [];   // task id => [fd, name]
$results = [];   // fd => name => result

function collect(Swoole\Server $s, int $taskId, mixed $data): void
{
    global $pending, $results;
    [$fd, $name, $total] = $pending[$taskId];
    unset($pending[$taskId]);
    $results[$fd][$name] = check($name, $data, values()[$name]);
    if (count($results[$fd]) === $total) {
        // in the order of values(), whatever order the results came in
        $ordered = array_merge(array_intersect_key(values(), $results[$fd]), $results[$fd]);
        $s->send($fd, json_encode($ordered, JSON_UNESCAPED_SLASHES) . "\n");
        unset($results[$fd]);
    }
}

$server->on('finish', function ($s, $id, $data) {
    collect($s, $id, $data);
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    global $pending;
    $values = values();
    switch (trim($data)) {
        case 'wait':
            $out = [];
            foreach ($values as $name => $v) {
                $out[$name] = check($name, $s->taskwait($v, 5.0), $v);
            }
            $s->send($fd, json_encode($out, JSON_UNESCAPED_SLASHES) . "\n");
            break;
        case 'async':
        case 'call':
            $cb = trim($data) === 'call' ? fn($s, $id, $r) => collect($s, $id, $r) : null;
            foreach ($values as $name => $v) {
                $id = $s->task($v, -1, $cb);
                $pending[$id] = [$fd, $name, count($values)];
            }
            break;
    }
});

$server->start();
