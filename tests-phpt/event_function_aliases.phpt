--TEST--
Event: the swoole_event_* functions exist; swoole_event_add(STDIN, ...) as in seed 004 reads a line typed on stdin
--EXTENSIONS--
swoole
--STDIN--
hello from stdin
--FILE--
<?php
foreach (['add', 'del', 'set', 'isset', 'wait', 'dispatch', 'defer', 'cycle', 'write', 'exit'] as $f) {
    echo "swoole_event_$f: ", var_export(function_exists("swoole_event_$f"), true), "\n";
}

// seed 004's client: swoole_event_add(STDIN, function($fp){ ... $msg = trim(fgets(STDIN)); ... });
var_dump(is_int(swoole_event_add(STDIN, function ($fp) {
    $msg = trim(fgets(STDIN));
    echo "Enter Msg: $msg\n";
    echo "same stream: ", var_export($fp === STDIN, true), "\n";
    echo "swoole_event_isset: ", var_export(swoole_event_isset(STDIN), true), "\n";
    echo "swoole_event_del: ", var_export(swoole_event_del(STDIN), true), "\n";
})));
swoole_event_wait();
echo "done\n";
?>
--EXPECT--
swoole_event_add: true
swoole_event_del: true
swoole_event_set: true
swoole_event_isset: true
swoole_event_wait: true
swoole_event_dispatch: true
swoole_event_defer: true
swoole_event_cycle: true
swoole_event_write: true
swoole_event_exit: true
bool(true)
Enter Msg: hello from stdin
same stream: true
swoole_event_isset: true
swoole_event_del: true
done
