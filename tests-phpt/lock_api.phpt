--TEST--
Lock: the three types with Swoole's constants, results and errCode (EBUSY, ETIMEDOUT paths), bad types; past Swoole, a relock by the holder fails at once with EDEADLK and unlock() of a lock not held is false with EPERM instead of corrupting it
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Lock;

function show(string $what, callable $f): void
{
    try {
        $r = $f();
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), ' (', $e->getCode(), ")\n";
    }
}

var_dump(SWOOLE_MUTEX, SWOOLE_RWLOCK, SWOOLE_SPINLOCK, Lock::MUTEX, Lock::RWLOCK, Lock::SPINLOCK);
foreach ([0, 2, 4, 6, -1] as $ty) {
    show("new Lock($ty)", fn() => new Lock($ty));
}
show('new Lock("x")', fn() => new Lock('x'));
$l = new Lock();
var_dump($l);
show('again', fn() => $l->__construct());
show('serialize', fn() => serialize($l));
show('clone', fn() => clone $l);
show('lock("x")', fn() => $l->lock('x'));
show('lock(LOCK_EX, "x")', fn() => $l->lock(LOCK_EX, 'x'));

foreach (['mutex' => SWOOLE_MUTEX, 'spinlock' => SWOOLE_SPINLOCK, 'rwlock' => SWOOLE_RWLOCK] as $name => $type) {
    echo "--- $name\n";
    $l = new Lock($type);
    show('lock()', fn() => $l->lock());
    show('errCode', fn() => $l->errCode);
    show('lock(LOCK_EX | LOCK_NB) while held', fn() => $l->lock(LOCK_EX | LOCK_NB));
    show('errCode (EBUSY)', fn() => $l->errCode);
    show('lock(LOCK_SH | LOCK_NB) while held', fn() => $l->lock(LOCK_SH | LOCK_NB));
    show('unlock()', fn() => $l->unlock());
    show('lock(LOCK_NB)', fn() => $l->lock(LOCK_NB));
    show('unlock()', fn() => $l->unlock());
    show('lock(LOCK_EX, 0.05)', fn() => $l->lock(LOCK_EX, 0.05));
    show('unlock()', fn() => $l->unlock());
    $l->errCode = 0;
    echo "past Swoole: the holder locking again fails at once (EDEADLK) instead of waiting for itself\n";
    show('lock()', fn() => $l->lock());
    $t = microtime(true);
    show('lock() again', fn() => $l->lock());
    show('lock(LOCK_EX, 1) again', fn() => $l->lock(LOCK_EX, 1));
    echo microtime(true) - $t < 0.5 ? "at once\n" : "after waiting\n";
    show('errCode (EDEADLK)', fn() => $l->errCode);
    show('unlock()', fn() => $l->unlock());
    echo "past Swoole: unlocking a lock not held is false, errCode EPERM\n";
    show('unlock() again', fn() => $l->unlock());
    show('errCode (EPERM)', fn() => $l->errCode);
    show('lock() still works', fn() => $l->lock() && $l->unlock());
}

