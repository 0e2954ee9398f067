--TEST--
set(): a size setting PHP cannot read as a quantity is a fatal error naming the key, as Swoole's "failed to parse ... to size"
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0);
$s->set(['package_max_length' => '2M']);
echo "2M read\n";
register_shutdown_function(function () use ($s) {
    echo "setting kept: ", $s->setting['package_max_length'], "\n";
});
$s->set(['package_max_length' => 'garbage', 'worker_num' => 1]);
echo "not reached\n";
?>
--EXPECTF--
2M read

Fatal error: Swoole\Server::set(): failed to parse 'garbage' to size for setting 'package_max_length', Error: Invalid quantity "garbage": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
setting kept: 2M
