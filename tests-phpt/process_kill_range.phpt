--TEST--
Swoole\Process::kill(): a pid or signal number beyond 32 bits is refused with EINVAL, not truncated (PHP_INT_MAX was kill(-1), every process the user may signal; 2^32 + pid was that pid)
--EXTENSIONS--
swoole
posix
--FILE--
<?php
// Signal 0 only checks: what used to be reached is seen by the result.
var_dump(Swoole\Process::kill(PHP_INT_MAX, 0));
var_dump(Swoole\Process::kill((1 << 32) + getmypid(), 0));
var_dump(Swoole\Process::kill(-(1 << 32), 0));
var_dump(Swoole\Process::kill(getmypid(), 1 << 32));
// In range, as before.
var_dump(Swoole\Process::kill(getmypid(), 0));
?>
--EXPECTF--
Warning: Swoole\Process::kill(): kill(9223372036854775807, 0) failed, Error: Invalid argument[22] in %s on line %d
bool(false)

Warning: Swoole\Process::kill(): kill(%d, 0) failed, Error: Invalid argument[22] in %s on line %d
bool(false)

Warning: Swoole\Process::kill(): kill(-4294967296, 0) failed, Error: Invalid argument[22] in %s on line %d
bool(false)

Warning: Swoole\Process::kill(): kill(%d, 4294967296) failed, Error: Invalid argument[22] in %s on line %d
bool(false)
bool(true)
