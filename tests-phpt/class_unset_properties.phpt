--TEST--
unset() of a property that Server, Server\Port, Client, Lock, Process, Process\Pool, Http\Request or Http\Response declares throws Error "Property X of class Y cannot be unset" (a subclass's name in it); a subclass's own and run-time properties, and those of Http\Cookie and WebSocket\Frame, unset as usual
--EXTENSIONS--
swoole
--FILE--
<?php
function try_unset(string $label, object $o, string $p): void {
    try {
        unset($o->$p);
        echo "$label->$p: unset\n";
    } catch (Error $e) {
        echo "$label->$p: ", $e->getMessage(), "\n";
    }
}
#[AllowDynamicProperties]
class MyClient extends Swoole\Client { public $mine = 1; }
$pool = new Swoole\Process\Pool(1);
$server = new Swoole\Http\Server('127.0.0.1', 0);
$port = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$client = new MyClient(SWOOLE_SOCK_TCP);
$client->dynamic = 2;
$cases = [
    ['server', $server, 'setting'], ['server', $server, 'master_pid'], ['port', $port, 'host'],
    ['client', $client, 'errCode'], ['client', $client, 'mine'], ['client', $client, 'dynamic'],
    ['lock', new Swoole\Lock(), 'errCode'], ['process', new Swoole\Process(function () {}), 'pipe'],
    ['pool', $pool, 'workers'], ['request', new Swoole\Http\Request(), 'get'], ['response', new Swoole\Http\Response(), 'fd'],
    ['cookie', new Swoole\Http\Cookie(), 'name'], ['frame', new Swoole\WebSocket\Frame(), 'data'],
];
foreach ($cases as [$label, $o, $p]) {
    try_unset($label, $o, $p);
}
var_dump(property_exists($server, 'setting'), $client->errCode);
?>
--EXPECT--
server->setting: Property setting of class Swoole\Http\Server cannot be unset
server->master_pid: Property master_pid of class Swoole\Http\Server cannot be unset
port->host: Property host of class Swoole\Server\Port cannot be unset
client->errCode: Property errCode of class MyClient cannot be unset
client->mine: unset
client->dynamic: unset
lock->errCode: Property errCode of class Swoole\Lock cannot be unset
process->pipe: Property pipe of class Swoole\Process cannot be unset
pool->workers: Property workers of class Swoole\Process\Pool cannot be unset
request->get: Property get of class Swoole\Http\Request cannot be unset
response->fd: Property fd of class Swoole\Http\Response cannot be unset
cookie->name: unset
frame->data: unset
bool(true)
int(0)
