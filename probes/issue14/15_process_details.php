<?php
// Item 15: Process::read() size checks and failures, get/setPriority rules,
// the private `callback` property and "illegal callback function".
$p = new Swoole\Process(function ($w) {
    $w->write("ping");
    usleep(300000);
});
$p->start();
var_dump($p->read(0));
var_dump($p->read(-5));
var_dump($p->read(2));
// a datagram pipe (the default): the rest of "ping" is gone; nothing more
// comes, so a read with a timeout fails, without a warning
$p->setTimeout(0.1);
$t = microtime(true);
var_dump($p->read());
var_dump(swoole_last_error(), round(microtime(true) - $t, 1));
Swoole\Process::wait();
$p->close();
var_dump($p->read());

echo "--- priority\n";
// $who null means this Process's child (PRIO_PROCESS only)
$live = new Swoole\Process(function () { usleep(500000); });
$live->start();
var_dump($live->getPriority(PRIO_PROCESS));
var_dump($live->setPriority(PRIO_PROCESS, 7));
var_dump($live->getPriority(PRIO_PROCESS));
var_dump($live->getPriority(PRIO_PROCESS, $live->pid));
var_dump($live->getPriority(PRIO_PGRP));
var_dump(swoole_last_error());
var_dump($live->getPriority(PRIO_USER, null));
var_dump(swoole_last_error());
var_dump($live->setPriority(PRIO_PGRP, 5));
var_dump(swoole_last_error());
var_dump($live->getPriority(PRIO_PROCESS, 0));
var_dump($live->getPriority(99, 0));
var_dump(swoole_last_error());
var_dump($live->setPriority(PRIO_PROCESS, 5, 999999));
var_dump(swoole_last_error());
var_dump($live->getPriority(PRIO_PROCESS, 999999));
var_dump(swoole_last_error());
var_dump($live->setPriority(PRIO_PROCESS, -5, $live->pid));
var_dump(swoole_last_error());
$live->kill($live->pid, SIGKILL);
Swoole\Process::wait();
var_dump($live->getPriority(PRIO_PROCESS));
var_dump(swoole_last_error());
$never = new Swoole\Process(function () {});
var_dump($never->pid);
var_dump($never->getPriority(PRIO_PROCESS));
var_dump(swoole_last_error());

echo "--- callback property\n";
$r = new ReflectionClass('Swoole\Process');
foreach ($r->getProperties() as $prop) {
    echo $prop->getName(), " ", implode(' ', Reflection::getModifierNames($prop->getModifiers())), "\n";
}
$q = new Swoole\Process('strlen');
$cb = new ReflectionProperty('Swoole\Process', 'callback');
$cb->setAccessible(true);
var_dump($cb->getValue($q));
$cb->setValue($q, null);
$r = $q->start();
if ($r === false) { echo "child: start() returned false\n"; exit(0); }
Swoole\Process::wait();
echo "parent: start() returned a pid\n";
