--TEST--
Table, Atomic and Lock take odd values as Swoole 6.2.1 does: int columns are 8 bytes whatever their size, arrays and bools cast, objects refused by PHP, keys of other types cast to strings, the 63-byte and empty-key refusals in every keyed method (503), incr wrapping at 2^63 and taking '2.5' as 2; Atomic keeps only the low 32 bits of add/sub/cmpset arguments, wakeup(0)/wakeup(-1) still wake one, Long wraps; a Lock's LOCK_SH on a mutex or spinlock and any other operation are exclusive, and a lock held by another process times out with 110
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        error_clear_last();
        try {
            $r = json_encode(@$call(), JSON_PRESERVE_ZERO_FRACTION);
        } catch (Throwable $e) {
            $r = get_class($e) . '(' . $e->getMessage() . ')';
        }
        $w = error_get_last()['message'] ?? '-';
        printf("%s: %s %d %s\n", $name, $r, swoole_last_error(), $w);
    }
}
echo "-- Table\n";
$t = new Swoole\Table(64);
$t->column('i1', Swoole\Table::TYPE_INT, 1);
$t->column('i2', Swoole\Table::TYPE_INT, 2);
$t->column('i4', Swoole\Table::TYPE_INT, 4);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
$k64 = str_repeat('k', 64);
probe([
    'int sizes ignored' => fn() => [$t->set('a', ['i1' => 300, 'i2' => 70000, 'i4' => 1 << 40]), $t->get('a')],
    'null values' => fn() => [$t->set('b', ['i1' => null, 'f' => null, 's' => null]), $t->get('b')],
    'bool values' => fn() => [$t->set('c', ['i1' => true, 'f' => true, 's' => true]), $t->get('c')],
    'array values' => fn() => [$t->set('d', ['i1' => [1], 'f' => [1], 's' => [1]]), $t->get('d')],
    'object value' => fn() => $t->set('e', ['i1' => new stdClass, 's' => new stdClass]),
    'object row' => fn() => $t->get('e'),
    'float into int' => fn() => [$t->set('g', ['i4' => 3.9, 'i2' => '99999999999999999999']), $t->get('g', 'i4'), $t->get('g', 'i2')],
    'int key' => fn() => [$t->set(5, ['i1' => 1]), $t->get('5', 'i1')],
    'float key' => fn() => [$t->set(1.5, ['i1' => 2]), $t->get('1.5', 'i1')],
    'bool key' => fn() => [$t->set(true, ['i1' => 3]), $t->get('1', 'i1')],
    'null key' => fn() => $t->set(null, ['i1' => 3]),
    'NUL in key' => fn() => [$t->set("a\0b", ['i1' => 7]), $t->get("a\0b", 'i1'), $t->exist("a")],
    'key 63' => fn() => $t->set(str_repeat('k', 63), ['i1' => 1]),
    'set key 64' => fn() => $t->set($k64, ['i1' => 1]),
    'get key 64' => fn() => $t->get($k64),
    'exist key 64' => fn() => $t->exist($k64),
    'del key 64' => fn() => $t->del($k64),
    'incr key 64' => fn() => $t->incr($k64, 'i1'),
    'get empty key' => fn() => $t->get(''),
    'del empty key' => fn() => $t->del(''),
    'incr empty key' => fn() => $t->incr('', 'i1'),
    'incr past 2^63' => fn() => [$t->set('z', ['i1' => PHP_INT_MAX]), $t->incr('z', 'i1', 1)],
    'incr by "2.5"' => fn() => [$t->incr('z', 'i1', '2.5'), $t->incr('z', 'f', '2.5')],
    'incr by true' => fn() => $t->incr('z', 'i1', true),
    'decr new row' => fn() => $t->decr('y', 'i2', 1),
]);
echo "-- Atomic\n";
$a = new Swoole\Atomic(4);
$l = new Swoole\Atomic\Long(4);
probe([
    'add(-10)' => fn() => $a->add(-10),
    'add(2^33)' => fn() => $a->add(1 << 33),
    'sub(2^40)' => fn() => $a->sub(1 << 40),
    'set(2^32)' => fn() => [$a->set(1 << 32), $a->get()],
    'cmpset(-1, 3)' => fn() => [$a->set(4294967295), $a->cmpset(-1, 3), $a->get()],
    'cmpset(3 + 2^32, 8)' => fn() => [$a->cmpset(3 + (1 << 32), 8), $a->get()],
    'wakeup(0)' => fn() => [$a->set(0), $a->wakeup(0), $a->get()],
    'wakeup(-1)' => fn() => [$a->set(0), $a->wakeup(-1), $a->get()],
    'wakeup of 5' => fn() => [$a->set(5), $a->wakeup(), $a->get()],
    'wait of 2' => fn() => [$a->set(2), $a->wait(0.001), $a->get()],
    'wait of 1' => fn() => [$a->set(1), $a->wait(0.001), $a->get()],
    'Long sub(MIN)' => fn() => $l->sub(PHP_INT_MIN),
    'Long MIN - 1' => fn() => [$l->set(PHP_INT_MIN), $l->sub(1)],
    'Long MAX + 1' => fn() => $l->add(1),
]);
echo "-- Lock\n";
foreach (['MUTEX' => SWOOLE_MUTEX, 'RWLOCK' => SWOOLE_RWLOCK, 'SPINLOCK' => SWOOLE_SPINLOCK] as $name => $type) {
    $k = new Swoole\Lock($type);
    $type === SWOOLE_RWLOCK || probe([
        "$name LOCK_SH" => fn() => [$k->lock(LOCK_SH), $k->errCode],
        "$name LOCK_SH|LOCK_NB again" => fn() => [$k->lock(LOCK_SH | LOCK_NB), $k->errCode],
        "$name unlock" => fn() => [$k->unlock(), $k->errCode],
        "$name lock(99)" => fn() => [$k->lock(99), $k->errCode],
        "$name LOCK_SH|LOCK_NB on exclusive" => fn() => [$k->lock(LOCK_SH | LOCK_NB), $k->errCode],
        "$name unlock 2" => fn() => [$k->unlock(), $k->errCode],
    ]);
    $p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $pid = pcntl_fork();
    if ($pid === 0) {
        fclose($p[0]);
        $k->lock();
        fwrite($p[1], "locked\n");
        fgets($p[1]);
        $k->unlock();
        fwrite($p[1], "unlocked\n");
        exit(0);
    }
    fclose($p[1]);
    fgets($p[0]);
    probe([
        "$name held elsewhere: LOCK_NB" => fn() => [$k->lock(LOCK_NB), $k->errCode],
        "$name held elsewhere: 10 ms" => fn() => [$k->lock(LOCK_EX, 0.01), $k->errCode],
        "$name held elsewhere: LOCK_SH 10 ms" => fn() => [$k->lock(LOCK_SH, 0.01), $k->errCode],
    ]);
    fwrite($p[0], "done\n");
    fgets($p[0]);
    pcntl_waitpid($pid, $status);
    probe(["$name after the holder unlocked" => fn() => [$k->lock(LOCK_NB), $k->unlock()]]);
}
--EXPECT--
-- Table
int sizes ignored: [true,{"i1":300,"i2":70000,"i4":1099511627776,"f":0.0,"s":""}] 0 -
null values: [true,{"i1":0,"i2":0,"i4":0,"f":0.0,"s":""}] 0 -
bool values: [true,{"i1":1,"i2":0,"i4":0,"f":1.0,"s":"1"}] 0 -
array values: [true,{"i1":1,"i2":0,"i4":0,"f":1.0,"s":"Array"}] 0 Array to string conversion
object value: Error(Object of class stdClass could not be converted to string) 0 Object of class stdClass could not be converted to int
object row: false 0 -
float into int: [true,3,9223372036854775807] 0 -
int key: [true,1] 0 -
float key: [true,2] 0 -
bool key: [true,3] 0 -
null key: false 503 Swoole\Table::set(): key must not be empty
NUL in key: [true,7,true] 0 -
key 63: true 0 -
set key 64: false 503 Swoole\Table::set(): key length exceeds the limit of 63 bytes
get key 64: false 503 Swoole\Table::get(): key length exceeds the limit of 63 bytes
exist key 64: false 503 Swoole\Table::exist(): key length exceeds the limit of 63 bytes
del key 64: false 503 Swoole\Table::del(): key length exceeds the limit of 63 bytes
incr key 64: false 503 Swoole\Table::incr(): key length exceeds the limit of 63 bytes
get empty key: false 503 Swoole\Table::get(): key must not be empty
del empty key: false 503 Swoole\Table::del(): key must not be empty
incr empty key: false 503 Swoole\Table::incr(): key must not be empty
incr past 2^63: [true,-9223372036854775808] 0 -
incr by "2.5": [-9223372036854775806,2.5] 0 -
incr by true: -9223372036854775805 0 -
decr new row: -1 0 -
-- Atomic
add(-10): 4294967290 0 -
add(2^33): 4294967290 0 -
sub(2^40): 4294967290 0 -
set(2^32): [null,0] 0 -
cmpset(-1, 3): [null,true,3] 0 -
cmpset(3 + 2^32, 8): [true,8] 0 -
wakeup(0): [null,true,1] 0 -
wakeup(-1): [null,true,1] 0 -
wakeup of 5: [null,true,5] 0 -
wait of 2: [null,false,2] 0 -
wait of 1: [null,true,0] 0 -
Long sub(MIN): -9223372036854775804 0 -
Long MIN - 1: [null,9223372036854775807] 0 -
Long MAX + 1: -9223372036854775808 0 -
-- Lock
MUTEX LOCK_SH: [true,0] 0 -
MUTEX LOCK_SH|LOCK_NB again: [false,16] 0 -
MUTEX unlock: [true,16] 0 -
MUTEX lock(99): [true,16] 0 -
MUTEX LOCK_SH|LOCK_NB on exclusive: [false,16] 0 -
MUTEX unlock 2: [true,16] 0 -
MUTEX held elsewhere: LOCK_NB: [false,16] 0 -
MUTEX held elsewhere: 10 ms: [false,110] 0 -
MUTEX held elsewhere: LOCK_SH 10 ms: [false,110] 0 -
MUTEX after the holder unlocked: [true,true] 0 -
RWLOCK held elsewhere: LOCK_NB: [false,16] 0 -
RWLOCK held elsewhere: 10 ms: [false,110] 0 -
RWLOCK held elsewhere: LOCK_SH 10 ms: [false,110] 0 -
RWLOCK after the holder unlocked: [true,true] 0 -
SPINLOCK LOCK_SH: [true,0] 0 -
SPINLOCK LOCK_SH|LOCK_NB again: [false,16] 0 -
SPINLOCK unlock: [true,16] 0 -
SPINLOCK lock(99): [true,16] 0 -
SPINLOCK LOCK_SH|LOCK_NB on exclusive: [false,16] 0 -
SPINLOCK unlock 2: [true,16] 0 -
SPINLOCK held elsewhere: LOCK_NB: [false,16] 0 -
SPINLOCK held elsewhere: 10 ms: [false,110] 0 -
SPINLOCK held elsewhere: LOCK_SH 10 ms: [false,110] 0 -
SPINLOCK after the holder unlocked: [true,true] 0 -
