<?php
/**
 * One worker, two task workers, for the task counters of stats(). A "hold"
 * task keeps its task worker busy until someone writes a line to FIFO.
 *
 * usage: php task_stats.php PORT FIFO
 *
 * Commands (reply: one line):
 *   stats   the task keys of stats(), as JSON
 *   hold    task('hold', 0): onTask prints "holding", reads a line from FIFO, returns   -> "id=N"
 *   queue   three quick tasks to task worker 0 (behind a held task)                    -> "ids=[...]"
 *   any     taskwait('where', 1.0) to any task worker: "wid=<its worker id>" or false
 *   inside  taskwait('stats', 2.0, 1): the task keys of stats() seen in task worker 1
 */
[, $port, $fifo] = $argv;

function task_stats(Swoole\Server $s): string
{
    $st = $s->stats();
    $keys = ['task_worker_num', 'task_idle_worker_num', 'tasking_num', 'task_count', 'task_queue_num', 'task_queue_bytes'];
    $out = [];
    foreach ($keys as $k) {
        $out[$k] = $st[$k] ?? 'missing';
    }
    return json_encode($out);
}

$server = new Swoole\Server('127.0.0.1', (int)$port, SWOOLE_BASE);
$server->set(['worker_num' => 1, 'task_worker_num' => 2]);

$server->on('workerStart', function ($s, $id) {
    echo "onWorkerStart id=$id\n";
});

$server->on('task', function (Swoole\Server $s, $id, $src, $data) use ($fifo) {
    switch ($data) {
        case 'hold':
            echo "holding id=$id\n";
            $f = fopen($fifo, 'r');
            $line = fgets($f);
            fclose($f);
            echo "released by " . trim($line) . "\n";
            return 'held';
        case 'stats':
            return task_stats($s);
        case 'where':
            return "wid={$s->worker_id}";
        default:
            return $data;
    }
});

$server->on('finish', function ($s, $id, $data) {
    echo "onFinish id=$id data=$data\n";
});

$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $reply = match (trim($data)) {
        'stats' => task_stats($s),
        'hold' => 'id=' . $s->task('hold', 0),
        'queue' => 'ids=' . json_encode([$s->task('q1', 0), $s->task('q2', 0), $s->task('q3', 0)]),
        'any' => var_export($s->taskwait('where', 1.0), true),
        'inside' => $s->taskwait('stats', 2.0, 1),
    };
    $s->send($fd, "$reply\n");
});

$server->start();
