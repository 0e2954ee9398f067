--TEST--
PROCESS mode: SIGTERM to the master and $server->shutdown() from a worker stop every worker (onWorkerStop), then the manager (onManagerStop), then the master (onShutdown); start() returns true, exit 0, clients see EOF
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_life_helpers.php';

function scenario(string $how): void
{
    echo "--- $how\n";
    $port = free_port();
    $seen = [];
    $srv = new ServerProcess(__DIR__ . '/servers/process_life_server.php', [$port, json_encode(['worker_num' => 2, 'task_worker_num' => 1])]);
    kill_tree_on_exit($srv, $seen);
    wait_for_port($port);
    $starts = implode("\n", $srv->waitForLines('/^onWorkerStart /', 3));
    $manager = pids_in($srv->waitForLine('/^onManagerStart /'), '/./')[0];
    $master = $srv->pid;
    $workers = pids_in($starts, '/./');
    sort($workers);
    $seen = array_merge([$master, $manager], $workers);
    echo "process tree: master -> manager -> 3 workers: ";
    $tree = child_pids($manager);
    sort($tree);
    same([child_pids($master), $tree], [[$manager], $workers]);
    echo "onStart in the master names the manager: ";
    same($srv->waitForLine('/^onStart /'), "onStart master_pid=$master manager_pid=$manager pid=$master");

    $control = new TestClient($port);
    echo "control: ";
    same(ask($control, 'task'), 'task=' . pids_in($starts, '/kind=task/')[0] . ' wid=2');
    $load = new LoadClients($port, 5, 3.0);
    $load->run(0.3);
    echo "load answered: ";
    same([$load->clientsAnsweredBy($workers), $load->timedOut, $load->eofCount()], [5, 0, 0]);

    if ($how === 'SIGTERM to the master') {
        posix_kill($master, SIGTERM);
    } else {
        $control->send("shutdown\n");
    }
    // the clients keep talking until the master is done
    load_until_line($load, $srv, '/^after start: /');
    $out = $srv->wait();
    if ($how !== 'SIGTERM to the master') {
        // shutdown() returns true; its reply may or may not get out before the connections close
        $reply = rtrim((string)fgets($control->sock), "\n");
        echo "shutdown() reply: ";
        same(in_array($reply, ['shutdown=true', ''], true), true);
    }
    echo "exit code: ";
    same($srv->exitCode, 0);
    echo "clients see EOF: ";
    same($load->waitAllEof(), 5);
    echo "control connection EOF: ";
    same([fread($control->sock, 100), feof($control->sock)], ['', true]);
    $control->close();
    $load->close();

    $lines = explode("\n", $out);
    $stops = pids_in($out, '/^onWorkerStop /');
    sort($stops);
    echo "onWorkerStop ran once in each worker: ";
    same($stops, $workers);
    echo "onManagerStop ran in the manager: ";
    same(pl_lines($out, '/^onManagerStop /'), ["onManagerStop pid=$manager"]);
    echo "onShutdown ran in the master: ";
    same(pl_lines($out, '/^onShutdown /'), ["onShutdown pid=$master"]);
    echo "start() returned true with no child left: ";
    same(pl_lines($out, '/^after start: /'), ["after start: true pid=$master children=[]"]);
    $at = fn(string $re) => array_keys(preg_grep($re, $lines));
    echo "order: workers stop, then the manager, then onShutdown, then start() returns: ";
    same(max($at('/^onWorkerStop /')) < $at('/^onManagerStop /')[0]
        && $at('/^onManagerStop /')[0] < $at('/^onShutdown /')[0]
        && $at('/^onShutdown /')[0] < $at('/^after start: /')[0], true);
    echo "no worker error or warning: ";
    same(pl_lines($out, '/onWorkerError|abnormal|Warning|Fatal|WARNING|ERROR/'), []);
    echo "processes left: ";
    same(wait_pids_gone($seen), []);
}

scenario('SIGTERM to the master');
scenario('shutdown() from a worker');
?>
--EXPECT--
--- SIGTERM to the master
process tree: master -> manager -> 3 workers: as expected
onStart in the master names the manager: as expected
control: as expected
load answered: as expected
exit code: as expected
clients see EOF: as expected
control connection EOF: as expected
onWorkerStop ran once in each worker: as expected
onManagerStop ran in the manager: as expected
onShutdown ran in the master: as expected
start() returned true with no child left: as expected
order: workers stop, then the manager, then onShutdown, then start() returns: as expected
no worker error or warning: as expected
processes left: as expected
--- shutdown() from a worker
process tree: master -> manager -> 3 workers: as expected
onStart in the master names the manager: as expected
control: as expected
load answered: as expected
shutdown() reply: as expected
exit code: as expected
clients see EOF: as expected
control connection EOF: as expected
onWorkerStop ran once in each worker: as expected
onManagerStop ran in the manager: as expected
onShutdown ran in the master: as expected
start() returned true with no child left: as expected
order: workers stop, then the manager, then onShutdown, then start() returns: as expected
no worker error or warning: as expected
processes left: as expected
