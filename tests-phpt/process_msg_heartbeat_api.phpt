--TEST--
Server::heartbeat() in SWOOLE_PROCESS (and SWOOLE_BASE): heartbeat(false) lists the connections idle longer than heartbeat_idle_time (not the protected one, not the caller) and leaves them open; heartbeat() without an argument does the same (Swoole's C default is false); heartbeat(true) closes them (onClose fires); without heartbeat_check_interval it returns false
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_msg_helpers.php';

foreach (['process' => 2, 'base' => 1] as $mode => $workers) {
    echo "--- $mode\n";
    $port = free_port();
    // checks every 60 s: none runs during the test; heartbeat() uses the 1 s idle time
    $settings = json_encode(['worker_num' => $workers, 'heartbeat_check_interval' => 60, 'heartbeat_idle_time' => 1]);
    $srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, $mode, $settings]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLines('/^onWorkerStart /', $workers);
    $pids = wait_for_descendants($srv->pid, server_processes($mode, $workers));

    $fd = fn(string $reply) => preg_match('/^fd=(\d+) /', $reply, $m) ? (int)$m[1] : 0;
    $a = new TestClient($port);
    $b = new TestClient($port);
    $p = new TestClient($port);
    $c = new TestClient($port);
    $fdA = $fd(ask($a, "fd\n"));
    $fdB = $fd(ask($b, "fd\n"));
    $pReply = ask($p, "fd\n");
    echo ask($p, "protect\n"), "\n";
    ask($c, "fd\n");
    $show = fn(string $reply) => strtr($reply, [json_encode($fdA < $fdB ? [$fdA, $fdB] : [$fdB, $fdA]) => '[A,B]']);

    // c (the caller) keeps sending; a and b become idle after 1 s, p is protected
    $deadline = clock() + TEST_TIMEOUT;
    do {
        nap(0.1);
        $hb = ask($c, "hb\n");
    } while ($hb === 'hb=[]' && clock() < $deadline);
    if ($hb !== "hb=" . json_encode([min($fdA, $fdB), max($fdA, $fdB)])) {
        // one of the two may be listed a moment before the other
        nap(0.2);
        $hb = ask($c, "hb\n");
    }
    echo $show($hb), "\n";
    echo "still open: ", ask($c, "exist $fdA\n"), " ", ask($c, "exist $fdB\n"), ", EOF: ", var_export(readable($a->sock, 0.2) || readable($b->sock, 0), true), "\n";

    echo $show(ask($c, "hbclose\n")), "\n";
    var_dump($a->recvAll(), $b->recvAll());
    $srv->waitForLine("/^onClose fd=$fdA /");
    $srv->waitForLine("/^onClose fd=$fdB /");
    echo "onClose for a and b\n";
    echo ask($c, "exist $fdA\n"), " ", ask($c, "exist $fdB\n"), "\n";
    echo ask($c, "hb\n"), "\n";
    echo "protected still served: ", var_export(ask($p, "fd\n") === $pReply, true), "\n";

    // heartbeat() without an argument: Swoole's stub says $ifCloseConnection = true,
    // but the C code starts from false (zend_bool close_connection = 0 before
    // zend_parse_parameters "|b"), so an omitted argument only lists the idle ones
    $d = new TestClient($port);
    $fdD = $fd(ask($d, "fd\n"));
    $deadline = clock() + TEST_TIMEOUT;
    do {
        nap(0.1);
        $hb = ask($c, "hb\n");
    } while ($hb === 'hb=[]' && clock() < $deadline);
    echo strtr($hb, ["[$fdD]" => '[D]']), "\n";
    echo strtr(ask($c, "hbdefault\n"), ["[$fdD]" => '[D]']), "\n";
    echo "still open: ", ask($c, "exist $fdD\n"), ", EOF: ", var_export(readable($d->sock, 0.2), true), "\n";
    $d->close();

    $p->close();
    $c->close();
    $srv->waitForLines('/^onClose /', 5);
    $srv->stop();
    var_dump($srv->exitCode);
    echo "left: ", json_encode(alive($pids)), "\n";
}

echo "--- no heartbeat settings\n";
$port = free_port();
$srv = new ServerProcess(__DIR__ . '/servers/process_msg_server.php', [$port, 'process', '{"worker_num":1}']);
kill_on_exit($srv);
wait_for_port($port);
$c = new TestClient($port);
echo ask($c, "hb\n"), "\n";
echo ask($c, "hbclose\n"), "\n";
$c->close();
$srv->waitForLine('/^onClose /');
$srv->stop();
var_dump($srv->exitCode);
?>
--EXPECT--
--- process
protect=true
hb=[A,B]
still open: exist=true exist=true, EOF: false
hbclose=[A,B]
string(0) ""
string(0) ""
onClose for a and b
exist=false exist=false
hb=[]
protected still served: true
hb=[D]
hbdefault=[D]
still open: exist=true, EOF: false
int(0)
left: []
--- base
protect=true
hb=[A,B]
still open: exist=true exist=true, EOF: false
hbclose=[A,B]
string(0) ""
string(0) ""
onClose for a and b
exist=false exist=false
hb=[]
protected still served: true
hb=[D]
hbdefault=[D]
still open: exist=true, EOF: false
int(0)
left: []
--- no heartbeat settings
hb=false
hbclose=false
int(0)
