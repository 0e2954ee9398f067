--TEST--
Issue 14 item 3: in PROCESS mode ticks created in onStart or before start() fire every period in the master, not once a second
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
$s = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$master = posix_getpid();
$ticker = function (string $name, int $period, int $count, ?Closure $then = null) use ($master) {
    $last = hrtime(true);
    $n = 0;
    return function ($id) use ($name, $period, $count, $then, $master, &$last, &$n) {
        $gap = (hrtime(true) - $last) / 1e6;
        $last = hrtime(true);
        $n++;
        $onTime = $gap > $period * 0.6 && $gap < $period * 1.6;
        echo "$name tick $n in the master on time: " . var_export($onTime && posix_getpid() === $master, true) . "\n";
        if ($n === $count) {
            Swoole\Timer::clear($id);
            if ($then) {
                $then();
            }
        }
    };
};
Swoole\Timer::tick(150, $ticker('before-start', 150, 3));
$s->on('start', function ($s) use ($ticker) {
    Swoole\Timer::tick(100, $ticker('onStart', 100, 6, fn() => $s->shutdown()));
});
$s->start();
PHP;
$srv = server_from_code($code, [free_port()]);
echo sorted_lines($srv->wait(10));
?>
--EXPECT--
before-start tick 1 in the master on time: true
before-start tick 2 in the master on time: true
before-start tick 3 in the master on time: true
onStart tick 1 in the master on time: true
onStart tick 2 in the master on time: true
onStart tick 3 in the master on time: true
onStart tick 4 in the master on time: true
onStart tick 5 in the master on time: true
onStart tick 6 in the master on time: true
