--TEST--
Lock: an RWLOCK held shared by three processes at once keeps writers out (EBUSY) but lets another reader in; the writer gets it once they leave, then keeps readers out (ETIMEDOUT)
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Atomic;
use Swoole\Lock;
use Swoole\Process;

// Three processes hold an RWLOCK shared at the same time; meanwhile nobody
// gets it exclusive; once they are done a writer does, and keeps readers out.
$rw = new Lock(SWOOLE_RWLOCK);
$inside = new Atomic(0);
$peak = new Atomic(0);
$release = new Atomic(0);
for ($i = 0; $i < 3; $i++) {
    (new Process(function () use ($rw, $inside, $peak, $release) {
        if (!$rw->lock(LOCK_SH, 5)) {
            exit(1);
        }
        $n = $inside->add();
        while (($p = $peak->get()) < $n && !$peak->cmpset($p, $n)) {
        }
        // hold it until the parent has seen all three inside
        $release->wait(5);
        $release->wakeup();
        $inside->sub();
        $rw->unlock();
    }))->start();
}
$deadline = microtime(true) + 5;
while ($inside->get() < 3 && microtime(true) < $deadline) {
    usleep(1000);
}
echo $peak->get(), " readers inside at once\n";
var_dump($rw->lock(LOCK_EX | LOCK_NB), $rw->errCode);
var_dump($rw->lock(LOCK_SH | LOCK_NB));   // one more reader is fine
var_dump($rw->unlock());
$release->wakeup();
$t = microtime(true);
var_dump($rw->lock(LOCK_EX, 5));
echo "the writer got it once the readers left: ", $inside->get() === 0 ? "yes" : "no", "\n";
$st = [];
for ($i = 0; $i < 3; $i++) {
    $st[] = Process::wait()['code'];
}
echo "readers exited with ", implode(',', $st), "\n";
$blocked = new Atomic(9);
(new Process(function () use ($rw, $blocked) {
    $blocked->set($rw->lock(LOCK_SH, 0.1) ? 1 : $rw->errCode);
}))->start();
Process::wait();
echo "a reader while the writer holds it: errCode ", $blocked->get(), "\n";
var_dump($rw->unlock());
?>
--EXPECT--
3 readers inside at once
bool(false)
int(16)
bool(true)
bool(true)
bool(true)
the writer got it once the readers left: yes
readers exited with 0,0,0
a reader while the writer holds it: errCode 110
bool(true)
