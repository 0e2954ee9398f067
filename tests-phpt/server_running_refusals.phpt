--TEST--
A running server refuses misuse in Swoole's words and codes: configuration calls after start() (on, set, addListener, listen, addProcess, addCommand, start) warn with last error 503, as do getClientList() past 100, sendMessage() without onPipeMessage, bind() with a uid out of range, a task to a task worker that does not exist, sendto() without a UDP (UDP6) port and the task calls inside a task worker; stop() of a worker that does not exist is false with 505 and no warning; a negative worker id is the caller's own; sendfile() refuses a negative offset or length (510) and a path that is not a regular file (9013) and the connection stays usable
--EXTENSIONS--
swoole
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swoole-refusals-' . getmypid();
@mkdir($dir);
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_NONE]);
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        $r = @$call();
        $w = error_get_last()['message'] ?? '-';
        error_clear_last();
        printf("%s: %s %d %s\n", $name, json_encode($r), swoole_last_error(), $w);
    }
}
$s->on('receive', function () {});
$s->on('workerStart', function ($s, $id) {
    if ($s->taskworker) {
        return;
    }
    probe([
        'on' => fn() => $s->on('connect', fn() => null),
        'set' => fn() => $s->set(['worker_num' => 2]),
        'addListener' => fn() => $s->addListener('127.0.0.1', 0, SWOOLE_TCP),
        'listen' => fn() => $s->listen('127.0.0.1', 0, SWOOLE_TCP),
        'addProcess' => fn() => $s->addProcess(new Swoole\Process(fn() => null)),
        'addCommand' => fn() => $s->addCommand('x', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn() => null),
        'start' => fn() => $s->start(),
        'getClientList' => fn() => $s->getClientList(0, 101),
        'sendMessage' => fn() => $s->sendMessage('x', 1),
        'bind' => fn() => $s->bind(1, 1 << 40),
        'task' => fn() => $s->task('x', 5),
        'taskwait' => fn() => $s->taskwait('x', 0.5, 5),
        'stop' => fn() => $s->stop(7),
        'getWorkerStatus' => fn() => $s->getWorkerStatus(-5),
        'getWorkerPid' => fn() => $s->getWorkerPid(-5) === getmypid(),
        'sendto' => fn() => $s->sendto('127.0.0.1', 9, 'x'),
        'sendto6' => fn() => $s->sendto('::1', 9, 'x'),
    ]);
    $GLOBALS['client'] = stream_socket_client('tcp://127.0.0.1:' . $s->port);
});
$s->on('connect', function ($s, $fd) {
    global $dir;
    echo "-- connection\n";
    probe([
        'sendfile offset' => fn() => $s->sendfile($fd, __FILE__, -1),
        'sendfile length' => fn() => $s->sendfile($fd, __FILE__, 0, -1),
        'sendfile dir' => fn() => $s->sendfile($fd, $dir),
        'still there' => fn() => $s->exists($fd) && $s->send($fd, 'ok'),
    ]);
    $s->task('go');
});
$s->on('task', function ($s, $id, $src, $data) {
    echo "-- task worker\n";
    probe([
        'task' => fn() => $s->task('x'),
        'taskwait' => fn() => $s->taskwait('x'),
        'taskWaitMulti' => fn() => $s->taskWaitMulti(['x']),
    ]);
    return 'done';
});
$s->on('finish', function ($s) {
    echo "client got: ", fread($GLOBALS['client'], 10), "\n";
    $s->shutdown();
});
$s->start();
rmdir($dir);
?>
--EXPECTF--
on: false 503 Swoole\Server::on(): server is running, unable to register event callback function
set: false 503 Swoole\Server::set(): server is running, unable to execute Swoole\Server->set
addListener: false 503 Swoole\Server::addlistener(): server is running, cannot add listener
listen: false 503 Swoole\Server::listen(): server is running, cannot add listener
addProcess: false 503 Swoole\Server::addProcess(): server is running, cannot add process
addCommand: false 503 Swoole\Server::addCommand(): server is running, can't add command
start: false 503 Swoole\Server::start(): The server is running, unable to execute Swoole\Server->start()
getClientList: false 503 Swoole\Server::getClientList(): swoole connection list max_find_count=100
sendMessage: false 503 Swoole\Server::sendMessage(): onPipeMessage is null, can't use sendMessage
bind: false 503 Swoole\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648
task: false 503 Swoole\Server::task(): worker_id must be less than task_worker_num[1]
taskwait: false 503 Swoole\Server::taskwait(): worker_id must be less than task_worker_num[1]
stop: false 505 -
getWorkerStatus: 2 0 -
getWorkerPid: true 0 -
sendto: false 503 Swoole\Server::sendto(): UDP listener has to be added before executing sendto
sendto6: false 503 Swoole\Server::sendto(): UDP6 listener has to be added before executing sendto
-- connection
sendfile offset: false 510 Swoole\Server::sendfile(): parameter $offset[-1] must be greater than or equal to 0
sendfile length: false 510 Swoole\Server::sendfile(): parameter $length[-1] must be greater than or equal to 0
sendfile dir: false 9013 %s
still there: true 0 -
-- task worker
task: false 503 Swoole\Server::task(): Server->task() cannot use in the task-worker
taskwait: false 503 Swoole\Server::taskwait(): taskwait method can only be used in the worker process
taskWaitMulti: false 503 Swoole\Server::taskWaitMulti(): taskWaitMulti method can only be used in the worker process
client got: ok
