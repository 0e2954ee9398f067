--TEST--
Table: a table of 1024 rows takes exactly 1024 keys even when all of them collide in PHP's string hash (Swoole's own takes 205 of those, and 467 of plain keys), the 1025th is refused with Swoole's warning, and deleted rows are reused
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Table;

/**
 * $n keys that PHP's string hash (DJBX33A, which Swoole's table buckets by)
 * maps to one value: "Ez" and "FY" hash alike, and so does any string of them.
 */
function colliding(int $n): array
{
    $bits = (int)ceil(log($n, 2));
    $keys = [];
    for ($i = 0; $i < $n; $i++) {
        $k = '';
        for ($b = 0; $b < $bits; $b++) {
            $k .= ($i >> $b) & 1 ? 'Ez' : 'FY';
        }
        $keys[] = $k;
    }
    return $keys;
}

$keys = colliding(1025);
// All in one bucket of Swoole's table, which takes 205 of them (its collision pool is 20% of the size).
$t = new Table(1024);
$t->column('v', Table::TYPE_INT);
$t->create();
echo "size ", $t->getSize(), "\n";
$accepted = 0;
foreach (array_slice($keys, 0, 1024) as $i => $k) {
    $accepted += $t->set($k, ['v' => $i]) ? 1 : 0;
}
echo "accepted $accepted of 1024 colliding keys\n";
var_dump($t->set($keys[1024], ['v' => 1024]));
var_dump($t->add($keys[1024], ['v' => 1024]));
var_dump($t->incr($keys[1024], 'v'));
$s = $t->stats();
echo "num={$s['num']} available={$s['available_slice_num']} total={$s['total_slice_num']}\n";

$ok = 0;
foreach (array_slice($keys, 0, 1024) as $i => $k) {
    $ok += $t->get($k, 'v') === $i ? 1 : 0;
}
echo "all $ok read back\n";

echo "--- half deleted, then refilled with other colliding keys\n";
foreach (array_slice($keys, 0, 1024, true) as $i => $k) {
    if ($i % 2) {
        $t->del($k);
    }
}
echo count($t), " left\n";
$more = array_map(fn($k) => "x$k", array_slice($keys, 0, 512));
$refilled = 0;
foreach ($more as $k) {
    $refilled += $t->set($k, ['v' => -1]) ? 1 : 0;
}
echo "refilled $refilled, count ", count($t), "\n";
var_dump($t->set('one more', ['v' => 0]));
$ok = 0;
foreach (array_slice($keys, 0, 1024, true) as $i => $k) {
    $ok += ($i % 2 ? !$t->exists($k) : $t->get($k, 'v') === $i) ? 1 : 0;
}
echo "$ok keys as expected\n";

echo "--- keys with nothing in common fill it exactly too\n";
$u = new Table(1000);
$u->column('v', Table::TYPE_INT);
$u->create();
for ($i = 0; $u->set("key$i", ['v' => $i]); $i++) {
}
echo "stopped at $i of size ", $u->getSize(), "\n";
?>
--EXPECTF--
size 1024
accepted 1024 of 1024 colliding keys

Warning: Swoole\Table::set(): failed to set('FYFYFYFYFYFYFYFYFYFYEz'), unable to allocate memory in %s on line 33
bool(false)

Warning: Swoole\Table::add(): failed to add('FYFYFYFYFYFYFYFYFYFYEz'), unable to allocate memory in %s on line 34
bool(false)

Warning: Swoole\Table::incr(): unable to allocate memory in %s on line 35
bool(false)
num=1024 available=0 total=1024
all 1024 read back
--- half deleted, then refilled with other colliding keys
512 left
refilled 512, count 1024

Warning: Swoole\Table::set(): failed to set('one more'), unable to allocate memory in %s on line 58
bool(false)
1024 keys as expected
--- keys with nothing in common fill it exactly too

Warning: Swoole\Table::set(): failed to set('key1024'), unable to allocate memory in %s on line 69
stopped at 1024 of size 1024
