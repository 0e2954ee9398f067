--TEST--
Client, Event, Timer and swoole_client_select() refusals leave Swoole's last error: 503 after their warnings, 505 for a bad port, 510 after the warnings Swoole emits through php_swoole_error() (a client without a connection also sets errCode 5001); Event::defer()/cycle() and Process::signal() refuse a non-callable with a warning, Event::add()/set() with Swoole\Exception 505
--EXTENSIONS--
swoole
--FILE--
<?php
function probe(array $calls) {
    foreach ($calls as $name => $call) {
        swoole_clear_error();
        error_clear_last();
        try {
            $r = json_encode(@$call());
            $w = error_get_last()['message'] ?? '-';
        } catch (Throwable $e) {
            // Only the exception is pinned (Swoole also warns before it throws).
            $r = get_class($e) . '(' . $e->getCode() . ': ' . $e->getMessage() . ')';
            $w = '(thrown)';
        }
        printf("%s: %s %d %s\n", $name, $r, swoole_last_error(), $w);
    }
}
echo "-- Client\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$u = new Swoole\Client(SWOOLE_SOCK_UDP);
probe([
    'connect empty host' => fn() => $c->connect('', 80),
    'connect port 70000' => fn() => [$c->connect('127.0.0.1', 70000), $c->errCode],
    'connect port -1' => fn() => [$c->connect('127.0.0.1', -1), $c->errCode],
    'send empty' => fn() => $c->send(''),
    'send not connected' => fn() => [$c->send('x'), $c->errCode],
    'recv not connected' => fn() => [$c->recv(), $c->errCode],
    'getsockname not connected' => fn() => $c->getsockname(),
    'close not connected' => fn() => $c->close(),
    'sendfile empty name' => fn() => $c->sendfile(''),
    'sendfile offset -1' => fn() => $c->sendfile(__FILE__, -1),
    'sendto empty' => fn() => $u->sendto('127.0.0.1', 9, ''),
    'sendto tcp port 70000' => fn() => $c->sendto('127.0.0.1', 70000, 'x'),
    'sendto udp port 70000' => fn() => [$u->sendto('127.0.0.1', 70000, 'x'), $u->errCode],
    'enableSSL with a callback' => fn() => $c->enableSSL(fn() => 1),
    'new Client(999)' => fn() => new Swoole\Client(999),
]);
swoole_async_set(['display_errors' => false]);
probe(['send not connected, display_errors off' => fn() => $c->send('x')]);
swoole_async_set(['display_errors' => true]);
$srv = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
$u = new Swoole\Client(SWOOLE_SOCK_UDP);
$u->connect('127.0.0.1', 9);
$c->set(['open_eof_check' => true, 'package_eof' => "\r\n", 'package_max_length' => 70000]);
$c->connect('127.0.0.1', $port);
$peer = stream_socket_accept($srv);
fwrite($peer, str_repeat('x', 80000));
probe([
    'connect again' => fn() => $c->connect('127.0.0.1', $port),
    'sendfile on udp' => fn() => $u->sendfile(__FILE__),
    'recv past package_max_length without eof' => fn() => $c->recv(),
]);
$c->close();
echo "-- Event\n";
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
[$x, $y] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$mem = fopen('php://memory', 'r');
probe([
    'del before any loop' => fn() => Swoole\Event::del($a),
    'set before any loop' => fn() => Swoole\Event::set($a, fn() => 1),
    'isset before any loop' => fn() => Swoole\Event::isset('x'),
    'add a string' => fn() => Swoole\Event::add('x', fn() => 1),
    'add a stream context' => fn() => Swoole\Event::add(stream_context_create(), fn() => 1),
    'add php://memory' => fn() => Swoole\Event::add($mem, fn() => 1),
    'add no events' => fn() => Swoole\Event::add($a, fn() => 1, null, 0),
    'add without read callback' => fn() => Swoole\Event::add($a, null, null, SWOOLE_EVENT_READ),
    'add read not callable' => fn() => Swoole\Event::add($a, 'no_such_function'),
    'add write not callable' => fn() => Swoole\Event::add($a, fn() => 1, 1, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE),
    'add' => fn() => is_int(Swoole\Event::add($a, fn() => 1)),
    'add again' => fn() => Swoole\Event::add($a, fn() => 1),
    'isset php://memory' => fn() => Swoole\Event::isset($mem),
    'set a string' => fn() => Swoole\Event::set('x', fn() => 1),
    'set not added' => fn() => Swoole\Event::set($x, fn() => 1),
    'set read not callable' => fn() => Swoole\Event::set($a, []),
    'set without write callback' => fn() => Swoole\Event::set($a, null, null, SWOOLE_EVENT_WRITE),
    'isset a string' => fn() => Swoole\Event::isset('x'),
    'del a string' => fn() => Swoole\Event::del('x'),
    'del not added' => fn() => Swoole\Event::del($x),
    'write a string' => fn() => Swoole\Event::write('x', 'y'),
    'write empty' => fn() => Swoole\Event::write($a, ''),
    'write not added' => fn() => Swoole\Event::write($x, 'y'),
    'del' => fn() => Swoole\Event::del($a),
    'defer not callable' => fn() => Swoole\Event::defer('no_such_function'),
    'cycle not callable' => fn() => Swoole\Event::cycle(1),
    'swoole_event_defer not callable' => fn() => swoole_event_defer('no_such_function'),
]);
echo "-- Timer, select\n";
probe([
    'after(0)' => fn() => Swoole\Timer::after(0, fn() => 1),
    'tick(0)' => fn() => Swoole\Timer::tick(0, fn() => 1),
    'swoole_timer_after(0)' => fn() => swoole_timer_after(0, fn() => 1),
    'clear unknown' => fn() => Swoole\Timer::clear(12345),
    'select nothing' => function () { $r = []; $w = $e = null; return swoole_client_select($r, $w, $e, 0); },
    'select fd -3' => function () { $r = [-3]; $w = [STDOUT]; $e = null; return swoole_client_select($r, $w, $e, 0); },
    'select a string' => function () { $r = ['x']; $w = [STDOUT]; $e = null; return swoole_client_select($r, $w, $e, 0); },
    'select php://memory' => function () use ($mem) { $r = [$mem]; $w = [STDOUT]; $e = null; return swoole_client_select($r, $w, $e, 0); },
]);
// Nothing is left in the loop Event::add() made: wait() returns at once.
Swoole\Event::wait();
?>
--EXPECTF--
-- Client
connect empty host: false 503 Swoole\Client::connect(): The host is empty
connect port 70000: [false,0] 505 Swoole\Client::connect(): The port is invalid
connect port -1: [false,0] 505 Swoole\Client::connect(): The port is invalid
send empty: false 503 Swoole\Client::send(): data to send is empty
send not connected: [false,5001] 510 Swoole\Client::send(): client is not connected to server
recv not connected: [false,5001] 510 Swoole\Client::recv(): client is not connected to server
getsockname not connected: false 510 Swoole\Client::getsockname(): client is not connected to server
close not connected: false 503 Swoole\Client::close(): client is not connected to the server
sendfile empty name: false 503 Swoole\Client::sendfile(): file to send is empty
sendfile offset -1: false 510 Swoole\Client::sendfile(): parameter $offset[-1] must be greater than or equal to 0
sendto empty: false 510 Swoole\Client::sendto(): data to send is empty
sendto tcp port 70000: false 505 Swoole\Client::sendto(): The port is invalid
sendto udp port 70000: [false,723] 723 -
enableSSL with a callback: Swoole\Exception(505: sync client does not support `onSslReady` callback) 0 (thrown)
new Client(999): TypeError(0: Swoole\Client::__construct() expects parameter 1 to be client type, unknown type 999 given) 0 (thrown)
send not connected, display_errors off: false 510 -
connect again: false 503 Swoole\Client::connect(): connection to the server has already been established
sendfile on udp: false 510 Swoole\Client::sendfile(): dgram socket cannot use sendfile
recv past package_max_length without eof: false 510 Swoole\Client::recv(): no package eof
-- Event
del before any loop: false 503 Swoole\Event::del(): reactor is not ready, cannot call swoole_event_del
set before any loop: false 503 Swoole\Event::set(): reactor is not ready, cannot call swoole_event_set
isset before any loop: false 0 -
add a string: false 503 Swoole\Event::add(): unknown fd type
add a stream context: TypeError(0: Swoole\Event::add(): supplied resource is not a valid stream resource) 503 (thrown)
add php://memory: false 503 Swoole\Event::add(): unknown fd type
add no events: false 503 Swoole\Event::add(): invalid events
add without read callback: false 503 Swoole\Event::add(): Swoole\Event: unable to find readable callback of fd [%d]
add read not callable: Swoole\Exception(505: readable_callback must be of type callable, string given) 503 (thrown)
add write not callable: Swoole\Exception(505: writable_callback must be of type callable, int given) 503 (thrown)
add: true 0 -
add again: false 503 Swoole\Event::add(): already exist
isset php://memory: false 503 Swoole\Event::isset(): unknown type
set a string: false 503 Swoole\Event::set(): invalid file descriptor passed
set not added: false 503 Swoole\Event::set(): socket[%d] is not found in the reactor
set read not callable: Swoole\Exception(505: readable_callback must be of type callable, array given) 503 (thrown)
set without write callback: false 503 Swoole\Event::set(): Swoole\Event: unable to find writable callback of fd [%d]
isset a string: false 503 Swoole\Event::isset(): unknown type
del a string: false 503 Swoole\Event::del(): unknown type
del not added: false 0 -
write a string: false 503 Swoole\Event::write(): unknown type
write empty: false 503 Swoole\Event::write(): data empty
write not added: false 503 Swoole\Event::write(): socket[%d] is not found in the reactor
del: true 0 -
defer not callable: false 503 Swoole\Event::defer(): function 'no_such_function' is not callable
cycle not callable: false 503 Swoole\Event::cycle(): function '1' is not callable
swoole_event_defer not callable: false 503 swoole_event_defer(): function 'no_such_function' is not callable
-- Timer, select
after(0): false 503 Swoole\Timer::after(): Timer must be greater than or equal to 1
tick(0): false 503 Swoole\Timer::tick(): Timer must be greater than or equal to 1
swoole_timer_after(0): false 503 swoole_timer_after(): Timer must be greater than or equal to 1
clear unknown: false 0 -
select nothing: false 503 swoole_client_select(): no resource arrays were passed to select
select fd -3: 1 503 swoole_client_select(): invalid file descriptor#-3 passed
select a string: 1 503 swoole_client_select(): invalid file descriptor passed
select php://memory: 1 503 swoole_client_select(): fd argument must be either valid PHP stream or valid PHP socket resource
