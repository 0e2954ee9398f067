--TEST--
Operations, both modes: pid_file is created exclusively with mode 0644 whatever the umask, replaces a stale file, refuses a live one and a symlink; log_file refuses a symlink; start() says why and nothing is written through a link
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$dir = sys_get_temp_dir() . '/swoole-pidlog-' . getmypid();
@mkdir($dir);
$target = "$dir/target";

function run(string $mode, array $settings): ServerProcess
{
    $srv = new ServerProcess(__DIR__ . '/servers/user_server.php', [free_port(), $mode, json_encode($settings)]);
    kill_on_exit($srv);
    return $srv;
}

function refusal(ServerProcess $srv): string
{
    $out = preg_replace(['/ in \S+ on line \d+/', '/^(PHP )?Warning:\s+/m'], ['', 'Warning: '], $srv->wait());
    return implode(' / ', array_unique(preg_grep('/^(Warning|start)/', explode("\n", $out))));
}

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $pid_file = "$dir/server.pid";
    file_put_contents($pid_file, "2147483646\n");       // no such process: stale
    $old = umask(077);
    $srv = run($mode, ['pid_file' => $pid_file]);
    umask($old);
    $srv->waitForLine('/^worker 0 /');
    clearstatcache();
    echo "stale file replaced by the master's pid: ", var_export(trim(file_get_contents($pid_file)) === (string)$srv->pid, true),
        ", mode ", decoct(fileperms($pid_file) & 0777), "\n";
    $srv->stop();
    clearstatcache();
    echo "removed at the end: ", var_export(!file_exists($pid_file), true), "\n";

    file_put_contents($pid_file, getmypid());            // a live pid
    echo str_replace((string)getmypid(), 'PID', refusal(run($mode, ['pid_file' => $pid_file]))), "\n";
    echo "kept: ", var_export(trim(file_get_contents($pid_file)) === (string)getmypid(), true), "\n";
    unlink($pid_file);

    file_put_contents($target, 'untouched');
    symlink($target, $pid_file);
    echo str_replace($dir, 'DIR', refusal(run($mode, ['pid_file' => $pid_file]))), "\n";
    $log_file = "$dir/server.log";
    symlink($target, $log_file);
    echo str_replace($dir, 'DIR', refusal(run($mode, ['log_file' => $log_file]))), "\n";
    echo "target: ", file_get_contents($target), "\n";
    unlink($pid_file);
    unlink($log_file);
}
unlink($target);
rmdir($dir);
?>
--EXPECTF--
--- base
stale file replaced by the master's pid: true, mode 644
removed at the end: true
Warning: Swoole\Server::start(): pid_file [%s/server.pid] cannot be written: it holds pid PID, which is running: is the server already running? / start() returned false
kept: true
Warning: Swoole\Server::start(): pid_file [DIR/server.pid] cannot be written: it exists and is not a regular file (a symlink?) / start() returned false
Warning: Swoole\Server::start(): log_file [DIR/server.log] cannot be opened: Too many levels of symbolic links (os error 40) / start() returned false
target: untouched
--- process
stale file replaced by the master's pid: true, mode 644
removed at the end: true
Warning: Swoole\Server::start(): pid_file [%s/server.pid] cannot be written: it holds pid PID, which is running: is the server already running? / start() returned false
kept: true
Warning: Swoole\Server::start(): pid_file [DIR/server.pid] cannot be written: it exists and is not a regular file (a symlink?) / start() returned false
Warning: Swoole\Server::start(): log_file [DIR/server.log] cannot be opened: Too many levels of symbolic links (os error 40) / start() returned false
target: untouched
