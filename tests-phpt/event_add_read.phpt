--TEST--
Event: add() on one end of a stream_socket_pair: data written to the other end reaches the read callback; del() stops it
--EXTENSIONS--
swoole
--FILE--
<?php
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$calls = 0;
$fd = Swoole\Event::add($a, function ($sock) use ($a, $b, &$calls) {
    $calls++;
    echo "read callback $calls: ", var_export(fread($sock, 8192), true),
        ", got the stream passed to add(): ", var_export($sock === $a, true), "\n";
    echo "del: ", var_export(Swoole\Event::del($sock), true), "\n";
    echo "isset after del: ", var_export(Swoole\Event::isset($sock), true), "\n";
    // more data for the deleted socket: the callback must not see it
    fwrite($b, "after del");
    Swoole\Timer::after(50, function () {
        echo "50 ms later\n";
    });
});
echo "add returned an int fd: ", var_export(is_int($fd) && $fd > 2, true), "\n";
echo "isset: ", var_export(Swoole\Event::isset($a), true), "\n";
fwrite($b, "hello");
echo "written\n";
Swoole\Event::wait();
echo "Event::wait() returned, read callback calls: $calls\n";
// del() does not close the stream: the data sent after del() is still there, unread
stream_set_blocking($a, true);
var_dump(fread($a, 9));
?>
--EXPECT--
add returned an int fd: true
isset: true
written
read callback 1: 'hello', got the stream passed to add(): true
del: true
isset after del: false
50 ms later
Event::wait() returned, read callback calls: 1
string(9) "after del"
