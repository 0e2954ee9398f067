--TEST--
Server: a worker that dies right after starting is restarted after a 1 s backoff, not in a tight fork loop
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$counter = tempnam(sys_get_temp_dir(), 'swoole-backoff');
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/failing_start.php', [$port, $counter], ['log_errors' => 0]);
kill_on_exit($srv);
wait_for_port($port);
$errors = $srv->waitForLines('/^onWorkerError id=1 /', 2);
$started = $srv->waitForLine('/^started id=1 /');
$t = fn(string $line) => (float)substr(strrchr($line, '='), 1);
// each restart waited out the backoff (allowing for timer slack)
var_dump($t($errors[1]) - $t($errors[0]) >= 0.9);
var_dump($t($started) - $t($errors[1]) >= 0.9);
echo file_get_contents($counter), "\n";
$out = $srv->stop();
echo count(preg_grep('/restarting it in 1s/', explode("\n", $out))), "\n";
var_dump($srv->exitCode);
unlink($counter);
?>
--EXPECT--
bool(true)
bool(true)
3
2
int(0)
