<?php
// Item 9: the order of one event-loop iteration in a plain script: the
// Event::cycle callback with $before = true, the wait, I/O, timers, deferred
// callbacks, the default Event::cycle callback, signals; a timer created in
// an iteration never runs in that iteration.
$log = [];
$note = function (string $what) use (&$log) {
    return function () use (&$log, $what) { $log[] = $what; };
};
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Swoole\Event::add($r, function ($r) use (&$log) {
    fread($r, 10);
    $log[] = 'io';
});
Swoole\Process::signal(SIGUSR1, $note('signal'));
var_dump(Swoole\Event::cycle($note('cycle(before)'), true));
var_dump(Swoole\Event::cycle($note('cycle(default)')));
Swoole\Timer::after(1, $note('timer'));
Swoole\Event::defer($note('defer'));
usleep(20000);
fwrite($w, "x");
Swoole\Event::dispatch();
echo "iteration 1 (the timer was created before it): ", implode(', ', $log), "\n";
$log = [];
Swoole\Timer::after(1, $note('timer'));
Swoole\Event::dispatch();
echo "iteration 2 (timer due, nothing else): ", implode(', ', $log), "\n";
$log = [];
Swoole\Event::defer($note('defer'));
Swoole\Timer::after(1, $note('timer'));
Swoole\Event::dispatch(); // the timer is not eligible in this one
usleep(20000);
$log = [];
Swoole\Event::defer($note('defer'));
fwrite($w, "x");
posix_kill(posix_getpid(), SIGUSR1);
Swoole\Event::dispatch();
echo "iteration with all pending: ", implode(', ', $log), "\n";
Swoole\Event::del($r);
Swoole\Process::signal(SIGUSR1, null);
Swoole\Event::cycle(null);
Swoole\Event::cycle(null, true);

echo "--- a 100 ms tick created just before dispatch()\n";
$ticks = 0;
$t0 = microtime(true);
$id = Swoole\Timer::tick(100, function () use (&$ticks) { $ticks++; });
Swoole\Event::dispatch();
printf("first dispatch(): %d ticks after ~%d ms\n", $ticks, round((microtime(true) - $t0) * 1000 / 50) * 50);
Swoole\Event::dispatch();
printf("second dispatch(): %d ticks after ~%d ms\n", $ticks, round((microtime(true) - $t0) * 1000 / 50) * 50);
Swoole\Timer::clear($id);
