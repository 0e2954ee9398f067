--TEST--
Operations: daemonize returns to the shell; the server is found through pid_file, logs to log_file (reopened after rename + SIGWINCH), stops on SIGTERM and removes its pid file
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

// One directory per checkout, known to --CLEAN--, which stops a server this
// run lost track of (an interrupted run); the server also ends itself after
// MAX_LIFETIME seconds, far beyond what a passing run takes, in case neither ran.
const MAX_LIFETIME = 120;
$dir = sys_get_temp_dir() . '/swoole-ops-daemon-' . substr(md5(__DIR__), 0, 12);
require __DIR__ . '/include/stop_daemon.php';
stop_daemon("$dir/server.pid", 'ops_server.php');
@mkdir($dir);
array_map('unlink', glob("$dir/*"));
$pidFile = "$dir/server.pid";
$log = "$dir/server.log";
$port = free_port();
$launcher = new ServerProcess(__DIR__ . '/servers/ops_server.php',
    [$port, json_encode(['daemonize' => true, 'pid_file' => $pidFile, 'log_file' => $log]), MAX_LIFETIME]);
$launcher->wait();
echo "launcher exited: ", var_export($launcher->exitCode, true), "\n";

$deadline = microtime(true) + TEST_TIMEOUT;
while (!is_file($pidFile) && microtime(true) < $deadline) { usleep(5000); }
$master = (int)file_get_contents($pidFile);
register_shutdown_function(fn() => stop_daemon($pidFile, 'ops_server.php'));
echo "pid file holds a live pid that is not the launcher: ", var_export(pid_alive($master) && $master !== $launcher->pid, true), "\n";
wait_for_port($port);

$c = new TestClient($port);
echo preg_replace('/\d+/', 'N', ask($c, 'whoami')), "\n";
$t = new TestClient($port);
$t->send("throw");
$t->recvAll();

// the worker's fatal error and the master's report both land in the log
$wait = function (string $file, string $re) {
    $deadline = microtime(true) + TEST_TIMEOUT;
    while (microtime(true) < $deadline) {
        if (preg_match($re, (string)@file_get_contents($file))) { return true; }
        usleep(10000);
    }
    return false;
};
var_dump($wait($log, '/Uncaught RuntimeException: boom for the log/'), $wait($log, '/abnormal exit, status=255/'));

// logrotate: rename, then SIGWINCH; new lines go to a new file at the old path
rename($log, "$log.1");
posix_kill($master, SIGWINCH);
$deadline = microtime(true) + TEST_TIMEOUT;
while (!file_exists($log) && microtime(true) < $deadline) { usleep(5000); } // the master reopened
$t = new TestClient($port);
$t->send("throw");
$t->recvAll();
var_dump($wait($log, '/abnormal exit, status=255/'));
echo "the worker's own output follows too: ", var_export($wait($log, '/Uncaught RuntimeException/'), true), "\n";

posix_kill($master, SIGTERM);
$deadline = microtime(true) + TEST_TIMEOUT;
while (pid_alive($master) && microtime(true) < $deadline) { usleep(5000); }
echo "stopped: ", var_export(!pid_alive($master), true), "; pid file removed: ", var_export(!file_exists($pidFile), true), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--CLEAN--
<?php
$dir = sys_get_temp_dir() . '/swoole-ops-daemon-' . substr(md5(__DIR__), 0, 12);
require __DIR__ . '/include/stop_daemon.php';
stop_daemon("$dir/server.pid", 'ops_server.php');
array_map('unlink', glob("$dir/*"));
@rmdir($dir);
?>
--EXPECT--
launcher exited: 0
pid file holds a live pid that is not the launcher: true
uid=N gid=N pid=N
bool(true)
bool(true)
bool(true)
the worker's own output follows too: true
stopped: true; pid file removed: true
