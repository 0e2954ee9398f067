--TEST--
PROCESS dispatch_mode 1 and 3 drop onConnect/onClose with a warning from start(), unless enable_unsafe_event is set
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

const WORKERS = 3;

/**
 * A connection makes requests, closes, and a second connection waits until
 * the first is gone from the connection table and makes requests too. Any
 * onConnect/onClose the master had sent a worker would be run by then (in
 * mode 1 the requests visit every worker after it).
 */
function traffic(int $port): void
{
    $c = new TestClient($port);
    for ($i = 0; $i < WORKERS; $i++) {
        $fd = pd_who($c)['fd'];
    }
    $c->close();
    $d = new TestClient($port);
    echo "first connection gone: ", var_export(pd_until(fn() => ask($d, "exist $fd") === 'exist=false'), true), "\n";
    for ($i = 0; $i < WORKERS; $i++) {
        pd_who($d);
    }
    $d->close();
}

foreach ([1, 3] as $mode) {
    echo "--- dispatch_mode $mode, onConnect/onClose registered\n";
    [$srv, $port, $pids, $manager] = pd_start(WORKERS, $mode, 'events');
    $warnings = preg_grep('/warning/i', explode("\n", $srv->output()));
    echo "warning about onConnect: ", var_export((bool)preg_grep('/onConnect.*dispatch_mode/', $warnings), true), "\n";
    echo "warning about onClose: ", var_export((bool)preg_grep('/onClose.*dispatch_mode/', $warnings), true), "\n";
    traffic($port);
    $out = pd_stop($srv, array_merge(array_values($pids), [$manager]));
    echo "onConnect/onClose lines: ", count(preg_grep('/^on(Connect|Close) /', explode("\n", $out))), "\n";
}

echo "--- dispatch_mode 1 with enable_unsafe_event\n";
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 1, 'events,unsafe');
$c = new TestClient($port);
$fd = pd_who($c)['fd'];
echo preg_replace('/wid=\d .*/', 'wid=...', $srv->waitForLine("/^onConnect fd=$fd /")), "\n";
$c->close();
echo preg_replace('/wid=\d .*/', 'wid=...', $srv->waitForLine("/^onClose fd=$fd /")), "\n";
$out = pd_stop($srv, array_merge(array_values($pids), [$manager]));
$lines = explode("\n", $out);
echo "onConnect/onClose lines: ", count(preg_grep('/^on(Connect|Close) /', $lines)), "\n";
echo "warnings: ", count(preg_grep('/warning/i', $lines)), "\n";
?>
--EXPECT--
--- dispatch_mode 1, onConnect/onClose registered
warning about onConnect: true
warning about onClose: true
first connection gone: true
stopped cleanly
onConnect/onClose lines: 0
--- dispatch_mode 3, onConnect/onClose registered
warning about onConnect: true
warning about onClose: true
first connection gone: true
stopped cleanly
onConnect/onClose lines: 0
--- dispatch_mode 1 with enable_unsafe_event
onConnect fd=1 wid=...
onClose fd=1 wid=...
stopped cleanly
onConnect/onClose lines: 2
warnings: 0
