--TEST--
swoole_client_select()/swoole_select(): clients, processes, streams and fds in by-reference arrays cut to the ready ones (keys kept); timeouts; bad input
--EXTENSIONS--
swoole
--FILE--
<?php
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
[$host, $port] = explode(':', stream_socket_get_name($srv, false));
$client = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($client->connect($host, (int)$port, 1));
$peer = stream_socket_accept($srv);

echo "== nothing to read, writable\n";
$r = ['c' => $client]; $w = ['c' => $client]; $e = [$client];
var_dump(swoole_client_select($r, $w, $e, 0), array_keys($r), array_keys($w), $e);

echo "== data arrives: only the readable entries stay, with their keys\n";
fwrite($peer, 'hi');
$r = ['client' => $client, 'listener' => $srv, 7 => $peer];
$w = [];
$e = null;
var_dump(swoole_select($r, $w, $e, 1.0), array_keys($r), $w, $e);
var_dump($client->recv());

echo "== a new connection makes the listening stream readable\n";
$other = stream_socket_client("tcp://$host:$port");
$r = [$srv];
var_dump(swoole_client_select($r, $w, $e, 1.0), count($r));
$accepted = stream_socket_accept($srv);

echo "== a process pipe and a plain descriptor\n";
$proc = new Swoole\Process(function () {}, false, SOCK_STREAM);
$r = [$proc]; $w = [$proc];
var_dump(swoole_client_select($r, $w, $e, 0), count($r), count($w));
$r = [(int)$proc->pipe]; $w = null;
var_dump(swoole_client_select($r, $w, $e, 0), $r);

echo "== a timeout waits that long; 0 does not wait\n";
$r = [$srv]; $w = null;
$t = microtime(true);
var_dump(swoole_client_select($r, $w, $e, 0.2), $r);
var_dump(microtime(true) - $t >= 0.15);
$r = [$srv];
$t = microtime(true);
var_dump(swoole_client_select($r, $w, $e, 0));
var_dump(microtime(true) - $t < 0.1);

echo "== the same entry twice counts twice\n";
fwrite($peer, 'x');
usleep(20000);
$r = [$client, $client];
var_dump(swoole_client_select($r, $w, $e, 1.0), count($r));
$client->recv();

echo "== an fd that is not open counts, and is not ready\n";
$r = []; $w = [987654];
var_dump(swoole_client_select($r, $w, $e, 0), $w);

echo "== bad input\n";
$r = []; $w = []; $e = [];
var_dump(swoole_client_select($r, $w, $e));
$r = $w = $e = null;
var_dump(swoole_client_select($r, $w, $e));
$r = ['x', -5, new stdClass, new Swoole\Client(SWOOLE_SOCK_TCP)];
var_dump(swoole_client_select($r, $w, $e, 0));
$r = [fopen('php://memory', 'r')];
var_dump(swoole_client_select($r, $w, $e, 0));
$r = 'not an array';
try {
    swoole_client_select($r, $w, $e);
} catch (TypeError $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}
try {
    swoole_client_select($r);
} catch (ArgumentCountError $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
== nothing to read, writable
int(1)
array(0) {
}
array(1) {
  [0]=>
  string(1) "c"
}
array(0) {
}
== data arrives: only the readable entries stay, with their keys
int(1)
array(1) {
  [0]=>
  string(6) "client"
}
array(0) {
}
NULL
string(2) "hi"
== a new connection makes the listening stream readable
int(1)
int(1)
== a process pipe and a plain descriptor
int(1)
int(0)
int(1)
int(0)
array(0) {
}
== a timeout waits that long; 0 does not wait
int(0)
array(0) {
}
bool(true)
int(0)
bool(true)
== the same entry twice counts twice
int(2)
int(2)
== an fd that is not open counts, and is not ready
int(1)
array(0) {
}
== bad input

Warning: swoole_client_select(): no resource arrays were passed to select in %s on line %d
bool(false)

Warning: swoole_client_select(): no resource arrays were passed to select in %s on line %d
bool(false)

Warning: swoole_client_select(): invalid file descriptor passed in %s on line %d

Warning: swoole_client_select(): invalid file descriptor#-5 passed in %s on line %d

Warning: swoole_client_select(): no resource arrays were passed to select in %s on line %d
bool(false)

Warning: swoole_client_select(): Cannot represent a stream of type MEMORY as a select()able descriptor in %s on line %d

Warning: swoole_client_select(): fd argument must be either valid PHP stream or valid PHP socket resource in %s on line %d

Warning: swoole_client_select(): no resource arrays were passed to select in %s on line %d
bool(false)
TypeError: swoole_client_select(): Argument #1 ($read) must be of type ?array, string given
ArgumentCountError: swoole_client_select() expects at least 3 arguments, 1 given
