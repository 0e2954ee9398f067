--TEST--
Table: foreach in one process while two others rewrite rows and a third adds and deletes rows: every row seen is whole (no torn row), every row nobody deletes is seen in every pass
--EXTENSIONS--
swoole
--FILE--
<?php
use Swoole\Table;

$t = new Table(256);
$t->column('a', Table::TYPE_INT);
$t->column('b', Table::TYPE_FLOAT);
$t->column('s', Table::TYPE_STRING, 64);
$t->create();
/** A row whose three columns say the same number: a torn row would not. */
function row(int $n): array
{
    return ['a' => $n, 'b' => (float)$n, 's' => str_repeat((string)$n, 1 + $n % 5)];
}
function consistent(array $r): bool
{
    return (float)$r['a'] === $r['b'] && $r['s'] === str_repeat((string)$r['a'], 1 + $r['a'] % 5);
}
for ($k = 0; $k < 50; $k++) {
    $t->set("r$k", row(0));
}
$stop = new Swoole\Atomic(0);
$writes = new Swoole\Atomic\Long(0);
$kids = [];
for ($w = 0; $w < 2; $w++) {
    $kids[] = (new Swoole\Process(function () use ($t, $stop, $writes, $w) {
        for ($n = $w; !$stop->get(); $n += 2) {
            $t->set('r' . ($n % 50), row($n));
            $writes->add();
        }
    }))->start();
}
// and one that adds and deletes rows all the time
$kids[] = (new Swoole\Process(function () use ($t, $stop) {
    for ($n = 0; !$stop->get(); $n++) {
        $t->set('tmp' . ($n % 100), row($n));
        $t->del('tmp' . (($n + 50) % 100));
    }
}))->start();

$passes = $torn = $missing = 0;
$deadline = microtime(true) + 0.5;
while (microtime(true) < $deadline || $writes->get() < 1000) {
    $permanent = 0;
    foreach ($t as $key => $r) {
        $torn += consistent($r) ? 0 : 1;
        $permanent += str_starts_with($key, 'r') ? 1 : 0;
    }
    $missing += $permanent === 50 ? 0 : 1;
    $passes++;
}
$stop->set(1);
foreach ($kids as $pid) {
    $st = Swoole\Process::wait();
    echo "child exited with ", $st['code'], "\n";
}
echo $passes > 10 ? "many passes\n" : "only $passes passes\n";
echo $writes->get() >= 1000 ? "many writes meanwhile\n" : "few writes\n";
var_dump($torn, $missing);
foreach ($t as $key => $r) {
    $torn += consistent($r) ? 0 : 1;
}
var_dump($torn, count($t) >= 50);
?>
--EXPECT--
child exited with 0
child exited with 0
child exited with 0
many passes
many writes meanwhile
int(0)
int(0)
int(0)
bool(true)
