--TEST--
Adversarial, hostile API calls: over 140 calls with wrong types, huge and negative numbers, NUL bytes, closed and unknown fds, before start(), in a running server and after shutdown, on Server, Port, Timer, Event, Process, Client and the functions; each gives a warning, an exception or false, never a crash or a hang (servers/hostile_api.php)
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/include/adv.php';

[$out, $failures] = run_php(__DIR__ . '/servers/hostile_api.php', [free_port()], 60.0);
check('no crash, no hang, nothing left running', $failures);
// The outcomes (server log lines, which carry a date, aside).
echo implode("\n", preg_grep('/^\[\d{4}-/', explode("\n", trim($out)), PREG_GREP_INVERT)), "\n";
?>
--EXPECT--
no crash, no hang, nothing left running: ok
== functions
swoole_strerror huge: string
swoole_strerror negative, bad type: string
swoole_set_process_name NUL: true
swoole_get_local_ip bad family: array
swoole_timer_after negative: false +warning "swoole_timer_after(): Timer must be greater than or equal to 1"
swoole_event_del unknown: false +warning
== Server before start
new Server port -1: Swoole\Exception "failed to listen server port[127.0.0.1:-1], Error: Server invalid listen port[9004]"
new Server port 65536: Swoole\Exception
new Server port PHP_INT_MAX: Swoole\Exception
new Server host with NUL: Swoole\Server
new Server empty host: Swoole\Exception
new Server mode 99: Error "invalid $mode parameters 99"
new Server sock_type 12345: Swoole\Exception
new Server port array: TypeError
set worker_num PHP_INT_MAX: true +warning
set worker_num array: true +warning
set worker_num float: true
set package_max_length -5: true +warning
set package_max_length 0: true +warning
set package_length_type x: true +warning
set package_length_type empty: true +warning
set package_eof empty: true +warning
set package_eof 1000 bytes: true +warning
set package_length_offset PHP_INT_MAX: true +warning
set max_connection -1: true +warning
set reactor_num 0: true
set heartbeat_check_interval -1: true +warning
set open_length_check object: true +warning
set log_file with NUL: true
set start_session_id negative: true +warning
set dispatch_mode 99: true +warning
set buffer_output_size -1: true +warning
on empty event: false +warning "Swoole\Server\Port::on(): unknown event types[]"
on event with NUL: false +warning
on int callback: false +warning
getCallback unknown: NULL
send before start: false +warning "Swoole\Server::send(): server is not running"
send fd -1: false +warning
send fd PHP_INT_MAX: false +warning
send fd abc: false +warning
close before start: false +warning "Swoole\Server::close(): server is not running"
exist before start: false +warning
getClientInfo before start: false +warning
getClientList -5 -5: false +warning
stats before start: false +warning
reload before start: false +warning "Swoole\Server::reload(): server is not running"
stop before start: false +warning
task before start: false +warning "Swoole\Server::task(): server is not running"
taskwait before start: false +warning
finish outside onTask: false +warning
sendMessage before start: false +warning "Swoole\Server::sendMessage(): server is not running"
bind before start: false +warning
pause before start: false +warning
resume before start: false +warning
heartbeat before start: false +warning
getWorkerId before start: false
getWorkerPid before start: false
getWorkerStatus 9999: false +warning
sendfile before start: false +warning
protect before start: false +warning
command before start: false +warning
addCommand empty name: true
addListener port -1: false
addListener bad host: false
addListener sock_type 99999: false
== Port
Port set package_max_length -1: NULL +warning
Port set unknown key: NULL +warning
Port on unknown event: false +warning
Port on int callback: false +warning
Port getCallback unknown: NULL
== Timer
Timer after 0: false +warning "Swoole\Timer::after(): Timer must be greater than or equal to 1"
Timer tick -5: false +warning
Timer after PHP_INT_MAX: true
Timer after not callable: TypeError
Timer clear -1: false
Timer clear PHP_INT_MAX: false
Timer exists -1: false
Timer info PHP_INT_MAX: NULL
Timer clearAll: true
Timer clearAll again: true
== Event
Event add -1: false +warning
Event add 999999: false +warning
Event add closed stream: TypeError
Event add object: false +warning
Event add no callbacks: false +warning
Event set unknown: false +warning
Event isset -1: false +warning
Event write -1: false +warning
Event write closed stream: TypeError
Event defer not callable: false +warning
Event cycle null: false
Event exit outside a loop: NULL
Event dispatch with nothing: true
Event wait with nothing: NULL
== Process
new Process not callable: TypeError
new Process pipe type 99: Swoole\Process
Process kill PHP_INT_MAX: false +warning
Process kill no such pid: false
Process kill bad signal: false +warning
Process wait without children: false
Process signal 99999: false +warning
Process signal SIGKILL: false +warning
Process alarm -1: true
Process setAffinity 99999: false +warning
Process setAffinity strings: false +warning
Process write before start: int 1
Process setTimeout -1: true
Process read before start: false
Process close 99: true
Process useQueue bad mode: true
Process setPriority 99: false +warning
Process getPriority 99: false +warning
Process exec before start: false +warning
Process write to an exited child: false +warning
Process read from an exited child: false
Process close twice: false +warning
Process start twice: int
== Client
new Client type 99: TypeError
Client send before connect: false +warning "Swoole\Client::send(): client is not connected to server"
Client recv before connect: false +warning
Client recv -1: false +warning
Client getsockname before connect: false +warning
Client connect empty host: false +warning
Client connect port -1: false +warning
Client connect host with NUL: false +warning
Client connect refused: false +warning
Client set bad value: true
Client shutdown 99: false +warning
Client sendto on TCP: false +warning
Client close twice: false +warning
== Server running
send unknown fd: false
send fd 0: false +warning
send empty data: false +warning
close PHP_INT_MAX: false
getClientInfo -1: false
getClientList huge: false +warning
getClientList count -1: array
task to task worker PHP_INT_MAX: false +warning
taskwait timeout -1: false
taskWaitMulti empty: array
sendMessage to 9999: false +warning "Swoole\Server::sendMessage(): onPipeMessage is null, can't use sendMessage"
sendMessage to -1: false +warning
bind PHP_INT_MAX: false +warning
stop worker 9999: false
getWorkerPid 9999: false
getWorkerStatus -5: int 2
pause unknown fd: false
protect unknown fd: false
confirm unknown fd: false
sendfile unknown fd: false
sendwait unknown fd: false
set while running: false +warning
on while running: false +warning
addListener while running: false +warning
start while running: false +warning
server after PHP_INT_MAX: true
close own connection: true
send closed fd: false
close closed fd: false
exist closed fd: false
getClientInfo closed fd: false
pause closed fd: false
resume closed fd: false
sendfile closed fd: false
bind closed fd: false
start: true
== Server after shutdown
send after shutdown: false +warning
close after shutdown: false +warning
exist after shutdown: false +warning
stats after shutdown: false +warning
getClientList after shutdown: false +warning
shutdown after shutdown: false
reload after shutdown: false +warning
task after shutdown: false +warning
set after shutdown: false +warning
on after shutdown: false +warning
addListener after shutdown: false +warning
start after shutdown: false +warning "Swoole\Server::start(): The server have been shutdown, unable to execute Swoole\Server->start()"
143 calls
done
