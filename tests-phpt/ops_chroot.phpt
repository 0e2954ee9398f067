--TEST--
Operations: with chroot (and user/group), workers see the given directory as "/" and run as that user; the master keeps the real root
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

$jail = sys_get_temp_dir() . '/swoole-chroot-' . getmypid();
@mkdir($jail);
touch("$jail/only-in-the-jail");
$nobody = posix_getpwnam('nobody');
$group = posix_getgrgid($nobody['gid'])['name'];
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/ops_server.php',
    [$port, json_encode(['chroot' => $jail, 'user' => 'nobody', 'group' => $group])]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^worker \d started$/', 2);
$c = new TestClient($port);
echo ask($c, 'root'), "\n";
preg_match('/^uid=(\d+) gid=(\d+) pid=(\d+)$/', ask($c, 'whoami'), $m);
var_dump((int)$m[1] === $nobody['uid']);
echo "master's root: ", var_export(readlink("/proc/{$srv->pid}/root"), true), "\n";
echo "worker's root: ", var_export(readlink("/proc/{$m[3]}/root") === $jail, true), "\n";
$c->close();
$srv->stop();
var_dump($srv->exitCode);
unlink("$jail/only-in-the-jail");
rmdir($jail);
?>
--EXPECT--
root=only-in-the-jail
bool(true)
master's root: '/'
worker's root: true
int(0)
