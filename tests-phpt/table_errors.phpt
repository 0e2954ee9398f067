--TEST--
Table: bad input gets Swoole's warnings and return values (column types and sizes, keys of 0 or 64+ bytes on every method, uncastable values, cmpset/cmpdel conditions, incr on unknown or string columns), a full table refuses exactly the row past its size, and tables are neither serializable nor cloneable
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Table;

function show(string $what, callable $f): void
{
    try {
        $r = $f();
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "--- constructor and column()\n";
show('size "abc"', fn() => new Table('abc'));
show('size "100"', fn() => (new Table('100'))->getSize());
show('conflict_proportion "x"', fn() => new Table(64, 'x'));
$t = new Table(64);
show('again', fn() => $t->__construct(10));
show('type "abc"', fn() => $t->column('c', 'abc'));
show('string of size 0', fn() => $t->column('s0', Table::TYPE_STRING));
show('string of size -5', fn() => $t->column('s1', Table::TYPE_STRING, -5));
show('unknown type 7', fn() => $t->column('x', 7));
show('i', fn() => $t->column('i', Table::TYPE_INT));
show('i again', fn() => $t->column('i', Table::TYPE_FLOAT));
show('string too large', fn() => $t->column('huge', Table::TYPE_STRING, PHP_INT_MAX));
show('s', fn() => $t->column('s', Table::TYPE_STRING, 4));
show('f', fn() => $t->column('f', Table::TYPE_FLOAT));
show('create', fn() => $t->create());
show('column after create', fn() => $t->column('late', Table::TYPE_INT));
show('create again', fn() => $t->create());

echo "--- keys: 1 to 63 bytes\n";
foreach (['set' => fn($k) => $t->set($k, ['i' => 1]), 'add' => fn($k) => $t->add($k, ['i' => 1]),
          'update' => fn($k) => $t->update($k, ['i' => 1]), 'cmpset' => fn($k) => $t->cmpset($k, ['i' => 1], ['i' => 2]),
          'get' => fn($k) => $t->get($k), 'getdel' => fn($k) => $t->getdel($k), 'exists' => fn($k) => $t->exists($k),
          'del' => fn($k) => $t->del($k), 'cmpdel' => fn($k) => $t->cmpdel($k, ['i' => 1]),
          'incr' => fn($k) => $t->incr($k, 'i'), 'decr' => fn($k) => $t->decr($k, 'i')] as $m => $f) {
    show("$m('')", fn() => $f(''));
    show("$m(64 bytes)", fn() => $f(str_repeat('k', 64)));
}
show('set(63 bytes)', fn() => $t->set(str_repeat('k', 63), ['i' => 63]));
show('get(63 bytes)', fn() => $t->get(str_repeat('k', 63), 'i'));
show('key 123 (an int: weak mode makes it "123")', fn() => $t->set(123, ['i' => 5]) && $t->get('123', 'i') === 5);
show('key []', fn() => $t->set([], ['i' => 5]));

echo "--- values\n";
show('set(k, "x")', fn() => $t->set('k', 'x'));
show('a string longer than its column is cut (logged)', fn() => $t->set('k', ['s' => 'abcdefghijk']) ? $t->get('k', 's') : null);
show('an object without __toString for a string column', fn() => $t->set('k', ['s' => new stdClass]));
show('an array for an int column', fn() => $t->set('k', ['i' => [1, 2]]) ? $t->get('k', 'i') : null);
show('an object for an int column', fn() => $t->set('k', ['i' => new stdClass]) ? $t->get('k', 'i') : null);

echo "--- cmpset / cmpdel conditions\n";
show('cmpset no condition', fn() => $t->cmpset('k', [], ['i' => 2]));
show('cmpset positional condition', fn() => $t->cmpset('k', [1], ['i' => 2]));
show('cmpset unknown column', fn() => $t->cmpset('k', ['i' => 1, 'missing' => 1], ['i' => 2]));
show('cmpdel unknown column', fn() => $t->cmpdel('k', ['missing' => 1]));
show('the row is untouched', fn() => $t->get('k', 'i'));

echo "--- incr / decr\n";
show('incr unknown column', fn() => $t->incr('k', 'missing'));
show('decr unknown column', fn() => $t->decr('k', 'missing'));
show('incr string column', fn() => $t->incr('k', 's'));
show('decr string column', fn() => $t->decr('k', 's'));
show('incr by "abc" (cast: 0)', fn() => $t->incr('k', 'i', 'abc'));
show('incr by null (cast: 0)', fn() => $t->incr('k', 'i', null));

echo "--- full: exactly 64 rows\n";
$full = new Table(64);
$full->column('i', Table::TYPE_INT);
$full->create();
for ($i = 0; $i < 64; $i++) {
    $full->set("row$i", ['i' => $i]);
}
show('count', fn() => count($full));
show('set a 65th', fn() => $full->set('one more', ['i' => 1]));
show('add a 65th', fn() => $full->add('one more', ['i' => 1]));
show('incr a 65th', fn() => $full->incr('one more', 'i'));
show('an existing row still updates', fn() => $full->set('row5', ['i' => 50]) && $full->incr('row5', 'i') === 51);
show('after a delete there is room again', fn() => $full->del('row0') && $full->set('one more', ['i' => 1]));

echo "--- not serializable, not cloneable\n";
show('serialize', fn() => serialize($t));
show('clone', fn() => clone $t);
?>
--EXPECTF--
--- constructor and column()
size "abc": TypeError: Swoole\Table::__construct(): Argument #1 ($table_size) must be of type int, string given
size "100": 128
conflict_proportion "x": TypeError: Swoole\Table::__construct(): Argument #2 ($conflict_proportion) must be of type float, string given
again: Error: Constructor of Swoole\Table can only be called once
type "abc": TypeError: Swoole\Table::column(): Argument #2 ($type) must be of type int, string given

Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line 21
string of size 0: false

Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line 22
string of size -5: false
[%s]	WARNING	Table::add_column(): unknown column type
unknown type 7: false
i: true
[%s]	WARNING	Table::add_column(): column[i] already exists
i again: false
[%s]	WARNING	Table::add_column(): column[huge] size is too large
string too large: false
s: true
f: true
create: true

Warning: Swoole\Table::column(): unable to add column after table has been created in %s on line 30
column after create: false

Warning: Swoole\Table::create(): the table has already been created in %s on line 31
create again: false
--- keys: 1 to 63 bytes

Warning: Swoole\Table::set(): key must not be empty in %s on line 34
set(''): false

Warning: Swoole\Table::set(): key length exceeds the limit of 63 bytes in %s on line 34
set(64 bytes): false

Warning: Swoole\Table::add(): key must not be empty in %s on line 34
add(''): false

Warning: Swoole\Table::add(): key length exceeds the limit of 63 bytes in %s on line 34
add(64 bytes): false

Warning: Swoole\Table::update(): key must not be empty in %s on line 35
update(''): false

Warning: Swoole\Table::update(): key length exceeds the limit of 63 bytes in %s on line 35
update(64 bytes): false

Warning: Swoole\Table::cmpset(): key must not be empty in %s on line 35
cmpset(''): false

Warning: Swoole\Table::cmpset(): key length exceeds the limit of 63 bytes in %s on line 35
cmpset(64 bytes): false

Warning: Swoole\Table::get(): key must not be empty in %s on line 36
get(''): false

Warning: Swoole\Table::get(): key length exceeds the limit of 63 bytes in %s on line 36
get(64 bytes): false

Warning: Swoole\Table::getdel(): key must not be empty in %s on line 36
getdel(''): false

Warning: Swoole\Table::getdel(): key length exceeds the limit of 63 bytes in %s on line 36
getdel(64 bytes): false

Warning: Swoole\Table::exists(): key must not be empty in %s on line 36
exists(''): false

Warning: Swoole\Table::exists(): key length exceeds the limit of 63 bytes in %s on line 36
exists(64 bytes): false

Warning: Swoole\Table::del(): key must not be empty in %s on line 37
del(''): false

Warning: Swoole\Table::del(): key length exceeds the limit of 63 bytes in %s on line 37
del(64 bytes): false

Warning: Swoole\Table::cmpdel(): key must not be empty in %s on line 37
cmpdel(''): false

Warning: Swoole\Table::cmpdel(): key length exceeds the limit of 63 bytes in %s on line 37
cmpdel(64 bytes): false

Warning: Swoole\Table::incr(): key must not be empty in %s on line 38
incr(''): false

Warning: Swoole\Table::incr(): key length exceeds the limit of 63 bytes in %s on line 38
incr(64 bytes): false

Warning: Swoole\Table::decr(): key must not be empty in %s on line 38
decr(''): false

Warning: Swoole\Table::decr(): key length exceeds the limit of 63 bytes in %s on line 38
decr(64 bytes): false
set(63 bytes): true
get(63 bytes): 63
key 123 (an int: weak mode makes it "123"): true
key []: TypeError: Swoole\Table::set(): Argument #1 ($key) must be of type string, array given
--- values
set(k, "x"): TypeError: Swoole\Table::set(): Argument #2 ($value) must be of type array, string given
[%s]	WARNING	table_marshal_values(): [key=k,field=s]string value is too long
a string longer than its column is cut (logged): 'abcdefgh'
an object without __toString for a string column: Error: Object of class stdClass could not be converted to string
an array for an int column: 1

Warning: Object of class stdClass could not be converted to int in %s on line 52
an object for an int column: 1
--- cmpset / cmpdel conditions

Warning: Swoole\Table::cmpset(): expected values must not be empty in %s on line 55
cmpset no condition: false

Warning: Swoole\Table::cmpset(): expected values must use column names in %s on line 56
cmpset positional condition: false

Warning: Swoole\Table::cmpset(): column[missing] does not exist in %s on line 57
cmpset unknown column: false

Warning: Swoole\Table::cmpdel(): column[missing] does not exist in %s on line 58
cmpdel unknown column: false
the row is untouched: 1
--- incr / decr

Warning: Swoole\Table::incr(): column[missing] does not exist in %s on line 62
incr unknown column: false

Warning: Swoole\Table::decr(): column[missing] does not exist in %s on line 63
decr unknown column: false

Warning: Swoole\Table::incr(): can't execute 'incr' on a string type column in %s on line 64
incr string column: false

Warning: Swoole\Table::decr(): can't execute 'decr' on a string type column in %s on line 65
decr string column: false
incr by "abc" (cast: 0): 1
incr by null (cast: 0): 1
--- full: exactly 64 rows
count: 64

Warning: Swoole\Table::set(): failed to set('one more'), unable to allocate memory in %s on line 77
set a 65th: false

Warning: Swoole\Table::add(): failed to add('one more'), unable to allocate memory in %s on line 78
add a 65th: false

Warning: Swoole\Table::incr(): unable to allocate memory in %s on line 79
incr a 65th: false
an existing row still updates: true
after a delete there is room again: true
--- not serializable, not cloneable
serialize: Exception: Serialization of 'Swoole\Table' is not allowed
clone: Error: Trying to clone an uncloneable object of class Swoole\Table
