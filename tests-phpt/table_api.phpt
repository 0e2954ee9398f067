--TEST--
Table: every method's results (sizes, columns, set/get/add/update/cmpset, incr/decr on int and float columns, exists/del/cmpdel/getdel, count, stats, iteration, destroy), as Swoole 6.2.1 gives them
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Table;

echo "--- sizes round up as Swoole's: a power of two, at least 64\n";
foreach ([1, 64, 65, 1000, 1024, 1025] as $n) {
    echo "$n -> ", (new Table($n))->getSize(), "\n";
}
echo "--- before create()\n";
$t = new Table(100, 0.5);
var_dump($t->size, $t->memorySize, $t->getSize(), $t->getMemorySize(), count($t), $t->stats());
var_dump($t->column('id', Table::TYPE_INT));
var_dump($t->column('score', Table::TYPE_FLOAT));
var_dump($t->column('name', Table::TYPE_STRING, 5));    // holds 8 bytes: sizes round up to 8
var_dump($t->column('size_ignored', Table::TYPE_INT, 2));
var_dump($t->create());
var_dump($t->size, $t->memorySize === $t->getMemorySize(), $t->getMemorySize() > 0);

echo "--- set / get\n";
var_dump($t->set('a', ['id' => 1, 'score' => 1.5, 'name' => 'abc', 'unknown' => 'ignored', 7 => 'ignored']));
var_dump($t->get('a'));
var_dump($t->get('a', 'name'), $t->get('a', 'score'), $t->get('a', 'id'), $t->get('a', 'nope'), $t->get('a', null));
var_dump($t->get('missing'), $t->get('missing', 'id'));
echo "set() on an existing row changes only the columns given\n";
var_dump($t->set('a', ['score' => 2.5]), $t->get('a'));
echo "a new row starts with zeros and empty strings\n";
var_dump($t->set('b', []), $t->get('b'));
echo "values are cast as (int), (float), (string)\n";
var_dump($t->set('c', ['id' => '12abc', 'score' => '2.5', 'name' => 42]), $t->get('c'));
var_dump($t->set('c', ['id' => 3.9, 'score' => true, 'name' => null]), $t->get('c'));

echo "--- add / update\n";
var_dump($t->add('a', ['id' => 99]), $t->get('a', 'id'));
var_dump($t->add('d', ['id' => 4]), $t->get('d'));
var_dump($t->update('d', ['name' => 'dd']), $t->get('d', 'name'));
var_dump($t->update('nope', ['id' => 1]), $t->exists('nope'));

echo "--- cmpset\n";
var_dump($t->cmpset('d', ['id' => 4], ['id' => 5]), $t->get('d', 'id'));
var_dump($t->cmpset('d', ['id' => 4], ['id' => 6]), $t->get('d', 'id'));
var_dump($t->cmpset('d', ['id' => '5', 'name' => 'dd'], ['score' => 0.25]), $t->get('d'));
var_dump($t->cmpset('nope', ['id' => 0], ['id' => 1]));

echo "--- incr / decr\n";
var_dump($t->incr('n', 'id'), $t->get('n'));
var_dump($t->incr('n', 'id', 10), $t->incr('n', 'id', 2.7), $t->incr('n', 'id', '5'));
var_dump($t->incr('n', 'score', 2.5), $t->incr('n', 'score', '1.5'), $t->incr('n', 'score'));
var_dump($t->decr('n', 'id'), $t->decr('n', 'id', -5), $t->decr('n', 'score', 0.5));
var_dump($t->decr('m', 'id', 3));
$t->set('big', ['id' => PHP_INT_MAX]);
var_dump($t->incr('big', 'id'));

echo "--- exists / del / cmpdel / getdel\n";
var_dump($t->exists('a'), $t->exist('a'), $t->exists('zz'), $t->exist('zz'));
var_dump($t->del('a'), $t->del('a'), $t->delete('b'), $t->delete('b'), $t->exists('a'));
var_dump($t->cmpdel('d', ['id' => 0]), $t->cmpdel('d', ['id' => 5]), $t->exists('d'));
var_dump($t->getdel('c', 'nope'), $t->exists('c'));
var_dump($t->getdel('c', 'name'), $t->exists('c'));
$t->set('e', ['id' => 9]);
var_dump($t->getdel('e'), $t->getdel('e'));

echo "--- count / stats\n";
var_dump(count($t), $t->count(), $t->count(COUNT_RECURSIVE));
var_dump(array_keys($t->stats()));
$s = $t->stats();
var_dump($s['num'], $s['insert_count'], $s['update_count'], $s['delete_count']);

