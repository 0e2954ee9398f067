<?php
// Seed 003 (section "## 延迟执行()" (defer) example): the seed's query() as written, called from
// onReceive of a minimal one-worker server with a stand-in $db whose close() tells the client.
// onReceive answers "query returned" itself; the deferred close() runs after it.
function query($server, $db) {
    $server->defer(function() use ($db) {
        $db->close();
    });
}

class Db
{
    public function __construct(private Swoole\Server $server, private int $fd)
    {
    }

    public function close()
    {
        $this->server->send($this->fd, "db closed\n");
    }
}

$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('receive', function ($server, $fd, $reactor_id, $data) {
    query($server, new Db($server, $fd));
    $server->send($fd, "query returned\n");
});
$server->start();
