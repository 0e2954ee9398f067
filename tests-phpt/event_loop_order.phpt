--TEST--
Issue 14 item 9: one loop iteration runs the Event::cycle($cb, true) callback, the wait, I/O and signal callbacks, timers, deferred callbacks, then the default Event::cycle callback; a timer never runs in the iteration that created it: the first Event::dispatch() waits for its deadline and runs nothing, the next runs it
--EXTENSIONS--
swoole
posix
--INI--
; the end-of-request notice of a loop left behind is item 11's business
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
foreach ([50, 100] as $ms) {
    $ran = 0;
    $t0 = hrtime(true);
    Swoole\Timer::after($ms, function () use (&$ran) { $ran++; });
    Swoole\Event::dispatch();
    $waited = (hrtime(true) - $t0) / 1e6;
    echo "after($ms), first dispatch(): waited for it ", var_export($waited > $ms * 0.8, true), ", ran $ran\n";
    Swoole\Event::dispatch();
    echo "second dispatch(): ran $ran\n";
}
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
Swoole\Event::dispatch(); // the timer's first iteration: it does not run
usleep(20000);
$log = [];
Swoole\Event::defer($note('defer'));
fwrite($w, "x");
posix_kill(posix_getpid(), SIGUSR1);
Swoole\Event::dispatch();
echo "everything pending: ", implode(', ', $log), "\n";
Swoole\Event::del($r);
Swoole\Process::signal(SIGUSR1, null);
Swoole\Event::cycle(null);
Swoole\Event::cycle(null, true);

?>
--EXPECT--
after(50), first dispatch(): waited for it true, ran 0
second dispatch(): ran 1
after(100), first dispatch(): waited for it true, ran 0
second dispatch(): ran 1
bool(true)
bool(true)
everything pending: cycle(before), io, signal, timer, defer, cycle(default)
