--TEST--
Module: version, constants, functions, class aliases and php --ri swoole
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

echo "=== version\n";
var_dump(extension_loaded('swoole'));
var_dump(SWOOLE_VERSION, swoole_version(), phpversion('swoole'));
var_dump(SWOOLE_MAJOR_VERSION, SWOOLE_MINOR_VERSION, SWOOLE_RELEASE_VERSION, SWOOLE_VERSION_ID);

echo "=== constants\n";
var_dump(SWOOLE_USE_SHORTNAME, SWOOLE_BASE, SWOOLE_PROCESS, SWOOLE_SOCK_TCP, SWOOLE_ERROR_SESSION_NOT_EXIST);

echo "=== functions\n";
var_dump(swoole_strerror(SWOOLE_ERROR_SESSION_NOT_EXIST));
var_dump(swoole_strerror(98));
$cpus = swoole_cpu_num();
var_dump(is_int($cpus) && $cpus > 0);
var_dump(swoole_last_error());
$ips = swoole_get_local_ip();
var_dump(is_array($ips));
foreach ($ips as $if => $ip) {
    if (!is_string($if) || !filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) || $ip === '127.0.0.1') {
        echo "unexpected entry: $if => $ip\n";
    }
}

echo "=== classes and aliases\n";
var_dump(class_exists('Swoole\Server'), class_exists('swoole_server'), class_exists('Swoole\Connection\Iterator'));
$s = new swoole_server('127.0.0.1', 0);
var_dump(get_class($s), $s instanceof Swoole\Server);
var_dump(get_class($s->connections), get_class($s->ports[0]));
var_dump((new ReflectionClass('swoole_server'))->getName());

echo "=== php --ri swoole\n";
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . swoole_so(), '--ri', 'swoole'];
$p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$ri = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
var_dump(proc_close($p), $err);
echo implode("\n", preg_grep('/^(swoole|Swoole => |Version => |Extension version => |openssl => )/', explode("\n", $ri))), "\n";
// every setting is listed with its default
echo implode("\n", preg_grep('/^(worker_num|package_max_length|socket_buffer_size|dispatch_mode) => /', explode("\n", $ri))), "\n";
?>
--EXPECTF--
=== version
bool(true)
string(5) "6.2.1"
string(5) "6.2.1"
string(5) "6.2.1"
int(6)
int(2)
int(1)
int(60201)
=== constants
bool(true)
int(1)
int(2)
int(1)
int(1005)
=== functions
string(17) "Session not exist"
string(22) "Address already in use"
bool(true)
int(0)
bool(true)
=== classes and aliases
bool(true)
bool(true)
bool(true)
string(13) "Swoole\Server"
bool(true)
string(26) "Swoole\Connection\Iterator"
string(18) "Swoole\Server\Port"
string(13) "Swoole\Server"
=== php --ri swoole
int(0)
string(0) ""
swoole
Swoole => enabled
Version => 6.2.1
Extension version => %d.%d.%d
openssl => OpenSSL %s
swoole.enable_library => On => On
swoole.enable_fiber_mock => Off => Off
swoole.enable_preemptive_scheduler => Off => Off
swoole.display_errors => On => On
swoole.use_shortname => On => On
swoole.socket_buffer_size => 8388608 => 8388608
swoole.blocking_detection => Off => Off
swoole.blocking_threshold => 100000 => 100000
swoole.profile => Off => Off
swoole.leak_detection => Off => Off
worker_num => 1
package_max_length => 2097152
socket_buffer_size => 8388608
dispatch_mode => 2
