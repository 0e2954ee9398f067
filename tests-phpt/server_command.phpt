--TEST--
Server::addCommand()/command() (seed 003's example on Swoole\Server), in SWOOLE_PROCESS (from the master) and SWOOLE_BASE (from worker 0): master, event worker, manager and task worker targets; unknown, unsupported and out-of-range calls fail; the callback gets the JSON-encoded data
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/** Live processes running command_server.php on $port. */
function left_behind(int $port): int
{
    $n = 0;
    foreach (glob('/proc/[0-9]*/cmdline') as $f) {
        $cmd = (string)@file_get_contents($f);
        $n += (int)(str_contains($cmd, 'command_server.php') && str_contains($cmd, "\0$port\0"));
    }
    return $n;
}

foreach (['process', 'base'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/command_server.php', [$port, $mode]);
    kill_on_exit($srv);
    $out = $srv->wait(20);
    // shutdown() from onStart stops every process of the server.
    $deadline = microtime(true) + 5;
    while (left_behind($port) > 0 && microtime(true) < $deadline) {
        usleep(20000);
    }
    $out .= "processes left: " . left_behind($port) . "\n";
    // Log lines carry dates and pids: keep their text only; PHP's warnings
    // show twice (log and display, both on the captured output): once here.
    $out = preg_replace('/^PHP Warning:  .*\n/m', '', $out);
    echo preg_replace('/^\[[^\]]*\]\t(\w+)\t/m', '$1 ', $out);
}
?>
--EXPECTF--
--- process
bool(true)
bool(false)
Warning: Swoole\Server::addCommand(): only support worker/task_worker process in %s on line %d
bool(false)
bool(true)
bool(true)
master: true data={"type":"master"}
worker 1: true data={"type":"worker"}
NOTICE Unknown command[test_not_found]
bool(false)
manager: true
task worker 0: true
NOTICE unsupported [process_type]
bool(false)
NOTICE invalid worker_id[5]
bool(false)
Warning: Swoole\Server::command(): invalid process_id[%d] in %s on line %d
bool(false)
raw: true
bad: {"data":"wrong return type","code":-2}
Warning: Swoole\Server::addCommand(): server is running, can't add command in %s on line %d
bool(false)
done
processes left: 0
--- base
bool(true)
bool(false)
Warning: Swoole\Server::addCommand(): only support worker/task_worker process in %s on line %d
bool(false)
bool(true)
bool(true)
master: true data={"type":"master"}
worker 1: true data={"type":"worker"}
NOTICE Unknown command[test_not_found]
bool(false)
manager: true
task worker 0: true
NOTICE unsupported [process_type]
bool(false)
NOTICE invalid worker_id[5]
bool(false)
Warning: Swoole\Server::command(): invalid process_id[%d] in %s on line %d
bool(false)
raw: true
bad: {"data":"wrong return type","code":-2}
Warning: Swoole\Server::addCommand(): server is running, can't add command in %s on line %d
bool(false)
done
processes left: 0
