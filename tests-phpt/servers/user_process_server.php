<?php
/**
 * A one-worker SWOOLE_BASE TCP server with one user process (Server::addProcess),
 * for the process_server_* tests. Every event prints a line, so tests can wait for it.
 *
 * usage: php user_process_server.php PORT
 *
 * The user process (no coroutines) runs an event loop on its pipe:
 *   - it prints "user start pid=N" when it starts (its SIGTERM handler set),
 *   - a message "exit N" on its pipe makes it print "user exit N pid=N" and exit with code N,
 *   - SIGTERM makes it print "user SIGTERM pid=N" and exit with code 0.
 *
 * Commands to the worker (one per message, each reply is one line):
 *   stats      -> "user_worker_num=<stats()['user_worker_num']>"
 *   userexit N -> writes "exit N" to the user process, replies "sent"
 *   other      -> "echo:<data>"
 */
require __DIR__ . '/../include/bootstrap.php';

$port = (int)($argv[1] ?? 0);

$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
$server->set(['worker_num' => 1]);

$process = new Swoole\Process(function (Swoole\Process $proc) {
    $pid = getmypid();
    Swoole\Process::signal(SIGTERM, function () use ($proc, $pid) {
        echo "user SIGTERM pid=$pid\n";
        $proc->exit(0);
    });
    // Printed once the handler is in place: a test that waits for this line
    // and then sends SIGTERM must not race the registration.
    echo "user start pid=$pid\n";
    Swoole\Event::add($proc->pipe, function () use ($proc, $pid) {
        $msg = $proc->read();
        if (preg_match('/^exit (\d+)$/', (string)$msg, $m)) {
            echo "user exit {$m[1]} pid=$pid\n";
            $proc->exit((int)$m[1]);
        }
    });
    Swoole\Event::wait();
}, false, SOCK_DGRAM, false);

$id = $server->addProcess($process);
echo "addProcess returned an int: " . var_export(is_int($id), true) . "\n";

$server->on('workerStart', function (Swoole\Server $s, int $id) {
    echo "onWorkerStart id=$id pid=" . getmypid() . "\n";
});

$server->on('receive', function (Swoole\Server $s, int $fd, int $rid, string $data) use ($process) {
    $parts = explode(' ', trim($data));
    switch ($parts[0]) {
        case 'stats':
            $reply = 'user_worker_num=' . var_export($s->stats()['user_worker_num'] ?? null, true);
            break;
        case 'userexit':
            $process->write('exit ' . (int)($parts[1] ?? 0));
            $reply = 'sent';
            break;
        default:
            $reply = "echo:$data";
    }
    $s->send($fd, $reply . "\n");
});

$ret = $server->start();
// Printed once start() has returned: every child must have been reaped by now.
echo "after start: " . var_export($ret, true) . " pid=" . getmypid()
    . " children=" . json_encode(child_pids(getmypid())) . "\n";
