--TEST--
declare(strict_types=1) in the calling file: scalar arguments of the wrong type are PHP's TypeError (an int still widens to a float), as for any internal function; a call made by an internal function (array_map) stays in weak mode
--EXTENSIONS--
swoole
--FILE--
<?php
declare(strict_types=1);

function attempt(string $what, callable $f): void
{
    try {
        $got = json_encode($f());
        echo $what, ': ', $got, "\n";
    } catch (TypeError $e) {
        echo $what, ': ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$keep = Swoole\Timer::tick(10_000, fn() => null);   // a timer exists: Timer's methods read their arguments
attempt('int given as a numeric string', fn() => Swoole\Timer::after('10', fn() => null));
attempt('int given as an integral float', fn() => Swoole\Timer::exists(1.0));
attempt('int given as a bool', fn() => (new Swoole\Atomic(1))->add(true));
attempt('int given as null', fn() => (new Swoole\Atomic(1))->add(null));
attempt('int given as an int', fn() => (new Swoole\Atomic(1))->add(2));
attempt('float given as an int (widened)', fn() => (new Swoole\Atomic(1))->wait(0));
attempt('float given as a string', fn() => (new Swoole\Atomic(1))->wait('0'));
attempt('bool given as an int', fn() => Swoole\Process::wait(0));
$table = new Swoole\Table(8);
$table->column('n', Swoole\Table::TYPE_INT);
$table->create();
attempt('string given as an int', fn() => $table->get(5));
attempt('string given as a string', fn() => $table->exists('5'));
attempt('constructor', fn() => new Swoole\Server('127.0.0.1', '9501'));
attempt('function', fn() => swoole_strerror('1'));
// Called by an internal function (array_map), not by this file: weak mode.
attempt('through array_map', fn() => array_map([new Swoole\Atomic(1), 'add'], ['2']));
Swoole\Timer::clear($keep);
Swoole\Event::wait();
?>
--EXPECT--
int given as a numeric string: TypeError: Swoole\Timer::after(): Argument #1 ($ms) must be of type int, string given
int given as an integral float: TypeError: Swoole\Timer::exists(): Argument #1 ($timer_id) must be of type int, float given
int given as a bool: TypeError: Swoole\Atomic::add(): Argument #1 ($add_value) must be of type int, bool given
int given as null: TypeError: Swoole\Atomic::add(): Argument #1 ($add_value) must be of type int, null given
int given as an int: 3
float given as an int (widened): true
float given as a string: TypeError: Swoole\Atomic::wait(): Argument #1 ($timeout) must be of type float, string given
bool given as an int: TypeError: Swoole\Process::wait(): Argument #1 ($blocking) must be of type bool, int given
string given as an int: TypeError: Swoole\Table::get(): Argument #1 ($key) must be of type string, int given
string given as a string: false
constructor: TypeError: Swoole\Server::__construct(): Argument #2 ($port) must be of type int, string given
function: TypeError: swoole_strerror(): Argument #1 ($errno) must be of type int, string given
through array_map: [3]