echo "--- iteration\n";
$t2 = new Table(64);
$t2->column('v', Table::TYPE_INT);
$t2->create();
var_dump($t2->valid(), $t2->current(), $t2->key());
foreach ($t2 as $k => $v) { echo "never\n"; }
foreach (['x' => 1, 'y' => 2, 'z' => 3] as $k => $v) {
    $t2->set($k, ['v' => $v]);
}
$seen = [];
foreach ($t2 as $k => $row) {
    $seen[$k] = $row['v'];
}
ksort($seen);
var_dump($seen);
echo "next() before rewind() starts at the first row\n";
$t3 = new Table(64);
$t3->column('v', Table::TYPE_INT);
$t3->create();
$t3->set('only', ['v' => 7]);
$t3->next();
var_dump($t3->valid(), $t3->key(), $t3->current());
$t3->next();
var_dump($t3->valid(), $t3->key(), $t3->current());

echo "--- destroy\n";
var_dump($t2->destroy());
var_dump($t2->getSize(), $t2->getMemorySize(), count($t2), $t2->stats(), $t2->size);
try {
    $t2->get('x');
} catch (Swoole\Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
--- sizes round up as Swoole's: a power of two, at least 64
1 -> 64
64 -> 64
65 -> 128
1000 -> 1024
1024 -> 1024
1025 -> 2048
--- before create()
NULL
NULL
int(128)
int(0)
int(0)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(128)
bool(true)
bool(true)
--- set / get
bool(true)
array(4) {
  ["id"]=>
  int(1)
  ["score"]=>
  float(1.5)
  ["name"]=>
  string(3) "abc"
  ["size_ignored"]=>
  int(0)
}
string(3) "abc"
float(1.5)
int(1)
bool(false)
array(4) {
  ["id"]=>
  int(1)
  ["score"]=>
  float(1.5)
  ["name"]=>
  string(3) "abc"
  ["size_ignored"]=>
  int(0)
}
bool(false)
bool(false)
set() on an existing row changes only the columns given
bool(true)
array(4) {
  ["id"]=>
  int(1)
  ["score"]=>
  float(2.5)
  ["name"]=>
  string(3) "abc"
  ["size_ignored"]=>
  int(0)
}
a new row starts with zeros and empty strings
bool(true)
array(4) {
  ["id"]=>
  int(0)
  ["score"]=>
  float(0)
  ["name"]=>
  string(0) ""
  ["size_ignored"]=>
  int(0)
}
values are cast as (int), (float), (string)
bool(true)
array(4) {
  ["id"]=>
  int(12)
  ["score"]=>
  float(2.5)
  ["name"]=>
  string(2) "42"
  ["size_ignored"]=>
  int(0)
}
bool(true)
array(4) {
  ["id"]=>
  int(3)
  ["score"]=>
  float(1)
  ["name"]=>
  string(0) ""
  ["size_ignored"]=>
  int(0)
}
--- add / update
bool(false)
int(1)
bool(true)
array(4) {
  ["id"]=>
  int(4)
  ["score"]=>
  float(0)
  ["name"]=>
  string(0) ""
  ["size_ignored"]=>
  int(0)
}
bool(true)
string(2) "dd"
bool(false)
bool(false)
--- cmpset
bool(true)
int(5)
bool(false)
int(5)
bool(true)
array(4) {
  ["id"]=>
  int(5)
  ["score"]=>
  float(0.25)
  ["name"]=>
  string(2) "dd"
  ["size_ignored"]=>
  int(0)
}
bool(false)
--- incr / decr
int(1)
array(4) {
  ["id"]=>
  int(1)
  ["score"]=>
  float(0)
  ["name"]=>
  string(0) ""
  ["size_ignored"]=>
  int(0)
}
int(11)
int(13)
int(18)
float(2.5)
float(4)
float(5)
int(17)
int(22)
float(4.5)
int(-3)
int(-9223372036854775808)
--- exists / del / cmpdel / getdel
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
bool(true)
string(0) ""
bool(false)
array(4) {
  ["id"]=>
  int(9)
  ["score"]=>
  float(0)
  ["name"]=>
  string(0) ""
  ["size_ignored"]=>
  int(0)
}
bool(false)
--- count / stats
int(3)
int(3)
int(12)
array(8) {
  [0]=>
  string(3) "num"
  [1]=>
  string(14) "conflict_count"
  [2]=>
  string(18) "conflict_max_level"
  [3]=>
  string(12) "insert_count"
  [4]=>
  string(12) "update_count"
  [5]=>
  string(12) "delete_count"
  [6]=>
  string(19) "available_slice_num"
  [7]=>
  string(15) "total_slice_num"
}
int(3)
int(8)
int(15)
int(5)
--- iteration
bool(false)
NULL
NULL
array(3) {
  ["x"]=>
  int(1)
  ["y"]=>
  int(2)
  ["z"]=>
  int(3)
}
next() before rewind() starts at the first row
bool(true)
string(4) "only"
array(1) {
  ["v"]=>
  int(7)
}
bool(false)
NULL
NULL
--- destroy
bool(true)
int(0)
int(0)
int(0)
bool(false)
int(64)
Swoole\Error: must call constructor first
