--TEST--
Server: the stats_file timer is cleared when worker 0 stops (reload: onWorkerExit sees stats_timer null, the worker exits at once, its successor ticks again); the default interval is 1000 ms; a file that cannot be written gets PHP's file_put_contents() warning on every tick, a bad interval Timer::tick()'s warning and stats_timer false; with swoole.enable_library Off there is no timer (as Swoole, whose library does this)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/stats_file_helpers.php';

function start_server(string $mode, string $file, string $interval, array $ini = []): array
{
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/stats_file_server.php', [$port, $mode, $file, $interval], $ini);
    kill_on_exit($srv);
    wait_for_port($port);
    return [$srv, $port];
}

function command(int $port, string $cmd): void
{
    $c = new TestClient($port);
    echo ask($c, $cmd), "\n";
    $c->close();
}


$file = sys_get_temp_dir() . '/swoole-stats-exit-' . getmypid() . '.txt';
register_shutdown_function(fn() => @unlink($file));

foreach (['base', 'process'] as $mode) {
    echo "--- reload, $mode, interval unset\n";
    @unlink($file);
    [$srv, $port] = start_server($mode, $file, '-');
    $first = $srv->waitForLine('/^onWorkerStart id=0 /');
    show($first);
    $old = pids_in($first, '/./')[0];
    command($port, 'reload');
    show($srv->waitForLine("/^onWorkerExit id=0 pid=$old /"));
    show($srv->waitForLine("/^onWorkerStop id=0 pid=$old /"));
    show($srv->waitForLine("/^onWorkerStart id=0 pid=(?!$old )/"));
    $out = stats_server_shutdown($srv, $port);
    echo str_contains($out, 'forced termination') ? "forced\n" : "not forced\n";
}

echo "--- a file in a directory that does not exist\n";
[$srv, $port] = start_server('process', '/nonexistent-dir/stats.txt', '50');
$warnings = $srv->waitForLines('/Warning: +file_put_contents/', 2);
echo preg_replace('/line \d+/', 'line N', $warnings[0]), "\n";
stats_server_shutdown($srv, $port);

echo "--- a bad interval\n";
[$srv, $port] = start_server('base', $file, 'abc');
echo preg_replace('/line \d+/', 'line N', $srv->waitForLine('/Warning: +Swoole.Timer::tick/')), "\n";
show($srv->waitForLine('/^onWorkerStart id=0 /'));
stats_server_shutdown($srv, $port);

echo "--- swoole.enable_library=Off\n";
[$srv, $port] = start_server('base', $file, '50', ['swoole.enable_library' => 'Off']);
show($srv->waitForLine('/^onWorkerStart id=0 /'));
stats_server_shutdown($srv, $port);
clearstatcache();
echo file_exists($file) ? "file written\n" : "no file\n";
?>
--EXPECT--
--- reload, base, interval unset
onWorkerStart id=0 stats_timer=int interval=1000
reload=true
onWorkerExit id=0 stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStart id=0 stats_timer=int interval=1000
not forced
--- reload, process, interval unset
onWorkerStart id=0 stats_timer=int interval=1000
reload=true
onWorkerExit id=0 stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStart id=0 stats_timer=int interval=1000
not forced
--- a file in a directory that does not exist
PHP Warning:  file_put_contents(/nonexistent-dir/stats.txt): Failed to open stream: No such file or directory in @swoole/library/core/Server/Helper.php on line N
--- a bad interval
PHP Warning:  Swoole\Timer::tick(): Timer must be greater than or equal to 1 in @swoole/library/core/Server/Helper.php on line N
onWorkerStart id=0 stats_timer=false
--- swoole.enable_library=Off
onWorkerStart id=0 stats_timer=NULL
no file
