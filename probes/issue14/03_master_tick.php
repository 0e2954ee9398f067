<?php
// Item 3: in PROCESS mode a tick created in onStart (or before start())
// fires every period in the master.
$port = 30000 + getmypid() % 20000;
$s = new Swoole\Server('127.0.0.1', $port, SWOOLE_PROCESS);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$gaps = function (string $name, int $count, ?callable $then = null) {
    $last = microtime(true);
    $n = 0;
    return function ($id) use ($name, $count, $then, &$last, &$n) {
        $now = microtime(true);
        $ms = (int)round(($now - $last) * 1000 / 50) * 50;
        $last = $now;
        echo "$name tick ", ++$n, " after ~{$ms} ms in ", posix_getpid() === $GLOBALS['master'] ? 'master' : 'other', "\n";
        if ($n === $count) {
            Swoole\Timer::clear($id);
            if ($then) {
                $then();
            }
        }
    };
};
$GLOBALS['master'] = posix_getpid();
Swoole\Timer::tick(150, $gaps('before-start', 3));
$s->on('start', function ($s) use ($gaps) {
    Swoole\Timer::tick(100, $gaps('onStart', 5, fn() => $s->shutdown()));
});
$s->start();
echo "start() returned\n";
