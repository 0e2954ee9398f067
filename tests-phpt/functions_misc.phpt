--TEST--
Global functions: swoole_strerror() with its four error types, swoole_hashcode(), swoole_mime_type_*(), local IP/MAC, the VM helpers, swoole_internal_call_user_shutdown_begin(), swoole_implicit_fn()
--EXTENSIONS--
swoole
--FILE--
<?php
echo "== swoole_strerror\n";
var_dump(swoole_strerror(SWOOLE_ERROR_SESSION_NOT_EXIST), swoole_strerror(SWOOLE_ERROR_CO_CANCELED),
    swoole_strerror(SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED), swoole_strerror(SWOOLE_ERROR_SSL_HANDSHAKE_FAILED));
var_dump(swoole_strerror(2), swoole_strerror(2, SWOOLE_STRERROR_SWOOLE), swoole_strerror(0), swoole_strerror(-1));
var_dump(swoole_strerror(500), swoole_strerror(4242), swoole_strerror(99999, SWOOLE_STRERROR_SWOOLE));
var_dump(swoole_strerror(-2, SWOOLE_STRERROR_GAI), swoole_strerror(-3, SWOOLE_STRERROR_GAI), swoole_strerror(1, SWOOLE_STRERROR_GAI));
var_dump(swoole_strerror(1, SWOOLE_STRERROR_DNS), swoole_strerror(2, SWOOLE_STRERROR_DNS), swoole_strerror(0, SWOOLE_STRERROR_DNS));
try {
    swoole_strerror('x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}

echo "== swoole_hashcode\n";
var_dump(swoole_hashcode('hello'), swoole_hashcode('hello', 1), swoole_hashcode(''), swoole_hashcode('', 1));
var_dump(swoole_hashcode(str_repeat("\xff", 100)), swoole_hashcode(str_repeat("\xff", 100), 1));
var_dump(swoole_hashcode('hello', 2), swoole_hashcode('hello', -1));

echo "== mime types\n";
var_dump(swoole_mime_type_get('a/b/page.HTML'), swoole_get_mime_type('x.tar.gz'), swoole_mime_type_get('noext'),
    swoole_mime_type_get('dir.d/file'), swoole_mime_type_get("a.txt\0.png"));
var_dump(swoole_mime_type_exists('photo.JPG'), swoole_mime_type_exists('txt'), swoole_mime_type_exists('a.zzz'));
var_dump(count(swoole_mime_type_list()));
var_dump(swoole_mime_type_add('zzz', 'x/zzz'), swoole_mime_type_add('zzz', 'x/other'), swoole_mime_type_get('f.zzz'));
swoole_mime_type_set('zzz', 'x/set');
swoole_mime_type_set('yyy', 'x/yyy');
var_dump(swoole_mime_type_get('f.zzz'), swoole_mime_type_get('f.yyy'), count(swoole_mime_type_list()));
var_dump(swoole_mime_type_add('UPPER', 'x/upper'), swoole_mime_type_get('f.UPPER'));  // looked up in lower case
var_dump(swoole_mime_type_delete('zzz'), swoole_mime_type_delete('zzz'), swoole_mime_type_get('f.zzz'));
var_dump(in_array('x/yyy', swoole_mime_type_list(), true));

echo "== local addresses\n";
$ips = swoole_get_local_ip();
var_dump(is_array($ips) && !in_array('127.0.0.1', $ips, true));
var_dump(swoole_get_local_ip(12345));
$macs = swoole_get_local_mac();
var_dump(is_array($macs));
foreach ($macs as $name => $mac) {
    if (!is_string($name) || !preg_match('/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/', $mac)) {
        echo "unexpected: $name => $mac\n";
    }
}

echo "== VM helpers\n";
$status = swoole_get_vm_status();
var_dump(array_keys($status));
$before = $status['object_num'];
$o = new ArrayObject([1]);
var_dump(swoole_get_vm_status()['object_num'] === $before + 1);
var_dump(swoole_get_object_by_handle(spl_object_id($o)) === $o);
var_dump(swoole_get_object_by_handle(987654), swoole_get_object_by_handle(0), swoole_get_object_by_handle(-1));
var_dump(in_array($o, swoole_get_objects(), true));
unset($o);
var_dump(swoole_get_vm_status()['object_num'] === $before);

echo "== swoole_internal_call_user_shutdown_begin\n";
// PHP calls it first at shutdown; called by a script it is refused (after
// the single call Swoole's state still allows).
var_dump(swoole_internal_call_user_shutdown_begin());
var_dump(swoole_internal_call_user_shutdown_begin());

echo "== swoole_implicit_fn\n";
$a = [1, 2];
var_dump(is_int(swoole_implicit_fn('refcount', $a)), swoole_implicit_fn('refcount'));
var_dump(swoole_implicit_fn('func_handler', 'no_such_function'));
try {
    swoole_implicit_fn('no_such_fn');
} catch (Swoole\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "done\n";
?>
--EXPECTF--
== swoole_strerror
string(17) "Session not exist"
string(18) "Coroutine canceled"
string(25) "DNS Lookup resolve failed"
string(20) "SSL handshake failed"
string(25) "No such file or directory"
string(25) "No such file or directory"
string(7) "Success"
string(16) "Unknown error -1"
string(17) "Unknown error 500"
string(18) "Unknown error 4242"
string(19) "Unknown error 99999"
string(25) "Name or service not known"
string(36) "Temporary failure in name resolution"
string(13) "Unknown error"
string(12) "Unknown host"
string(24) "Host name lookup failure"
string(27) "Resolver Error 0 (no error)"
swoole_strerror(): Argument #1 ($errno) must be of type int, string given
== swoole_hashcode
int(-9223371826140139367)
int(3372029979)
int(-9223372036854770427)
int(0)
int(-970336904813342623)
int(2805027337)
bool(false)
bool(false)
== mime types
string(9) "text/html"
string(16) "application/gzip"
string(24) "application/octet-stream"
string(24) "application/octet-stream"
string(10) "text/plain"
bool(true)
bool(true)
bool(false)
int(362)
bool(true)
bool(false)
string(5) "x/zzz"
string(5) "x/set"
string(5) "x/yyy"
int(364)
bool(true)
string(24) "application/octet-stream"
bool(true)
bool(false)
string(24) "application/octet-stream"
bool(true)
== local addresses
bool(true)
array(0) {
}
bool(true)
== VM helpers
array(2) {
  [0]=>
  string(10) "object_num"
  [1]=>
  string(12) "resource_num"
}
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
== swoole_internal_call_user_shutdown_begin
bool(true)

Warning: swoole_internal_call_user_shutdown_begin(): can not call this function in user level in %s on line %d
bool(false)
== swoole_implicit_fn
bool(true)
int(0)
bool(false)
Swoole\Exception: unknown fn 'no_such_fn'
done

Warning: swoole_internal_call_user_shutdown_begin(): can not call this function in user level in Unknown on line 0
