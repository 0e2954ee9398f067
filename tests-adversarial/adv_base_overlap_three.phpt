--TEST--
Adversarial, BASE overlap of three: with max_request 1 each worker drains its connection beside its successor, so three processes of worker id 0 live at once (two reply lanes per id); each one's taskwait() gets its own result while another one's waits
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

$t = new Target('base1', ['tasks' => 1, 'max_wait' => 10, 'max_request' => 1]);
/** The pid of the event worker that started after $known (all live ones before it). */
function successor(Target $t, array $known): int
{
    $t->waitFor('/^worker_start id=0 pid=(?!(' . implode('|', $known) . ')\b)/');
    return $t->workers()[0];
}
$first = $t->workers()[0];
$a = tcp($t->port['main']);
// Its one request: the first drains, keeping $a; the second starts.
echo ask_frame($a, 'echo to the first'), "\n";
$second = successor($t, [$first]);
$b = tcp($t->port['main']);
echo ask_frame($b, 'echo to the second'), "\n";
$third = successor($t, [$first, $second]);
$c = tcp($t->port['main']);
echo ask_frame($c, 'echo to the third'), "\n";
echo 'three live processes of worker 0: ', json_encode(pid_alive($first) && pid_alive($second) && pid_alive($third)), "\n";
// Each of the first two waits for a task of 0.3 s, held (SIGSTOP) while its
// result comes back and the third runs a taskwait() of its own meanwhile.
foreach ([[$a, $first, 'first'], [$b, $second, 'second']] as [$conn, $pid, $name]) {
    put_all($conn, frame("slowtask for the $name"));
    $t->waitFor("/^task_started slow:for the $name/");
    posix_kill($pid, SIGSTOP);
    echo ask_frame($c, "task for the third, beside the $name"), "\n";
    posix_kill($pid, SIGCONT);
    echo read_frame($conn), "\n";
}
socket_close($a);
socket_close($b);
socket_close($c);
check('base1: clean stop', $t->stopFailures());
?>
--EXPECT--
ok to the first
ok to the second
ok to the third
three live processes of worker 0: true
task for the third, beside the first
task slow:for the first
task for the third, beside the second
task slow:for the second
base1: clean stop: ok
