--TEST--
Server, both modes: pcntl_fork() inside onReceive forks (Swoole 6 refuses it in its coroutine callbacks; there are none here); the child's exit() ends only the child: the worker is not replaced, no onWorkerError or onClose runs, and the connection the child shared stays open, so the worker's replies after it reach the client
--EXTENSIONS--
swoole
posix
pcntl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('Start', fn() => print("started\n"));
$server->on('WorkerStart', fn($s, $id) => print("workerStart $id\n"));
$server->on('WorkerError', fn($s, $id, $pid, $code, $sig) => print("workerError $id code=$code\n"));
$server->on('Close', fn($s, $fd) => print("close $fd\n"));
$server->on('Receive', function ($server, $fd, $rid, $data) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        exit(3);
    }
    pcntl_waitpid($pid, $status);
    $server->send($fd, "forked=" . (int)($pid > 0) . " child_exit=" . pcntl_wexitstatus($status) . ";");
});
$server->start();
PHP;

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [$port = free_port(), $mode]);
    $srv->waitForLine('/^workerStart 0$/');
    $c = new TestClient($port);
    foreach (['a', 'b'] as $msg) {
        $c->send($msg);
        echo "client: ", $c->recvExactly(strlen('forked=1 child_exit=3;')), "\n";
    }
    $c->close();
    $srv->waitForLine('/^close /');
    $out = $srv->stop();
    foreach (explode("\n", without_log_copies($out)) as $line) {
        if ($line !== '' && $line !== 'started') {
            echo $line, "\n";
        }
    }
}
?>
--EXPECT--
--- base
client: forked=1 child_exit=3;
client: forked=1 child_exit=3;
workerStart 0
close 1
--- process
client: forked=1 child_exit=3;
client: forked=1 child_exit=3;
workerStart 0
close 1
