--TEST--
Server settings: sizes (socket_buffer_size, max_queued_bytes) take ints or "8M"-style strings; a negative size is refused with a warning (and not kept), 0 means no limit (garbage strings: settings_quantity_fatal.phpt)
--EXTENSIONS--
swoole
--FILE--
<?php
foreach ([
    ['socket_buffer_size', -1], ['socket_buffer_size', 0], ['socket_buffer_size', '8M'],
    ['max_queued_bytes', '1M'], ['max_queued_bytes', 0], ['max_queued_bytes', -1],
] as [$key, $value]) {
    $fresh = new Swoole\Server('127.0.0.1', 0);
    $fresh->set([$key => $value]);
    echo "$key => ", var_export($value, true), ": kept ", var_export(array_key_exists($key, $fresh->setting), true), "\n";
}
?>
--EXPECTF--
Warning: Swoole\Server::set(): setting 'socket_buffer_size' is out of range: -1 (must be >= 0) in %s on line %d
socket_buffer_size => -1: kept false
socket_buffer_size => 0: kept true
socket_buffer_size => '8M': kept true
max_queued_bytes => '1M': kept true
max_queued_bytes => 0: kept true

Warning: Swoole\Server::set(): setting 'max_queued_bytes' is out of range: -1 (must be >= 0) in %s on line %d
max_queued_bytes => -1: kept false
