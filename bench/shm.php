<?php
/**
 * Shared-memory benchmark (issue 15): cross-process operations per second on
 * Swoole\Table, Swoole\Atomic and Swoole\Lock, from 1 and from 2 processes
 * forked after the objects were made (as a server's workers are), and the
 * memory a table of 1M rows takes.
 *
 * Each case: the processes wait for a start signal, run the operation in a
 * loop for DURATION seconds, and report how many they did; the rate is the
 * sum over the processes. Table keys: 1,024 rows of (int, float, 64-byte
 * string) in a table made for 4,096 (Swoole's own cannot hold 1,024 keys in
 * a table of 1,024 rows), each process on its own 512 keys (no two processes
 * on one row); "incr, one row" has every process on the same row.
 *
 * Usage: php -d extension=SO shm.php [DURATION]; prints "case<TAB>ops/s"
 * lines, then "memory<TAB>bytes per row<TAB>getMemorySize()".
 */
$duration = (float)($argv[1] ?? 1.0);

const ROWS = 1024;
$table = new Swoole\Table(4 * ROWS);
$table->column('i', Swoole\Table::TYPE_INT);
$table->column('f', Swoole\Table::TYPE_FLOAT);
$table->column('s', Swoole\Table::TYPE_STRING, 64);
$table->create();
$row = ['i' => 1, 'f' => 1.5, 's' => str_repeat('x', 64)];
for ($k = 0; $k < ROWS; $k++) {
    $table->set("key$k", $row);
}
$atomic = new Swoole\Atomic(0);
$lock = new Swoole\Lock(SWOOLE_MUTEX);
$go = new Swoole\Atomic(0);
$count = new Swoole\Atomic\Long(0);

$cases = [
    'Table::set' => function (int $p) use ($table, $row): Closure {
        $k = $p * 512;
        return function () use ($table, $row, &$k, $p) {
            $table->set('key' . ($k++ & 511 | $p << 9), $row);
        };
    },
    'Table::get' => function (int $p) use ($table): Closure {
        $k = 0;
        return function () use ($table, &$k, $p) {
            $table->get('key' . ($k++ & 511 | $p << 9));
        };
    },
    'Table::incr' => function (int $p) use ($table): Closure {
        $k = 0;
        return function () use ($table, &$k, $p) {
            $table->incr('key' . ($k++ & 511 | $p << 9), 'i');
        };
    },
    'Table::incr, one row' => function (int $p) use ($table): Closure {
        return function () use ($table) {
            $table->incr('key0', 'i');
        };
    },
    'Atomic::add' => function (int $p) use ($atomic): Closure {
        return function () use ($atomic) {
            $atomic->add();
        };
    },
    'Lock lock+unlock' => function (int $p) use ($lock): Closure {
        return function () use ($lock) {
            $lock->lock();
            $lock->unlock();
        };
    },
];

/** Runs $op in $procs forked processes for $duration seconds: total operations per second. */
function measure(Closure $make, int $procs, float $duration, Swoole\Atomic $go, Swoole\Atomic\Long $count): int
{
    $go->set(0);
    $count->set(0);
    $pids = [];
    for ($p = 0; $p < $procs; $p++) {
        $pids[] = (new Swoole\Process(function () use ($make, $p, $duration, $go, $count) {
            $op = $make($p);
            while (!$go->get()) {
                usleep(100);
            }
            $n = 0;
            $end = hrtime(true) + (int)($duration * 1e9);
            do {
                for ($i = 0; $i < 1000; $i++) {
                    $op();
                }
                $n += 1000;
            } while (hrtime(true) < $end);
            $count->add($n);
        }, false, 0))->start();
    }
    usleep(50000);
    $go->set(1);
    foreach ($pids as $_) {
        Swoole\Process::wait();
    }
    return (int)($count->get() / $duration);
}

foreach ($cases as $name => $make) {
    foreach ([1, 2] as $procs) {
        printf("%s, %d process%s\t%d\n", $name, $procs, $procs > 1 ? 'es' : '', measure($make, $procs, $duration, $go, $count));
    }
}

$big = new Swoole\Table(1 << 20);
$big->column('i', Swoole\Table::TYPE_INT);
$big->column('f', Swoole\Table::TYPE_FLOAT);
$big->column('s', Swoole\Table::TYPE_STRING, 64);
$big->create();
printf("memory, 1M rows x (int, float, 64-byte string)\t%.1f\t%d\n", $big->getMemorySize() / (1 << 20), $big->getMemorySize());
