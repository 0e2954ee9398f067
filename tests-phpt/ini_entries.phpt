--TEST--
INI: the swoole.* entries with Swoole's defaults and changeability; swoole.display_errors hides Swoole's own warnings; use_shortname and enable_library decide go()/defer()/Co\Socket and Swoole\Constant
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

echo "== defaults and access (7: PHP_INI_ALL, 4: PHP_INI_SYSTEM)\n";
foreach (ini_get_all('swoole') as $name => $entry) {
    printf("%s = %s (%d)\n", $name, var_export($entry['local_value'], true), $entry['access']);
}

echo "== ini_set\n";
var_dump(ini_set('swoole.enable_library', '0'), ini_get('swoole.enable_library'));
var_dump(ini_set('swoole.use_shortname', '0'), ini_get('swoole.use_shortname'));
var_dump(ini_set('swoole.profile', '1'));
var_dump(ini_set('swoole.socket_buffer_size', '1M'), ini_get('swoole.socket_buffer_size'));
var_dump(ini_set('swoole.socket_buffer_size', 'abc'));

echo "== swoole.display_errors: Swoole's own warnings (not PHP's)\n";
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
ini_set('swoole.display_errors', 'Off');
var_dump($c->send('x'), $c->errCode);
ini_set('swoole.display_errors', 'On');
var_dump(swoole_async_set(['display_errors' => false]));
var_dump($c->send('x'), ini_get('swoole.display_errors'));
swoole_async_set(['display_errors' => true]);
var_dump($c->send('x'));

echo "== short names and the library, by configuration\n";
$probe = 'var_dump(function_exists("go"), function_exists("defer"), class_exists("Co\Socket"), SWOOLE_USE_SHORTNAME, '
    . 'class_exists("Swoole\Constant") ? Swoole\Constant::OPTION_WORKER_NUM : null);';
foreach ([[], ['swoole.use_shortname=0'], ['swoole.enable_library=0']] as $ini) {
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . swoole_so()];
    foreach ($ini as $i) {
        array_push($cmd, '-d', $i);
    }
    array_push($cmd, '-r', $probe);
    echo implode(' ', $ini) ?: '(defaults)', ":\n";
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    echo stream_get_contents($pipes[1]);
    proc_close($p);
}
?>
--EXPECTF--
== defaults and access (7: PHP_INI_ALL, 4: PHP_INI_SYSTEM)
swoole.blocking_detection = 'Off' (4)
swoole.blocking_threshold = '100000' (4)
swoole.display_errors = 'On' (7)
swoole.enable_fiber_mock = 'Off' (7)
swoole.enable_library = 'On' (7)
swoole.enable_preemptive_scheduler = 'Off' (7)
swoole.leak_detection = 'Off' (4)
swoole.profile = 'Off' (4)
swoole.socket_buffer_size = '8388608' (7)
swoole.use_shortname = 'On' (4)
== ini_set
string(2) "On"
string(1) "0"
bool(false)
string(2) "On"
bool(false)
string(7) "8388608"
string(2) "1M"

Warning: Invalid "swoole.socket_buffer_size" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
string(2) "1M"
== swoole.display_errors: Swoole's own warnings (not PHP's)
bool(false)
int(5001)
bool(true)
bool(false)
string(2) "On"

Warning: Swoole\Client::send(): client is not connected to server in %s on line %d
bool(false)
== short names and the library, by configuration
(defaults):
bool(true)
bool(true)
bool(true)
bool(true)
string(10) "worker_num"
swoole.use_shortname=0:
bool(false)
bool(false)
bool(false)
bool(false)
string(10) "worker_num"
swoole.enable_library=0:
bool(true)
bool(true)
bool(true)
bool(true)
NULL
