--TEST--
php-stubs/ declares the functions and classes exactly as the extension's Reflection shows them (methods in order, parameters, defaults, return types, properties, constants, final, parents, interfaces)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/api_classes.php';

$functions = array_keys((new ReflectionExtension('swoole'))->getFunctions());
ob_start();
api_dump_functions($functions);
api_dump_classes(false);
$ours = explode("\n", rtrim(ob_get_clean(), "\n"));

// The stubs declare the same classes in PHP: Reflection of them, in a PHP
// without the extension.
$stub = dirname(__DIR__) . '/php-stubs/swoole.stub.php';
$code = sprintf('require %s; require %s; api_dump_functions(%s); api_dump_classes(false);', var_export($stub, true),
    var_export(__DIR__ . '/include/api_classes.php', true), var_export($functions, true));
exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($code) . ' 2>&1', $stubs, $rc);
echo "stub php exit: $rc\n";

// What PHP itself changes: a float parameter's int default (-1) is stored as
// a float (-1.0) in PHP code, as it is not in an extension's arginfo.
$whole = fn(array $lines) => preg_replace('/(float \$\w+ = -?\d+)\.0\b/', '$1', $lines);
// And a property a PHP subclass redeclares keeps its parent's slot, where an
// extension's redeclaration comes after the inherited ones (CloseFrame's
// $opcode): each run of property lines is compared in sorted order.
$props = function (array $lines): array {
    $out = [];
    $run = [];
    foreach ($lines as $line) {
        if (preg_match('/^  (public|protected|private)( static| readonly)* \$/', $line)) {
            $run[] = $line;
            continue;
        }
        sort($run);
        array_push($out, ...$run);
        $run = [];
        $out[] = $line;
    }
    sort($run);
    return array_merge($out, $run);
};
[$ours, $stubs] = [$props($whole($ours)), $props($whole($stubs))];
foreach (array_diff($ours, $stubs) as $line) {
    echo "extension only: $line\n";
}
foreach (array_diff($stubs, $ours) as $line) {
    echo "stubs only: $line\n";
}
echo $ours === $stubs ? "same, in the same order\n" : "order differs\n";
?>
--EXPECT--
stub php exit: 0
same, in the same order
