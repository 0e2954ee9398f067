--TEST--
Server, both modes: send($fd, $data) gives the same results whichever way it is called: exact int and string (the common call, which takes a short path), a numeric-string or float $fd, a third argument, an int $data, a subclass of Server; a stale fd fails with 1005 without a warning; empty data warns as Swoole ("the data sent must not be empty", 550), fd <= 0 warns "invalid fd[N]"; sendto() with empty data the same (550)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$code = <<<'PHP'
<?php
class MyServer extends Swoole\Server {}
$class = $argv[3] === 'sub' ? MyServer::class : Swoole\Server::class;
$server = new $class('127.0.0.1', (int)$argv[1], $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('Start', fn() => print("started\n"));
$server->on('Receive', function ($server, $fd, $rid, $data) {
    $show = function (string $what, $r) use ($server) {
        echo "$what: ", var_export($r, true), " err=", $server->getLastError(), "\n";
    };
    $show('int fd', $server->send($fd, "A:$data;"));
    $show('string fd', $server->send((string)$fd, "B:$data;"));
    $show('third argument', $server->send($fd, "C:$data;", -1));
    $show('int data', $server->send($fd, 5));
    $show('float fd', $server->send(1.0 * $fd, "D;"));
    $show('stale fd', $server->send($fd + 1000, "x"));
    $show('empty data', $server->send($fd, ""));
    $show('fd -3', $server->send(-3, "x"));
    $show('fd 0', $server->send(0, "x"));
    $show('sendto empty', $server->sendto('127.0.0.1', 9, ''));
    $show('after', $server->send($fd, "E;"));
});
$server->start();
PHP;

foreach ([['base', 'plain'], ['process', 'plain'], ['base', 'sub']] as [$mode, $class]) {
    echo "--- $mode $class\n";
    $srv = server_from_code($code, [$port = free_port(), $mode, $class]);
    $srv->waitForLine('/^started$/');
    $c = new TestClient($port);
    $c->send('hi');
    $want = 'A:hi;B:hi;C:hi;5D;E;';
    echo "client: ", $c->recvExactly(strlen($want)), "\n";
    $srv->waitForLine('/^after: /');
    foreach (explode("\n", without_log_copies($srv->output())) as $line) {
        if ($line !== '' && $line !== 'started') {
            echo preg_replace('/ in \S+ on line \d+$/', '', $line), "\n";
        }
    }
    $c->close();
    $srv->stop();
}
?>
--EXPECTF--
--- base plain
client: A:hi;B:hi;C:hi;5D;E;
int fd: true err=0
string fd: true err=0
third argument: true err=0
int data: true err=0
float fd: true err=0
stale fd: false err=1005
%AWarning: Swoole\Server::send(): the data sent must not be empty
empty data: false err=550
%AWarning: Swoole\Server::send(): invalid fd[-3]
fd -3: false err=1006
%AWarning: Swoole\Server::send(): invalid fd[0]
fd 0: false err=1006
%AWarning: Swoole\Server::sendto(): the data sent must not be empty
sendto empty: false err=550
after: true err=550
--- process plain
client: A:hi;B:hi;C:hi;5D;E;
int fd: true err=0
string fd: true err=0
third argument: true err=0
int data: true err=0
float fd: true err=0
stale fd: false err=1005
%AWarning: Swoole\Server::send(): the data sent must not be empty
empty data: false err=550
%AWarning: Swoole\Server::send(): invalid fd[-3]
fd -3: false err=1006
%AWarning: Swoole\Server::send(): invalid fd[0]
fd 0: false err=1006
%AWarning: Swoole\Server::sendto(): the data sent must not be empty
sendto empty: false err=550
after: true err=550
--- base sub
client: A:hi;B:hi;C:hi;5D;E;
int fd: true err=0
string fd: true err=0
third argument: true err=0
int data: true err=0
float fd: true err=0
stale fd: false err=1005
%AWarning: Swoole\Server::send(): the data sent must not be empty
empty data: false err=550
%AWarning: Swoole\Server::send(): invalid fd[-3]
fd -3: false err=1006
%AWarning: Swoole\Server::send(): invalid fd[0]
fd 0: false err=1006
%AWarning: Swoole\Server::sendto(): the data sent must not be empty
sendto empty: false err=550
after: true err=550
