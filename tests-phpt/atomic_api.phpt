--TEST--
Atomic and Atomic\Long: every method with Swoole's wrap-around and return values, a second __construct() resetting the same counter, wait()/wakeup() within one process (timeout, a pending wakeup, a value that is neither 0 nor 1), TypeErrors, no serialize or clone
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Atomic;

function show(string $what, callable $f): void
{
    try {
        $r = $f();
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "--- Swoole\\Atomic: unsigned 32 bits, wrapping\n";
$a = new Atomic();
show('get', fn() => $a->get());
show('add()', fn() => $a->add());
show('add(5)', fn() => $a->add(5));
show('sub()', fn() => $a->sub());
show('sub(10)', fn() => $a->sub(10));
show('add(-1)', fn() => $a->add(-1));
show('set(-1)', fn() => $a->set(-1));
show('get', fn() => $a->get());
show('set(2**32 + 5)', fn() => $a->set((1 << 32) + 5));
show('get', fn() => $a->get());
show('add(2**33): adds 0', fn() => $a->add(1 << 33));
show('cmpset(5, 7)', fn() => $a->cmpset(5, 7));
show('cmpset(5, 7) again', fn() => $a->cmpset(5, 7));
show('cmpset(7, -1)', fn() => $a->cmpset(7, -1));
show('get', fn() => $a->get());
show('cmpset(-1, 2): -1 is 4294967295', fn() => $a->cmpset(-1, 2));
show('new Atomic(-5)', fn() => (new Atomic(-5))->get());
show('new Atomic("7")', fn() => (new Atomic('7'))->get());
show('new Atomic("x")', fn() => new Atomic('x'));
show('add("x")', fn() => $a->add('x'));
show('again', fn() => $a->__construct(3));
show('serialize', fn() => serialize($a));
show('clone', fn() => clone $a);

echo "--- wait() and wakeup() in one process\n";
$a->set(0);
$t = microtime(true);
show('wait(0.1) with nobody to wake it', fn() => $a->wait(0.1));
echo microtime(true) - $t >= 0.09 ? "waited the timeout\n" : "returned early\n";
show('wakeup()', fn() => $a->wakeup());
show('get: the wakeup left a 1', fn() => $a->get());
show('wait(): takes it at once', fn() => $a->wait(0.1));
show('get: back to 0', fn() => $a->get());
show('wakeup(3)', fn() => $a->wakeup(3));
show('wakeup() when not 0: left alone', fn() => $a->wakeup());
show('get', fn() => $a->get());
$a->set(5);
$t = microtime(true);
show('wait() when neither 0 nor 1: false at once', fn() => $a->wait(5));
echo microtime(true) - $t < 1 ? "no wait\n" : "waited\n";
show('get', fn() => $a->get());

echo "--- Swoole\\Atomic\\Long: signed 64 bits\n";
$l = new Atomic\Long(-5);
show('get', fn() => $l->get());
show('add(PHP_INT_MAX)', fn() => $l->add(PHP_INT_MAX));
show('sub(PHP_INT_MAX)', fn() => $l->sub(PHP_INT_MAX));
show('add()', fn() => $l->add());
show('sub()', fn() => $l->sub());
show('set(PHP_INT_MAX)', fn() => $l->set(PHP_INT_MAX));
show('add(): wraps', fn() => $l->add());
show('cmpset(PHP_INT_MIN, 3)', fn() => $l->cmpset(PHP_INT_MIN, 3));
show('get', fn() => $l->get());
show('no wait() on Long', fn() => method_exists($l, 'wait'));
show('serialize', fn() => serialize($l));
show('clone', fn() => clone $l);
?>
--EXPECT--
--- Swoole\Atomic: unsigned 32 bits, wrapping
get: 0
add(): 1
add(5): 6
sub(): 5
sub(10): 4294967291
add(-1): 4294967290
set(-1): NULL
get: 4294967295
set(2**32 + 5): NULL
get: 5
add(2**33): adds 0: 5
cmpset(5, 7): true
cmpset(5, 7) again: false
cmpset(7, -1): true
get: 4294967295
cmpset(-1, 2): -1 is 4294967295: true
new Atomic(-5): 4294967291
new Atomic("7"): 7
new Atomic("x"): TypeError: Swoole\Atomic::__construct(): Argument #1 ($value) must be of type int, string given
add("x"): TypeError: Swoole\Atomic::add(): Argument #1 ($add_value) must be of type int, string given
again: NULL
serialize: Exception: Serialization of 'Swoole\Atomic' is not allowed
clone: Error: Trying to clone an uncloneable object of class Swoole\Atomic
--- wait() and wakeup() in one process
wait(0.1) with nobody to wake it: false
waited the timeout
wakeup(): true
get: the wakeup left a 1: 1
wait(): takes it at once: true
get: back to 0: 0
wakeup(3): true
wakeup() when not 0: left alone: true
get: 1
wait() when neither 0 nor 1: false at once: false
no wait
get: 5
--- Swoole\Atomic\Long: signed 64 bits
get: -5
add(PHP_INT_MAX): 9223372036854775802
sub(PHP_INT_MAX): -5
add(): -4
sub(): -5
set(PHP_INT_MAX): NULL
add(): wraps: -9223372036854775807-1
cmpset(PHP_INT_MIN, 3): true
get: 3
no wait() on Long: false
serialize: Exception: Serialization of 'Swoole\Atomic\Long' is not allowed
clone: Error: Trying to clone an uncloneable object of class Swoole\Atomic\Long