echo "--- rwlock: shared holds\n";
$rw = new Lock(SWOOLE_RWLOCK);
show('lock(LOCK_SH)', fn() => $rw->lock(LOCK_SH));
show('lock(LOCK_SH) again (shared locks nest)', fn() => $rw->lock(LOCK_SH));
show('lock(LOCK_EX | LOCK_NB)', fn() => $rw->lock(LOCK_EX | LOCK_NB));
show('errCode', fn() => $rw->errCode);
show('unlock()', fn() => $rw->unlock());
show('unlock()', fn() => $rw->unlock());
show('lock(LOCK_EX)', fn() => $rw->lock(LOCK_EX));
show('lock(LOCK_SH | LOCK_NB)', fn() => $rw->lock(LOCK_SH | LOCK_NB));
show('errCode', fn() => $rw->errCode);
show('lock(LOCK_SH, 0.05): the writer itself (EDEADLK, as glibc)', fn() => $rw->lock(LOCK_SH, 0.05));
show('errCode', fn() => $rw->errCode);
show('unlock()', fn() => $rw->unlock());
?>
--EXPECT--
int(3)
int(1)
int(5)
int(3)
int(1)
int(5)
new Lock(0): Swoole\Exception: lock type[0] is not support (0)
new Lock(2): Swoole\Exception: lock type[2] is not support (2)
new Lock(4): Swoole\Exception: lock type[4] is not support (4)
new Lock(6): Swoole\Exception: lock type[6] is not support (6)
new Lock(-1): Swoole\Exception: lock type[-1] is not support (-1)
new Lock("x"): TypeError: Swoole\Lock::__construct(): Argument #1 ($type) must be of type int, string given (0)
object(Swoole\Lock)#1 (1) {
  ["errCode"]=>
  int(0)
}
again: Error: Constructor of Swoole\Lock can only be called once (0)
serialize: Exception: Serialization of 'Swoole\Lock' is not allowed (0)
clone: Error: Trying to clone an uncloneable object of class Swoole\Lock (0)
lock("x"): TypeError: Swoole\Lock::lock(): Argument #1 ($operation) must be of type int, string given (0)
lock(LOCK_EX, "x"): TypeError: Swoole\Lock::lock(): Argument #2 ($timeout) must be of type float, string given (0)
--- mutex
lock(): true
errCode: 0
lock(LOCK_EX | LOCK_NB) while held: false
errCode (EBUSY): 16
lock(LOCK_SH | LOCK_NB) while held: false
unlock(): true
lock(LOCK_NB): true
unlock(): true
lock(LOCK_EX, 0.05): true
unlock(): true
past Swoole: the holder locking again fails at once (EDEADLK) instead of waiting for itself
lock(): true
lock() again: false
lock(LOCK_EX, 1) again: false
at once
errCode (EDEADLK): 35
unlock(): true
past Swoole: unlocking a lock not held is false, errCode EPERM
unlock() again: false
errCode (EPERM): 1
lock() still works: true
--- spinlock
lock(): true
errCode: 0
lock(LOCK_EX | LOCK_NB) while held: false
errCode (EBUSY): 16
lock(LOCK_SH | LOCK_NB) while held: false
unlock(): true
lock(LOCK_NB): true
unlock(): true
lock(LOCK_EX, 0.05): true
unlock(): true
past Swoole: the holder locking again fails at once (EDEADLK) instead of waiting for itself
lock(): true
lock() again: false
lock(LOCK_EX, 1) again: false
at once
errCode (EDEADLK): 35
unlock(): true
past Swoole: unlocking a lock not held is false, errCode EPERM
unlock() again: false
errCode (EPERM): 1
lock() still works: true
--- rwlock
lock(): true
errCode: 0
lock(LOCK_EX | LOCK_NB) while held: false
errCode (EBUSY): 16
lock(LOCK_SH | LOCK_NB) while held: false
unlock(): true
lock(LOCK_NB): true
unlock(): true
lock(LOCK_EX, 0.05): true
unlock(): true
past Swoole: the holder locking again fails at once (EDEADLK) instead of waiting for itself
lock(): true
lock() again: false
lock(LOCK_EX, 1) again: false
at once
errCode (EDEADLK): 35
unlock(): true
past Swoole: unlocking a lock not held is false, errCode EPERM
unlock() again: false
errCode (EPERM): 1
lock() still works: true
--- rwlock: shared holds
lock(LOCK_SH): true
lock(LOCK_SH) again (shared locks nest): true
lock(LOCK_EX | LOCK_NB): false
errCode: 16
unlock(): true
unlock(): true
lock(LOCK_EX): true
lock(LOCK_SH | LOCK_NB): false
errCode: 16
lock(LOCK_SH, 0.05): the writer itself (EDEADLK, as glibc): false
errCode: 35
unlock(): true
