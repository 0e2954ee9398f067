--TEST--
Table: an operation before create() is Swoole's fatal error; a table too big for memory stops with a fatal error naming the rows and bytes it needs (no crash); sizes are taken as 32-bit unsigned numbers, as Swoole does
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';

/** Runs $code in a PHP of its own (a fatal error ends that one): its output and exit status. */
function run(string $code): void
{
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . swoole_so(), '-d', 'display_errors=1', '-d', 'log_errors=0', '-r', $code];
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    echo trim(preg_replace('/^\[[^\]]+\]/m', '[date pid]', $out)), "\nexit ", proc_close($p), "\n";
}

echo "--- an operation before create(): Swoole's fatal error\n";
run('$t = new Swoole\Table(64); $t->column("i", Swoole\Table::TYPE_INT); $t->set("a", ["i" => 1]); echo "not reached\n";');
run('$t = new Swoole\Table(64); foreach ($t as $row) {} echo "not reached\n";');

echo "--- too big for memory: a clear error naming the size, not a crash\n";
run('$t = new Swoole\Table(1 << 30); $t->column("s", Swoole\Table::TYPE_STRING, 1 << 20); $t->create(); echo "not reached\n";');
echo "--- a negative size is taken as an unsigned 32-bit number, as Swoole does (2^31 rows)\n";
run('$t = new Swoole\Table(-1); echo $t->getSize(), "\n"; $t->column("s", Swoole\Table::TYPE_STRING, 1 << 17); $t->create(); echo "not reached\n";');
echo "--- a huge size is cut to 32 bits first (2^32 + 5 rows: 5, rounded up to 64)\n";
run('$t = new Swoole\Table((1 << 32) + 5); echo $t->getSize(), "\n";');
?>
--EXPECT--
--- an operation before create(): Swoole's fatal error
Fatal error: Swoole\Table::set(): table is not created or has been destroyed in Command line code on line 1
exit 255
Fatal error: Swoole\Table::rewind(): table is not created or has been destroyed in Command line code on line 1
exit 255
--- too big for memory: a clear error naming the size, not a crash
Fatal error: Swoole\Table::create(): unable to allocate memory: 1073741824 rows of 1048656 bytes need 1126002986057856 bytes of shared memory: Cannot allocate memory (os error 12) in Command line code on line 1
exit 255
--- a negative size is taken as an unsigned 32-bit number, as Swoole does (2^31 rows)
2147483648

Fatal error: Swoole\Table::create(): unable to allocate memory: 2147483648 rows of 131152 bytes need 281681135140992 bytes of shared memory: Cannot allocate memory (os error 12) in Command line code on line 1
exit 255
--- a huge size is cut to 32 bits first (2^32 + 5 rows: 5, rounded up to 64)
64
exit 0
