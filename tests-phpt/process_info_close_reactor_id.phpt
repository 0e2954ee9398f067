--TEST--
PROCESS onClose: $reactor_id is -1 when the server closed the connection (close() from its own or another worker), the reactor id when the client did
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

[$srv, $port, $pids, $manager] = pd_start(2, 2, 'events,reactors=2');

$a = new TestClient($port);
$b = new TestClient($port);
$c = new TestClient($port);
$whoA = pd_who($a);
$whoB = pd_who($b);
$whoC = pd_who($c);

/** The $reactor_id onClose got for $fd. */
function close_rid(ServerProcess $srv, int $fd): string
{
    $line = $srv->waitForLine("/^onClose fd=$fd /");
    return preg_match('/ rid=(-?\d+) /', $line, $m) ? $m[1] : $line;
}

// a connection closes itself through the server
$a->send("close {$whoA['fd']}");
echo "a: closed by the server: ", json_encode($a->recvAll()), "\n";
echo "a: onClose \$reactor_id: ", close_rid($srv, $whoA['fd']), "\n";

// b asks the server to close c
echo "b: ", ask($b, "close {$whoC['fd']}"), "\n";
echo "c: closed by the server: ", json_encode($c->recvAll()), "\n";
echo "c: onClose \$reactor_id: ", close_rid($srv, $whoC['fd']), "\n";

// b closes itself from the client side: the reactor id, as always
$b->close();
same((int)close_rid($srv, $whoB['fd']), $whoB['info_rid']);

pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
a: closed by the server: ""
a: onClose $reactor_id: -1
b: close=true
c: closed by the server: ""
c: onClose $reactor_id: -1
as expected
stopped cleanly
