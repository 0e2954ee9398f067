--TEST--
A PHP subclass of Atomic, Atomic\Long, Lock, WebSocket\Frame/CloseFrame, Http\Cookie/Request/Response, Server, Client, Process and Process\Pool makes objects of its own class, with its own methods and properties and the parent's behaviour
--EXTENSIONS--
swoole
--FILE--
<?php
class A extends Swoole\Atomic { public $tag = 'a'; function twice() { return 2 * $this->get(); } }
class L extends Swoole\Atomic\Long { function neg() { return -$this->get(); } }
class K extends Swoole\Lock { function name() { return static::class; } }
$a = new A(21);
$l = new L(5);
$k = new K(SWOOLE_MUTEX);
var_dump(get_class($a), $a->twice(), $a->tag, $a instanceof Swoole\Atomic, $a->add(1));
var_dump(get_class($l), $l->neg(), $l->add(2));
var_dump(get_class($k), $k->name(), $k->lock(), $k->unlock());

class F extends Swoole\WebSocket\Frame { function k() { return 'f'; } }
class CF extends Swoole\WebSocket\CloseFrame { function k() { return 'cf'; } }
class CK extends Swoole\Http\Cookie { function k() { return 'ck'; } }
class RQ extends Swoole\Http\Request { function k() { return 'rq'; } }
class RS extends Swoole\Http\Response { function k() { return 'rs'; } }
class S extends Swoole\Server { function k() { return 's'; } }
class C extends Swoole\Client { function k() { return 'c'; } }
class P extends Swoole\Process { function k() { return 'p'; } }
class PP extends Swoole\Process\Pool { function k() { return 'pp'; } }
$f = new F;
$f->data = 'hello';
var_dump(Swoole\WebSocket\Server::pack($f) === Swoole\WebSocket\Server::pack('hello'));
// (The pool first: Swoole refuses a pool while a server object exists.)
foreach ([$f, new CF, new CK, new RQ, new RS, new PP(1), new S('127.0.0.1', 0), new C(SWOOLE_SOCK_TCP), new P(function () {})] as $o) {
    echo get_class($o), " ", $o->k(), "\n";
}
?>
--EXPECT--
string(1) "A"
int(42)
string(1) "a"
bool(true)
int(22)
string(1) "L"
int(-5)
int(7)
string(1) "K"
string(1) "K"
bool(true)
bool(true)
bool(true)
F f
CF cf
CK ck
RQ rq
RS rs
PP pp
S s
C c
P p
