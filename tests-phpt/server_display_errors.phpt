--TEST--
Server set(['display_errors' => ...]) is Swoole's switch (swoole.display_errors: Swoole's own warnings), applied at set() (Process\Pool::set() too) and inherited by every process; PHP's display_errors and PHP's own warnings stay as they were (both modes)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

// Each probe: PHP's ini, Swoole's ini, one of Swoole's own warnings (a refused
// Client::connect), then one of PHP's (an undefined key).
$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
function probe(string $where): void {
    echo "$where: display_errors=", var_export(ini_get('display_errors'), true),
        " swoole.display_errors=", var_export(ini_get('swoole.display_errors'), true), "\n";
    $c = new Swoole\Client(SWOOLE_SOCK_TCP);
    $c->connect('127.0.0.1', 1, 0.5);
    echo "$where: errCode=", $c->errCode, "\n";
    $a = [];
    $a['nokey'];
}
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
ini_set('swoole.display_errors', 'Off');
$s->set(['display_errors' => 'yes']);   // read loosely: true, over the ini entry
probe('set(true) after ini Off');
$s->set(['display_errors' => false, 'worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
probe('set(false)');
$s->set(['worker_num' => 1]);           // a set() without the key changes nothing
probe('set() without it');
$s->on('workerStart', function ($s) {
    probe('worker');
    ini_set('swoole.display_errors', 'On');
    probe('worker, ini On');
    $s->shutdown();
});
$s->on('receive', function () {});
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    echo without_log_copies($srv->wait());
}

// Process\Pool::set() takes the same switch.
echo "--- pool\n";
$pool = <<<'PHP'
<?php
$p = new Swoole\Process\Pool(1);
$p->set(['display_errors' => false]);
$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->connect('127.0.0.1', 1, 0.5), $c->errCode, ini_get('swoole.display_errors'));
PHP;
echo without_log_copies(server_from_code($pool)->wait());
?>
--EXPECTF--
--- base
set(true) after ini Off: display_errors='stderr' swoole.display_errors='Off'
Warning: Swoole\Client::connect(): connect to server[127.0.0.1:1] failed. Error: Connection refused[111] in %s on line %d
set(true) after ini Off: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
set(false): display_errors='stderr' swoole.display_errors='Off'
set(false): errCode=111
Warning: Undefined array key "nokey" in %s on line %d
set() without it: display_errors='stderr' swoole.display_errors='Off'
set() without it: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
worker: display_errors='stderr' swoole.display_errors='Off'
worker: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
worker, ini On: display_errors='stderr' swoole.display_errors='On'
Warning: Swoole\Client::connect(): connect to server[127.0.0.1:1] failed. Error: Connection refused[111] in %s on line %d
worker, ini On: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
--- process
set(true) after ini Off: display_errors='stderr' swoole.display_errors='Off'
Warning: Swoole\Client::connect(): connect to server[127.0.0.1:1] failed. Error: Connection refused[111] in %s on line %d
set(true) after ini Off: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
set(false): display_errors='stderr' swoole.display_errors='Off'
set(false): errCode=111
Warning: Undefined array key "nokey" in %s on line %d
set() without it: display_errors='stderr' swoole.display_errors='Off'
set() without it: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
worker: display_errors='stderr' swoole.display_errors='Off'
worker: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
worker, ini On: display_errors='stderr' swoole.display_errors='On'
Warning: Swoole\Client::connect(): connect to server[127.0.0.1:1] failed. Error: Connection refused[111] in %s on line %d
worker, ini On: errCode=111
Warning: Undefined array key "nokey" in %s on line %d
--- pool
bool(false)
int(111)
string(2) "On"
