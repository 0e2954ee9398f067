--TEST--
swoole_error_log()/swoole_error_log_ex()/swoole_ignore_error(): Swoole-format lines on stdout, INFO and above by default, codes named and ignorable; swoole_async_set() log options
--EXTENSIONS--
swoole
--FILE--
<?php
$pid = getmypid();
echo "== levels (DEBUG and TRACE are below the default INFO; unknown levels print as INFO)\n";
foreach ([SWOOLE_LOG_DEBUG, SWOOLE_LOG_TRACE, SWOOLE_LOG_INFO, SWOOLE_LOG_NOTICE, SWOOLE_LOG_WARNING, SWOOLE_LOG_ERROR,
          SWOOLE_LOG_NONE, 99, -1] as $level) {
    swoole_error_log($level, "level $level");
}
echo "== a message is a C string: it ends at NUL\n";
swoole_error_log(SWOOLE_LOG_WARNING, "before\0after");

echo "== error codes\n";
swoole_error_log_ex(SWOOLE_LOG_WARNING, SWOOLE_ERROR_SESSION_NOT_EXIST, 'session gone');
swoole_ignore_error(SWOOLE_ERROR_SESSION_NOT_EXIST);
swoole_error_log_ex(SWOOLE_LOG_WARNING, SWOOLE_ERROR_SESSION_NOT_EXIST, 'not written: ignored');
swoole_error_log_ex(SWOOLE_LOG_ERROR, SWOOLE_ERROR_SESSION_CLOSED, 'still written');
swoole_error_log(SWOOLE_LOG_WARNING, 'plain lines have no code to ignore');

echo "== swoole_async_set: level, file, date format\n";
var_dump(swoole_async_set(['log_level' => SWOOLE_LOG_DEBUG]));
swoole_error_log(SWOOLE_LOG_DEBUG, 'debug now shown');
var_dump(swoole_async_set(['log_level' => SWOOLE_LOG_ERROR]));
swoole_error_log(SWOOLE_LOG_WARNING, 'warning now hidden');
swoole_async_set(['log_level' => SWOOLE_LOG_INFO]);
$file = sys_get_temp_dir() . "/swoole-error-log-$pid.log";
@unlink($file);
var_dump(swoole_async_set(['log_file' => $file, 'log_date_format' => '%Y', 'log_date_with_microseconds' => true]));
swoole_error_log(SWOOLE_LOG_NOTICE, 'into the file');
var_dump(preg_match('/^\[\d{4}<\.\d{6}> %' . $pid . '\.0\]\tNOTICE\tinto the file\n$/', file_get_contents($file)));
echo "== a file that cannot be opened is reported; the log goes back to stdout\n";
var_dump(swoole_async_set(['log_file' => '/nonexistent-dir/x.log', 'log_date_format' => '%Y-%m-%d %H:%M:%S',
                           'log_date_with_microseconds' => false]));
swoole_error_log(SWOOLE_LOG_WARNING, 'on stdout again');
unlink($file);

echo "== bad input\n";
try {
    swoole_error_log('x', 'y');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
try {
    swoole_error_log_ex(1, 2);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
try {
    swoole_async_set('log_level');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(swoole_async_set(['no_such_option' => 1, 'log_level' => 'abc']));
swoole_error_log(SWOOLE_LOG_DEBUG, "'abc' is level 0, as Swoole reads it");
?>
--EXPECTF--
== levels (DEBUG and TRACE are below the default INFO; unknown levels print as INFO)
[%d-%d-%d %d:%d:%d %s.0]	INFO	level 2
[%d-%d-%d %d:%d:%d %s.0]	NOTICE	level 3
[%d-%d-%d %d:%d:%d %s.0]	WARNING	level 4
[%d-%d-%d %d:%d:%d %s.0]	ERROR	level 5
[%d-%d-%d %d:%d:%d %s.0]	INFO	level 6
[%d-%d-%d %d:%d:%d %s.0]	INFO	level 99
== a message is a C string: it ends at NUL
[%s]	WARNING	before
== error codes
[%s]	WARNING	swoole_error_log_ex() (ERRNO 1005): session gone
[%s]	ERROR	swoole_error_log_ex() (ERRNO 1004): still written
[%s]	WARNING	plain lines have no code to ignore
== swoole_async_set: level, file, date format
bool(true)
[%s]	DEBUG	debug now shown
bool(true)
bool(true)
int(1)
== a file that cannot be opened is reported; the log goes back to stdout
[%s]	WARNING	Logger::open() (ERRNO 502): open('/nonexistent-dir/x.log') failed. Error: No such file or directory[2]
bool(true)
[%d-%d-%d %d:%d:%d %s.0]	WARNING	on stdout again
== bad input
swoole_error_log(): Argument #1 ($level) must be of type int, string given
swoole_error_log_ex() expects exactly 3 arguments, 2 given
swoole_async_set(): Argument #1 ($settings) must be of type array, string given
bool(true)
[%s]	DEBUG	'abc' is level 0, as Swoole reads it
