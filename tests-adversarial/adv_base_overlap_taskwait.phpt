--TEST--
Adversarial, BASE reload overlap: a reloading worker still draining its connections calls taskwait(); its result must come back to it, not to its successor (which serves the same worker id meanwhile)
--EXTENSIONS--
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/adv.php';

$t = new Target('base1', ['tasks' => 1, 'max_wait' => 10]);
$old = $t->workers()[0];
$a = tcp($t->port['main']);
echo ask_frame($a, 'echo before the reload'), "\n";
// The reload: the old worker keeps connection $a and drains; its successor starts.
posix_kill($t->pid, SIGUSR1);
$t->waitFor("/^worker_start id=0 pid=(?!$old\\b)/");
$t->waitFor('/^worker_start id=1 /', 2);
// The old worker waits for a task of 0.3 s; it is held (SIGSTOP) while the
// result comes back and its successor runs a taskwait() of its own.
put_all($a, frame('slowtask for the draining worker'));
$t->waitFor('/^task_started slow:for the draining worker/');
posix_kill($old, SIGSTOP);
$b = tcp($t->port['main']);
echo ask_frame($b, 'task for the successor'), "\n";
posix_kill($old, SIGCONT);
echo read_frame($a), "\n";
socket_close($a);
socket_close($b);
check('base1: clean stop', $t->stopFailures());
?>
--EXPECT--
ok before the reload
task for the successor
task slow:for the draining worker
base1: clean stop: ok
