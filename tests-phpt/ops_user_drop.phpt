--TEST--
Operations: user/group drop root in every process that serves connections, also a single BASE process (after onStart); workers die with a kill -9'ed master; shutdown() from a worker works as that user; an unknown user or group stops start() with a clear warning
--EXTENSIONS--
swoole
posix
--SKIPIF--
<?php
if (posix_geteuid() !== 0) die('skip needs root');
if (!posix_getpwnam('nobody')) die('skip no user nobody');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$nobody = posix_getpwnam('nobody');
$nobody_is = sprintf('uid=%d gid=%d groups=%d', $nobody['uid'], $nobody['gid'], $nobody['gid']);

function start_server(string $mode, array $settings): array
{
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/user_server.php', [$port, $mode, json_encode($settings)]);
    kill_on_exit($srv);
    $workers = $settings['worker_num'] ?? 1;
    $lines = $srv->waitForLines('/^worker \d+ /', $workers);
    wait_for_port($port);
    return [$srv, $port, $lines];
}

foreach (['base', 'process'] as $mode) {
    echo "--- $mode, one worker\n";
    [$srv, $port, $lines] = start_server($mode, ['user' => 'nobody']);
    echo preg_replace('/ pid=\d+/', '', str_replace($nobody_is, 'NOBODY', $lines[0])), "\n";
    echo $srv->waitForLine('/^onStart /'), "\n";
    $c = new TestClient($port);
    echo str_replace($nobody_is, 'NOBODY', ask($c, 'whoami')), "\n";
    echo ask($c, 'shutdown'), "\n";
    echo $srv->waitForLine('/^start\(\) returned/'), "\n";
    $srv->wait();
    echo "exit: ", var_export($srv->exitCode, true), "\n";

    echo "--- $mode, two workers, kill -9 of the master\n";
    [$srv, , $lines] = start_server($mode, ['user' => 'nobody', 'worker_num' => 2]);
    $pids = pids_in(implode("\n", $lines), '/^worker /');
    $manager = $mode === 'process' ? array_diff(child_pids($srv->pid), $pids) : [];
    posix_kill($srv->pid, SIGKILL);
    $srv->wait();
    $deadline = clock() + 5;
    while (array_filter(array_merge($pids, $manager), 'pid_alive') && clock() < $deadline) {
        usleep(10000);
    }
    echo "left after the master died: ", json_encode(array_values(array_filter(array_merge($pids, $manager), 'pid_alive'))), "\n";

    echo "--- $mode, unknown names\n";
    foreach ([['user' => 'no-such-user-here'], ['user' => 'nobody', 'group' => 'no-such-group-here']] as $bad) {
        $srv = new ServerProcess(__DIR__ . '/servers/user_server.php', [free_port(), $mode, json_encode($bad + ['worker_num' => 2])]);
        kill_on_exit($srv);
        $out = preg_replace(['/ in \S+ on line \d+/', '/^(PHP )?Warning:\s+/m'], ['', 'Warning: '], $srv->wait());
        // (PHP shows the warning and logs it, both on stderr)
        echo implode("\n", array_unique(preg_grep('/^(Warning|start)/', explode("\n", $out)))), "\n";
        echo "exit: ", var_export($srv->exitCode, true), "\n";
    }
}
?>
--EXPECT--
--- base, one worker
worker 0 NOBODY
onStart uid=0
NOBODY
shutdown=true
start() returned true
exit: 0
--- base, two workers, kill -9 of the master
left after the master died: []
--- base, unknown names
Warning: Swoole\Server::start(): failed to start the server: user [no-such-user-here] does not exist (the user/group/chroot settings)
start() returned false
exit: 0
Warning: Swoole\Server::start(): failed to start the server: group [no-such-group-here] does not exist (the user/group/chroot settings)
start() returned false
exit: 0
--- process, one worker
worker 0 NOBODY
onStart uid=0
NOBODY
shutdown=true
start() returned true
exit: 0
--- process, two workers, kill -9 of the master
left after the master died: []
--- process, unknown names
Warning: Swoole\Server::start(): failed to start the server: user [no-such-user-here] does not exist (the user/group/chroot settings)
start() returned false
exit: 0
Warning: Swoole\Server::start(): failed to start the server: group [no-such-group-here] does not exist (the user/group/chroot settings)
start() returned false
exit: 0
