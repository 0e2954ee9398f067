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
 * On a loaded machine the processes do not get a CPU each all the time, so
 * each case is also given as the rate per CPU second each process used
 * (operations / (CPU time / processes)), which load does not distort.
 *
 * Usage: php -d extension=SO shm.php [DURATION [CASE]]; prints "case<TAB>ops/s<TAB>
 * ops per CPU second" lines, then "memory<TAB>bytes per row<TAB>getMemorySize()";
 * with CASE (a case's name, or a prefix such as "Atomic"), only those ("memory": only
 * the memory line); "list" as DURATION prints the case names.
 */
$duration = (float)($argv[1] ?? 1.0);
$only = $argv[2] ?? '';

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
$cpu = new Swoole\Atomic\Long(0);

/** This process's CPU time so far, in microseconds. */
function cpu_us(): int
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] * 1000000 + $r['ru_utime.tv_usec'] + $r['ru_stime.tv_sec'] * 1000000 + $r['ru_stime.tv_usec'];
}

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

/**
 * Runs $op in $procs forked processes for $duration seconds: total operations
 * per second, and per CPU second of each process.
 */
function measure(Closure $make, int $procs, float $duration, Swoole\Atomic $go, Swoole\Atomic\Long $count, Swoole\Atomic\Long $cpu): array
{
    $go->set(0);
    $count->set(0);
    $cpu->set(0);
    $pids = [];
    for ($p = 0; $p < $procs; $p++) {
        $pids[] = (new Swoole\Process(function () use ($make, $p, $duration, $go, $count, $cpu) {
            $op = $make($p);
            while (!$go->get()) {
                usleep(100);
            }
            $n = 0;
            $start = cpu_us();
            $end = hrtime(true) + (int)($duration * 1e9);
            do {
                for ($i = 0; $i < 1000; $i++) {
                    $op();
                }
                $n += 1000;
            } while (hrtime(true) < $end);
            $cpu->add(cpu_us() - $start);
            $count->add($n);
        }, false, 0))->start();
    }
    usleep(50000);
    $go->set(1);
    foreach ($pids as $_) {
        Swoole\Process::wait();
    }
    $perCpu = $count->get() / max(1, $cpu->get() / $procs) * 1e6;
    return [(int)($count->get() / $duration), (int)$perCpu];
}

if (($argv[1] ?? '') === 'list') {
    echo implode("\n", array_keys($cases)), "\nmemory\n";
    exit;
}
foreach ($cases as $name => $make) {
    $named = isset($cases[$only]) ? $name === $only : str_starts_with($name, $only);
    if (!$named || $only === 'memory') {
        continue;
    }
    foreach ([1, 2] as $procs) {
        [$wall, $perCpu] = measure($make, $procs, $duration, $go, $count, $cpu);
        printf("%s, %d process%s\t%d\t%d\n", $name, $procs, $procs > 1 ? 'es' : '', $wall, $perCpu);
    }
}

if ($only !== '' && $only !== 'memory') {
    exit;
}
$big = new Swoole\Table(1 << 20);
$big->column('i', Swoole\Table::TYPE_INT);
$big->column('f', Swoole\Table::TYPE_FLOAT);
$big->column('s', Swoole\Table::TYPE_STRING, 64);
$big->create();
printf("memory, 1M rows x (int, float, 64-byte string)\t%.1f\t%d\n", $big->getMemorySize() / (1 << 20), $big->getMemorySize());
