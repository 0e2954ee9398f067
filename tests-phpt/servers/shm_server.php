<?php
/**
 * A Swoole\Table, a Swoole\Atomic and a Swoole\Lock made before start(), shared by
 * 4 workers and 2 task workers. As soon as it starts, every worker and task worker
 * adds ROUNDS times 1 to row 'total' column n, 0.5 to its column f, and 1 to its own
 * row 'w<id>', then prints "done id=I pid=P" (and counts itself in the Atomic).
 * Each also makes a table of its own in onWorkerStart, holding only its id.
 *
 * Commands (one per message, one reply line):
 *   sum      -> "total n=N f=F rows=R done=D" then " w<i>=<n>" for each worker row
 *   private  -> "private rows=R id=I mine=<bool>" (its own table: one row, its own id)
 *   lock     -> takes the lock and keeps it: "locked pid=P"
 *   take     -> lock(LOCK_EX, 5): "took=<bool> ms=<elapsed> err=<errCode> pid=P", then unlocks
 *
 * usage: php shm_server.php PORT base|process ROUNDS
 */
[, $port, $mode, $rounds] = $argv;
$rounds = (int)$rounds;

$table = new Swoole\Table(64);
$table->column('n', Swoole\Table::TYPE_INT);
$table->column('f', Swoole\Table::TYPE_FLOAT);
$table->create();
$done = new Swoole\Atomic(0);
$lock = new Swoole\Lock(SWOOLE_MUTEX);

$server = new Swoole\Server('127.0.0.1', (int)$port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 4, 'task_worker_num' => 2, 'log_level' => SWOOLE_LOG_WARNING]);

$server->on('workerStart', function (Swoole\Server $s, int $id) use ($table, $done, $rounds) {
    $mine = new Swoole\Table(64);
    $mine->column('id', Swoole\Table::TYPE_INT);
    $mine->create();
    $mine->set('me', ['id' => $id]);
    $GLOBALS['mine'] = $mine;
    for ($i = 0; $i < $rounds; $i++) {
        $table->incr('total', 'n');
        $table->incr('total', 'f', 0.5);
        $table->incr("w$id", 'n', 1);
    }
    $done->add();
    echo "done id=$id pid=" . getmypid() . "\n";
});
$server->on('task', function () {});
$server->on('finish', function () {});
$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($table, $done, $lock) {
    $reply = match (trim($data)) {
        'sum' => (function () use ($table, $done) {
            $t = $table->get('total');
            $line = "total n={$t['n']} f={$t['f']} rows=" . count($table) . ' done=' . $done->get();
            for ($i = 0; $i < 6; $i++) {
                $line .= " w$i=" . $table->get("w$i", 'n');
            }
            return $line;
        })(),
        'private' => 'private rows=' . count($GLOBALS['mine']) . ' id=' . $GLOBALS['mine']->get('me', 'id')
            . ' mine=' . var_export($GLOBALS['mine']->get('me', 'id') === $s->getWorkerId(), true),
        'lock' => $lock->lock() ? 'locked pid=' . getmypid() : 'lock failed err=' . $lock->errCode,
        'take' => (function () use ($lock) {
            $t = microtime(true);
            $took = $lock->lock(LOCK_EX, 5);
            $ms = (int)((microtime(true) - $t) * 1000);
            $line = 'took=' . var_export($took, true) . " ms=$ms err={$lock->errCode} pid=" . getmypid();
            $lock->unlock();
            return $line;
        })(),
        default => "unknown command",
    };
    $s->send($fd, $reply . "\n");
});
$server->start();
