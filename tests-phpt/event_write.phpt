--TEST--
Event: write() sends through the event loop to a socket added to it; the peer's read callback receives the data
--EXTENSIONS--
swoole
--FILE--
<?php
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
[$c, $d] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$want = "written with Event::write";
$got = '';
Swoole\Event::add($a, function ($sock) use ($a, $b, $want, &$got) {
    $got .= fread($sock, 8192);
    if (strlen($got) >= strlen($want)) {
        echo "a received: $got\n";
        Swoole\Event::del($a);
        Swoole\Event::del($b);
    }
});
Swoole\Event::add($b, function ($sock) {
    echo "b got something unexpected: ", fread($sock, 8192), "\n";
});
var_dump(Swoole\Event::write($b, $want));
// $c was never added to the event loop
var_dump(@Swoole\Event::write($c, "not added"));
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
bool(true)
bool(false)
a received: written with Event::write
done
