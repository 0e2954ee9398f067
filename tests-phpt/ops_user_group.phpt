--TEST--
Operations: with user/group set, workers run as that user and group (the master stays root)
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
if (posix_geteuid() !== 0) die('skip needs root');
if (!posix_getpwnam('nobody')) die('skip no user nobody');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$nobody = posix_getpwnam('nobody');
$group = posix_getgrgid($nobody['gid'])['name'];
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/ops_server.php', [$port, json_encode(['user' => 'nobody', 'group' => $group])]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^worker \d started$/', 2);
$c = new TestClient($port);
preg_match('/^uid=(\d+) gid=(\d+) pid=(\d+)$/', ask($c, 'whoami'), $m);
var_dump((int)$m[1] === $nobody['uid'], (int)$m[2] === $nobody['gid']);
echo "master still root: ", var_export(fileowner("/proc/{$srv->pid}") === 0, true), "\n";
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
bool(true)
bool(true)
master still root: true
int(0)
