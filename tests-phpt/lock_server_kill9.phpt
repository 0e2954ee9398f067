--TEST--
Lock: a worker killed with SIGKILL while holding a Swoole\Lock made before start() does not freeze the server: the next locker gets it within a second, warned with the dead holder's pid; SWOOLE_BASE and SWOOLE_PROCESS
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/shm_server.php', [$port, $mode, 1]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLines('/^done id=/', 6);

    $c = new TestClient($port);
    preg_match('/^locked pid=(\d+)$/', ask($c, 'lock'), $m) or die("no lock\n");
    $holder = (int)$m[1];
    echo "a worker holds the lock\n";
    posix_kill($holder, SIGKILL);
    $c->close();

    $c = new TestClient($port);
    $reply = ask($c, 'take');
    preg_match('/^took=(\w+) ms=(\d+) err=(\d+) pid=(\d+)$/', $reply, $m) or die("bad reply: $reply\n");
    echo "took=$m[1] err=$m[3]\n";
    echo (int)$m[2] < 1000 ? "within a second\n" : "after $m[2] ms\n";
    var_dump((int)$m[4] !== $holder);
    $warning = $srv->waitForLine('/the holder of this lock/');
    echo str_contains($warning, "process $holder, died") ? "the warning names the dead holder\n" : "$warning\n";
    // and it is a normal lock again: no more warnings
    echo preg_replace('/ms=\d+ (.*) pid=\d+/', '$1', ask($c, 'take')), "\n";
    $c->close();
    $out = $srv->stop();
    var_dump($srv->exitCode);
    echo preg_match_all('/^PHP Warning: .*the holder of this lock/m', $out), " warning\n";
}
?>
--EXPECT--
--- base
a worker holds the lock
took=true err=0
within a second
bool(true)
the warning names the dead holder
took=true err=0
int(0)
1 warning
--- process
a worker holds the lock
took=true err=0
within a second
bool(true)
the warning names the dead holder
took=true err=0
int(0)
1 warning
