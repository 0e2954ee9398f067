--TEST--
SWOOLE_BASE heartbeat (one worker) (heartbeat_check_interval 1, heartbeat_idle_time 2): an idle client is closed by the server 2-3 s after its last data and onClose fires; a client sending every 500 ms and a protect()ed idle client stay open
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';
require __DIR__ . '/servers/process_msg_heartbeat_run.php';

heartbeat_scenario('base', 1);
?>
--EXPECT--
protect=true
three connections: true
idle client closed by the server: true
closed 2 to 4 s after its last data: true
onClose fired in the connection's worker: true
busy client answered all pings: true
protected client still served: true
exist=false
onClose lines: 1
int(0)
left: []
