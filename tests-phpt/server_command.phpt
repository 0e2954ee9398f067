--TEST--
Server::addCommand()/command() (seed 003's example on Swoole\Server), in SWOOLE_PROCESS (from the master) and SWOOLE_BASE (from worker 0): master, event worker, manager and task worker targets; unknown, unsupported and out-of-range calls fail; the callback gets the JSON-encoded data
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['process', 'base'] as $mode) {
    echo "--- $mode\n";
    $srv = new ServerProcess(__DIR__ . '/servers/command_server.php', [free_port(), $mode]);
    kill_on_exit($srv);
    $out = $srv->wait(20);
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
