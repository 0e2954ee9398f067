<?php
/**
 * addCommand()/command() (issue 7, after seed 003's example, which uses the
 * HTTP server): usage: PORT base|process. onStart (the master in PROCESS
 * mode, worker 0 in BASE mode) runs every command and prints what came back.
 */
$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$server->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_NOTICE]);
var_dump($server->addCommand('test_getpid', SWOOLE_SERVER_COMMAND_MASTER | SWOOLE_SERVER_COMMAND_EVENT_WORKER,
    function ($server, $data) {
        return json_encode(['pid' => posix_getpid(), 'data' => $data]);
    }));
var_dump($server->addCommand('test_getpid', SWOOLE_SERVER_COMMAND_MASTER, fn() => 'dup'));
var_dump($server->addCommand('thread', SWOOLE_SERVER_COMMAND_REACTOR_THREAD, fn() => 'x'));
var_dump($server->addCommand('where', SWOOLE_SERVER_COMMAND_MANAGER | SWOOLE_SERVER_COMMAND_TASK_WORKER,
    function ($server, $data) {
        return json_encode(['pid' => posix_getpid(), 'taskworker' => $server->taskworker]);
    }));
var_dump($server->addCommand('bad', SWOOLE_SERVER_COMMAND_EVENT_WORKER, fn() => 42));

$server->on('start', function (Swoole\Server $serv) {
    $me = getmypid();
    $r = $serv->command('test_getpid', 0, SWOOLE_SERVER_COMMAND_MASTER, ['type' => 'master']);
    echo "master: ", var_export($r['pid'] === $me, true), " data=", $r['data'], "\n";
    $r = $serv->command('test_getpid', 1, SWOOLE_SERVER_COMMAND_EVENT_WORKER, ['type' => 'worker']);
    echo "worker 1: ", var_export($r['pid'] === $serv->getWorkerPid(1) && $r['pid'] !== $me, true), " data=", $r['data'], "\n";
    var_dump($serv->command('test_not_found', 1, SWOOLE_SERVER_COMMAND_EVENT_WORKER, ['type' => 'worker']));
    $r = $serv->command('where', 0, SWOOLE_SERVER_COMMAND_MANAGER, null);
    echo "manager: ", var_export($r['pid'] === $serv->getManagerPid() && $r['taskworker'] === false, true), "\n";
    $r = $serv->command('where', 0, SWOOLE_SERVER_COMMAND_TASK_WORKER, 1);
    echo "task worker 0: ", var_export($r['pid'] === $serv->getWorkerPid(2) && $r['taskworker'] === true, true), "\n";
    var_dump($serv->command('test_getpid', 0, SWOOLE_SERVER_COMMAND_MANAGER, 1));   // not accepted there
    var_dump($serv->command('test_getpid', 5, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1)); // no worker 5
    var_dump($serv->command('test_getpid', PHP_INT_MAX, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1));
    $raw = $serv->command('test_getpid', 1, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 'x', false);
    echo "raw: ", var_export(is_string($raw) && json_decode($raw, true)['data'] === '"x"', true), "\n";
    echo "bad: ", json_encode($serv->command('bad', 1, SWOOLE_SERVER_COMMAND_EVENT_WORKER, 1)), "\n";
    var_dump($serv->addCommand('late', SWOOLE_SERVER_COMMAND_MASTER, fn() => ''));
    echo "done\n";
    $serv->shutdown();
});
$server->on('receive', function () {});
$server->on('task', function () {});
$server->start();
