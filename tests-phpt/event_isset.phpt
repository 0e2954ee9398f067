--TEST--
Event: isset() with the default and explicit event masks; a second add() of the same fd fails; del() of an fd not added is false
--EXTENSIONS--
swoole
--FILE--
<?php
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
echo "before any event loop: ", var_export(Swoole\Event::isset($a), true), "\n";
var_dump(SWOOLE_EVENT_READ, SWOOLE_EVENT_WRITE);

var_dump(is_int(Swoole\Event::add($a, function ($s) {
    fread($s, 8192);
})));
echo "isset(a): ", var_export(Swoole\Event::isset($a), true), "\n";
echo "isset(a, READ): ", var_export(Swoole\Event::isset($a, SWOOLE_EVENT_READ), true), "\n";
echo "isset(a, WRITE): ", var_export(Swoole\Event::isset($a, SWOOLE_EVENT_WRITE), true), "\n";
echo "isset(b): ", var_export(Swoole\Event::isset($b), true), "\n";
echo "add(a) again: ", var_export(@Swoole\Event::add($a, function ($s) {
}), true), "\n";
echo "del(b), never added: ", var_export(Swoole\Event::del($b), true), "\n";
echo "del(a): ", var_export(Swoole\Event::del($a), true), "\n";
echo "isset(a) after del: ", var_export(Swoole\Event::isset($a), true), "\n";
echo "del(a) again: ", var_export(Swoole\Event::del($a), true), "\n";
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
before any event loop: false
int(512)
int(1024)
bool(true)
isset(a): true
isset(a, READ): true
isset(a, WRITE): false
isset(b): false
add(a) again: false
del(b), never added: false
del(a): true
isset(a) after del: false
del(a) again: false
done
