--TEST--
Operations: log_rotation writes to log_file.<date>, log_date_format and log_date_with_microseconds shape the date, display_errors leaves PHP's display_errors as it was in workers (it is Swoole's own switch: server_display_errors.phpt)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$dir = sys_get_temp_dir() . '/swoole-logfmt-' . getmypid();
@mkdir($dir);
$log = "$dir/server.log";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/log_format_server.php', [$port, $log]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 2);

$c = new TestClient($port);
echo ask($c, 'ini'), "\n";
echo ask($c, 'reload'), "\n";
$srv->waitForLine('/^onAfterReload$/');
$c->close();

// Daily rotation: the file is log_file.YYYYMMDD (the date of today, local time).
$files = array_map('basename', glob("$dir/*"));
var_dump($files === ['server.log.' . date('Ymd')] || $files === ['server.log.' . date('Ymd', time() - 60)]);
$lines = file("$dir/" . $files[0], FILE_IGNORE_NEW_LINES);
$line = array_values(preg_grep('/Server is reloading all workers now/', $lines))[0] ?? '(none)';
// '%d/%m/%Y %H.%M' with microseconds, written by the manager ($pid.0):
// [22/11/2026 10.41<.123456> $4242.0]
var_dump((bool)preg_match('~^\[\d\d/\d\d/\d{4} \d\d\.\d\d<\.\d{6}> \$\d+\.0\]\tINFO\tServer is reloading all workers now$~', $line));
echo $line === '(none)' ? implode("\n", $lines) . "\n" : '';

$srv->stop();
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
display_errors='stderr'
reload=true
bool(true)
bool(true)
