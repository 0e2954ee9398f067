--TEST--
Outside the running server (before start() and again after it returned), the methods that need it warn "server is not running" and return false with last error 503, as Swoole's warnings leave it; shutdown() says nothing and leaves 509 (wrong operation); the pid getters and getLastError() answer without a warning
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$calls = [
    'send' => fn() => $s->send(1, 'x'),
    'sendto' => fn() => $s->sendto('127.0.0.1', 9, 'x'),
    'close' => fn() => $s->close(1),
    'shutdown' => fn() => $s->shutdown(),
    'reload' => fn() => $s->reload(),
    'task' => fn() => $s->task('x'),
    'sendMessage' => fn() => $s->sendMessage('x', 0),
    'bind' => fn() => $s->bind(1, 1),
    'pause' => fn() => $s->pause(1),
    'exists' => fn() => $s->exists(1),
    'getClientInfo' => fn() => $s->getClientInfo(1),
    'getClientList' => fn() => $s->getClientList(),
    'getWorkerStatus' => fn() => $s->getWorkerStatus(),
    'stats' => fn() => $s->stats(),
    'heartbeat' => fn() => $s->heartbeat(),
    'getManagerPid' => fn() => $s->getManagerPid(),
];
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        $r = @$call();
        $w = error_get_last()['message'] ?? '-';
        error_clear_last();
        printf("%s: %s %d %s\n", $name, var_export($r, true), swoole_last_error(), $w);
    }
}
probe($calls);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_NONE]);
$s->on('receive', function () {});
$s->on('workerStart', function ($s) { $s->shutdown(); });
$s->start();
echo "-- after start()\n";
unset($calls['getManagerPid']);
probe($calls);
?>
--EXPECT--
send: false 503 Swoole\Server::send(): server is not running
sendto: false 503 Swoole\Server::sendto(): server is not running
close: false 503 Swoole\Server::close(): server is not running
shutdown: false 509 -
reload: false 503 Swoole\Server::reload(): server is not running
task: false 503 Swoole\Server::task(): server is not running
sendMessage: false 503 Swoole\Server::sendMessage(): server is not running
bind: false 503 Swoole\Server::bind(): server is not running
pause: false 503 Swoole\Server::pause(): server is not running
exists: false 503 Swoole\Server::exists(): server is not running
getClientInfo: false 503 Swoole\Server::getClientInfo(): server is not running
getClientList: false 503 Swoole\Server::getClientList(): server is not running
getWorkerStatus: false 503 Swoole\Server::getWorkerStatus(): server is not running
stats: false 503 Swoole\Server::stats(): server is not running
heartbeat: false 503 Swoole\Server::heartbeat(): server is not running
getManagerPid: 0 0 -
-- after start()
send: false 503 Swoole\Server::send(): server is not running
sendto: false 503 Swoole\Server::sendto(): server is not running
close: false 503 Swoole\Server::close(): server is not running
shutdown: false 509 -
reload: false 503 Swoole\Server::reload(): server is not running
task: false 503 Swoole\Server::task(): server is not running
sendMessage: false 503 Swoole\Server::sendMessage(): server is not running
bind: false 503 Swoole\Server::bind(): server is not running
pause: false 503 Swoole\Server::pause(): server is not running
exists: false 503 Swoole\Server::exists(): server is not running
getClientInfo: false 503 Swoole\Server::getClientInfo(): server is not running
getClientList: false 503 Swoole\Server::getClientList(): server is not running
getWorkerStatus: false 503 Swoole\Server::getWorkerStatus(): server is not running
stats: false 503 Swoole\Server::stats(): server is not running
heartbeat: false 503 Swoole\Server::heartbeat(): server is not running
