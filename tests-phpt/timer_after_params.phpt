--TEST--
Timer: after($ms, $cb, ...$params) calls $cb with exactly the extra params (no timer id); each timer gets its own
--EXTENSIONS--
swoole
--FILE--
<?php
$obj = new stdClass;
$obj->name = 'shared object';
Swoole\Timer::after(10, function (...$args) use ($obj) {
    echo "first: ";
    var_dump($args);
    var_dump($args[2] === $obj);
}, 'a string', 42, $obj, [1, 2]);
Swoole\Timer::after(20, function (...$args) {
    echo "second, no params: ";
    var_dump($args);
});
Swoole\Timer::after(30, function (string $s, int $n) {
    echo "third: $s $n\n";
}, 'typed', 7);
Swoole\Event::wait();
echo "done\n";
?>
--EXPECTF--
first: array(4) {
  [0]=>
  string(8) "a string"
  [1]=>
  int(42)
  [2]=>
  object(stdClass)#%d (1) {
    ["name"]=>
    string(13) "shared object"
  }
  [3]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
}
bool(true)
second, no params: array(0) {
}
third: typed 7
done
