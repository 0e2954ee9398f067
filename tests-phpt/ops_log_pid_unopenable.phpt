--TEST--
Server: a log_file or pid_file in a directory that does not exist makes start() warn and return false before anything is forked (a difference: Swoole logs the failed open and serves on without the file); the server object is not started and a second server in the same script starts
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

$missing = sys_get_temp_dir() . '/no-such-dir-' . getmypid() . '-' . bin2hex(random_bytes(3));
foreach (['log_file' => "$missing/x.log", 'pid_file' => "$missing/x.pid"] as $key => $path) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set([$key => $path, 'worker_num' => 1]);
    $s->on('Receive', fn() => null);
    $s->on('WorkerStart', fn() => print("workerStart: not expected\n"));
    $r = $s->start();
    echo "$key: start() = ", var_export($r, true), ", directory made: ", var_export(is_dir($missing), true), "\n";
}
$ok = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$ok->set(['worker_num' => 1]);
$ok->on('Receive', fn() => null);
$ok->on('WorkerStart', function ($s) { echo "the next server starts\n"; $s->shutdown(); });
var_dump($ok->start());
?>
--EXPECTF--
Warning: Swoole\Server::start(): log_file [%s/x.log] cannot be opened: No such file or directory (os error 2) in %s on line %d
log_file: start() = false, directory made: false

Warning: Swoole\Server::start(): pid_file [%s/x.pid] cannot be written: No such file or directory (os error 2) in %s on line %d
pid_file: start() = false, directory made: false
the next server starts
bool(true)
