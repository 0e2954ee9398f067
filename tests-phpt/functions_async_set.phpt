--TEST--
swoole_async_set(): process-global options, taken loosely (unknown keys ignored); refused once this process's event loop exists
--EXTENSIONS--
swoole
--FILE--
<?php
var_dump(swoole_async_set([
    'socket_timeout' => 3, 'socket_connect_timeout' => -1, 'dns_server' => '127.0.0.1', 'wait_signal' => true,
    'enable_signalfd' => 1, 'enable_coroutine' => false, 'aio_core_worker_num' => 2, 'hook_flags' => 0, 'bogus' => [],
]));
var_dump(swoole_async_set([]));
Swoole\Timer::after(1, function () {
    echo "timer ran\n";
});
var_dump(swoole_async_set(['log_level' => SWOOLE_LOG_DEBUG]));
swoole_error_log(SWOOLE_LOG_DEBUG, 'not shown: the level did not change');
try {
    swoole_async_set(null);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
bool(true)

Warning: swoole_async_set(): eventLoop has already been created. unable to change settings in %s on line %d
bool(false)
swoole_async_set(): Argument #1 ($settings) must be of type array, null given

Deprecated: swoole_event_rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
timer ran
