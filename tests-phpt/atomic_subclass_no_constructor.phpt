--TEST--
An Atomic or Atomic\Long subclass that skips parent::__construct() has a counter at 0, shared with processes forked after, as in Swoole 6.2.1 (which allocates it with the object)
--EXTENSIONS--
swoole
pcntl
--FILE--
<?php
class A extends Swoole\Atomic { function __construct() {} }
class AL extends Swoole\Atomic\Long { function __construct() {} }
$a = new A;
$l = new AL;
var_dump($a->get(), $a->add(), $a->cmpset(1, 4), $l->get(), $l->sub(5));
$pid = pcntl_fork();
if ($pid === 0) {
    $a->add(10);
    $l->add(10);
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump($a->get(), $l->get());
$a->__construct();
var_dump($a->get());
?>
--EXPECT--
int(0)
int(1)
bool(true)
int(0)
int(-5)
int(14)
int(5)
int(14)
