--TEST--
Server: stats_file makes event worker 0 write stats() to the file every stats_timer_interval ms, overwriting it: "key: value" lines (no newline after the last), JSON for a .json name, a PHP file returning the array for .php; $server->stats_timer holds the timer only in worker 0 (null in the master, manager, other and task workers) and is null again in onWorkerStop (BASE and PROCESS)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/stats_file_helpers.php';

/** Waits until $file holds something other than $not (it may not exist yet); returns it. */
function wait_for_content(string $file, ?string $not = null): string
{
    $deadline = microtime(true) + TEST_TIMEOUT;
    while (microtime(true) < $deadline) {
        clearstatcache();
        $text = @file_get_contents($file);
        if ($text !== false && $text !== '' && $text !== $not) {
            return $text;
        }
        usleep(10000);
    }
    throw new RuntimeException("$file was not written within " . TEST_TIMEOUT . "s");
}

/** What is wrong with $text as the stats file $file of a server whose stats() has $keys ('' when nothing). */
function format_problem(string $file, string $text, array $keys): string
{
    if (str_ends_with($file, '.json')) {
        $stats = json_decode($text, true);
        $ok = is_array($stats) && str_starts_with($text, '{"') && !str_contains($text, "\n");
    } elseif (str_ends_with($file, '.php')) {
        // The text read (the file itself may be in the middle of the next write).
        $stats = eval('?>' . $text);
        $ok = is_array($stats) && str_starts_with($text, "<?php\nreturn array (\n  '") && str_ends_with($text, ",\n);\n")
            && $text === "<?php\nreturn " . var_export($stats, true) . ";\n";
    } else {
        $stats = [];
        $ok = !str_ends_with($text, "\n");
        foreach (explode("\n", $text) as $line) {
            $ok = $ok && preg_match('/^([a-z_]+): (\d+)$/', $line, $m);
            $stats[$m[1] ?? ''] = (int)($m[2] ?? 0);
        }
    }
    if (!$ok) {
        return 'not in the expected format: ' . json_encode($text);
    }
    if (array_keys($stats) !== $keys) {
        return 'other keys than stats(): ' . implode(',', array_keys($stats));
    }
    return array_filter($stats, 'is_int') === $stats ? '' : 'values are not all ints';
}


foreach ([['base', 'txt'], ['base', 'json'], ['base', 'php'], ['process', 'log']] as [$mode, $ext]) {
    echo "--- $mode, .$ext\n";
    $file = sys_get_temp_dir() . "/swoole-stats-" . getmypid() . ".$ext";
    @unlink($file);
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/stats_file_server.php', [$port, $mode, $file, 100]);
    kill_on_exit($srv);
    register_shutdown_function(fn() => @unlink($file));
    wait_for_port($port);
    $starts = $srv->waitForLines('/^onWorkerStart /', 3);
    sort($starts);
    show(implode("\n", $starts));
    preg_match('/ keys=(\S+)/', $starts[0], $m);
    $keys = explode(',', $m[1]);

    $text = wait_for_content($file);
    echo 'written: ', format_problem($file, $text, $keys) ?: 'as stats()', "\n";
    // Each tick writes the whole file again (it is not appended to).
    $junk = str_repeat("junk\n", 1000);
    file_put_contents($file, $junk);
    $text = wait_for_content($file, $junk);
    echo 'rewritten: ', format_problem($file, $text, $keys) ?: 'as stats()', "\n";

    $out = stats_server_shutdown($srv, $port);
    $lines = preg_grep('/^(onStart|onManagerStart|onWorkerStop|start\(\) returned)/', explode("\n", $out));
    sort($lines);
    show(implode("\n", $lines));
    echo str_contains($out, 'forced termination') ? "forced\n" : "not forced\n";
}
?>
--EXPECT--
--- base, .txt
onWorkerStart id=0 stats_timer=int interval=100
onWorkerStart id=1 stats_timer=NULL
onWorkerStart id=2 stats_timer=NULL
written: as stats()
rewritten: as stats()
onManagerStart stats_timer=NULL
onStart stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStop id=1 stats_timer=NULL
onWorkerStop id=2 stats_timer=NULL
start() returned stats_timer=NULL
not forced
--- base, .json
onWorkerStart id=0 stats_timer=int interval=100
onWorkerStart id=1 stats_timer=NULL
onWorkerStart id=2 stats_timer=NULL
written: as stats()
rewritten: as stats()
onManagerStart stats_timer=NULL
onStart stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStop id=1 stats_timer=NULL
onWorkerStop id=2 stats_timer=NULL
start() returned stats_timer=NULL
not forced
--- base, .php
onWorkerStart id=0 stats_timer=int interval=100
onWorkerStart id=1 stats_timer=NULL
onWorkerStart id=2 stats_timer=NULL
written: as stats()
rewritten: as stats()
onManagerStart stats_timer=NULL
onStart stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStop id=1 stats_timer=NULL
onWorkerStop id=2 stats_timer=NULL
start() returned stats_timer=NULL
not forced
--- process, .log
onWorkerStart id=0 stats_timer=int interval=100
onWorkerStart id=1 stats_timer=NULL
onWorkerStart id=2 stats_timer=NULL
written: as stats()
rewritten: as stats()
onManagerStart stats_timer=NULL
onStart stats_timer=NULL
onWorkerStop id=0 stats_timer=NULL
onWorkerStop id=1 stats_timer=NULL
onWorkerStop id=2 stats_timer=NULL
start() returned stats_timer=NULL
not forced
