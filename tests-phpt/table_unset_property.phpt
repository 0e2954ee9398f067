--TEST--
Swoole\Table: unset($table->size) and unset($table->memorySize) throw Error "Property ... cannot be unset" (before and after create(); the values stay; on a subclass naming it), while writing them, and unsetting a property added at run time or declared by a subclass, work as in Swoole; a subclass's objects are of the subclass
--EXTENSIONS--
swoole
--FILE--
<?php
function attempt(string $label, callable $fn): void {
    try {
        $fn();
        echo "$label: ok\n";
    } catch (Throwable $e) {
        echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$fresh = new Swoole\Table(8);
attempt('unset size before create()', function () use ($fresh) { unset($fresh->size); });
var_dump(property_exists($fresh, 'size'));

$t = new Swoole\Table(64);
$t->column('a', Swoole\Table::TYPE_INT);
$t->create();
$memory = $t->memorySize;
attempt('unset size', function () use ($t) { unset($t->size); });
attempt('unset memorySize', function () use ($t) { unset($t->memorySize); });
var_dump($t->size, $t->memorySize === $memory, isset($t->size), isset($t->memorySize));

// A property the class does not declare unsets as usual.
attempt('unset an unknown property', function () use ($t) { unset($t->nothing); });
@$t->extra = 1;   // (PHP 8.2 deprecates dynamic properties here, as on Swoole's)
attempt('unset a dynamic property', function () use ($t) { unset($t->extra); });
var_dump(isset($t->extra));

// Writing is not refused (Swoole neither); the table itself keeps its size.
attempt('write size', function () use ($t) { $t->size = 5; });
attempt('write memorySize', function () use ($t) { $t->memorySize = 'x'; });
var_dump($t->size, $t->memorySize, $t->getSize());

class MyTable extends Swoole\Table {
    public $own = 1;
    public function rows(): int { return $this->getSize(); }
}
$m = new MyTable(16);
echo get_class($m), ' ', $m->rows(), "\n";
attempt('subclass: unset size', function () use ($m) { unset($m->size); });
attempt('subclass: unset its own property', function () use ($m) { unset($m->own); });
var_dump(isset($m->own), $m->size);   // (size is set by create())
?>
--EXPECT--
unset size before create(): Error: Property size of class Swoole\Table cannot be unset
bool(true)
unset size: Error: Property size of class Swoole\Table cannot be unset
unset memorySize: Error: Property memorySize of class Swoole\Table cannot be unset
int(64)
bool(true)
bool(true)
bool(true)
unset an unknown property: ok
unset a dynamic property: ok
bool(false)
write size: ok
write memorySize: ok
int(5)
string(1) "x"
int(64)
MyTable 64
subclass: unset size: Error: Property size of class MyTable cannot be unset
subclass: unset its own property: ok
bool(false)
NULL
