--TEST--
Server::task()/taskwait(): scalars, strings, arrays and objects arrive in onTask as the same value and come back as the same value, through taskwait, onFinish and a finish callback, 4 MiB payloads included both ways
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/task_values.php', [$port]);
kill_on_exit($srv);
wait_for_port($port);
$srv->waitForLines('/^onWorkerStart /', 3);

$c = new TestClient($port);
foreach (['wait', 'async', 'call'] as $cmd) {
    echo "--- $cmd\n";
    $r = json_decode(ask($c, $cmd), true);
    foreach ($r ?? ['no reply' => false] as $name => $ok) {
        echo str_pad($name, 30), $ok === true ? 'same' : json_encode($ok), "\n";
    }
}
$c->close();

$out = $srv->stop();
var_dump($srv->exitCode);
echo preg_replace('/^onWorkerStart .*\n/m', '', $out);
var_dump(child_pids($srv->pid));
?>
--EXPECT--
--- wait
int                           same
negative                      same
float                         same
true                          same
false                         same
null                          same
empty string                  same
binary string                 same
string that looks serialized  same
list                          same
nested array                  same
stdClass                      same
Point                         same
4 MiB string                  same
4 MiB array                   same
--- async
int                           same
negative                      same
float                         same
true                          same
false                         same
null                          same
empty string                  same
binary string                 same
string that looks serialized  same
list                          same
nested array                  same
stdClass                      same
Point                         same
4 MiB string                  same
4 MiB array                   same
--- call
int                           same
negative                      same
float                         same
true                          same
false                         same
null                          same
empty string                  same
binary string                 same
string that looks serialized  same
list                          same
nested array                  same
stdClass                      same
Point                         same
4 MiB string                  same
4 MiB array                   same
int(0)
array(0) {
}
