--TEST--
PROCESS dispatch_func: the master (worker_id -1) names each event's worker; what it is given (at most 8152 bytes); null, -1, -2, a worker past worker_num and an unknown negative drop the event (a framed packet's drop closes its connection); -3 falls back; an exception is reported and the event goes to worker 0
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

$port = free_port();
$srv = server_from_code(<<<'PHP'
<?php
$srv = new Swoole\Server('127.0.0.1', (int)$argv[1], SWOOLE_PROCESS);
$srv->set([
    'worker_num' => 3,
    'log_level' => SWOOLE_LOG_WARNING,
    'dispatch_func' => function (Swoole\Server $s, int $fd, int $type, ?string $data = null) {
        $what = $data === null ? 'null' : (strlen($data) > 16 ? 'len=' . strlen($data) : json_encode($data));
        echo "dispatch fd=$fd type=$type data=$what wid=", var_export($s->worker_id, true),
            " master=", var_export(getmypid() === $s->master_pid, true), "\n";
        return match ($type) {
            5 => 2, // connect
            4 => 1, // close
            default => match ($data[0]) {
                'b' => 7,
                's' => '1',
                'n' => null,
                'm' => SWOOLE_DISPATCH_RESULT_DISCARD_PACKET,
                'c' => SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION,
                'f' => SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK,
                'z' => -5,
                'x' => throw new RuntimeException('no worker for x'),
                default => (int)$data[0],
            },
        };
    },
]);
// A second port whose packets are lines.
$srv->listen('127.0.0.1', (int)$argv[2], SWOOLE_SOCK_TCP)->set(['open_eof_split' => true, 'package_eof' => "\n"]);
$srv->on('start', function () { echo "started\n"; });
$srv->on('connect', function ($s, $fd) { echo "onConnect fd=$fd wid={$s->worker_id}\n"; });
// (-1 would say the server closed it; otherwise the reactor thread's id.)
$srv->on('close', function ($s, $fd, $rid) { echo "onClose fd=$fd wid={$s->worker_id} by=", $rid < 0 ? 'server' : 'reactor', "\n"; });
$srv->on('receive', function ($s, $fd, $rid, $data) {
    $what = strlen($data) > 16 ? 'len=' . strlen($data) : json_encode($data);
    echo "onReceive fd=$fd wid={$s->worker_id} data=$what\n";
    $s->send($fd, "w={$s->worker_id}\n");
});
$srv->start();
PHP, [$port, $lines_port = free_port()]);
$srv->waitForLine('/^started$/');
wait_for_port($port);

$c = new TestClient($port);
echo $srv->waitForLine('/^onConnect /'), "\n";
// Each packet is sent once the one before it was dispatched.
foreach (["0a", "2b", "1c", "s", "b", "n", "m", "c", "z", "f", "x", "2last"] as $msg) {
    $c->send($msg);
    echo preg_replace('/fd=\d+/', 'fd=N', $srv->waitForLine('/^dispatch .*data=' . preg_quote(json_encode($msg), '/') . ' /')), "\n";
    if (in_array($msg[0], ['b', 'n', 'm', 'c', 'z'], true)) {
        continue;
    }
    echo "  reply: ", trim(fgets($c->sock)), "\n";
}
$c->close();
echo $srv->waitForLine('/^onClose fd=1 /'), "\n";

echo "--- a port of lines\n";
$d = new TestClient($lines_port);
echo $srv->waitForLine('/^onConnect fd=2 /'), "\n";
$d->send(str_repeat('1', 20000) . "\n");
echo preg_replace('/fd=\d+/', 'fd=N', $srv->waitForLine('/^dispatch .*data=len=8152 /')), "\n";
echo "  reply: ", trim(fgets($d->sock)), "\n";
echo $srv->waitForLine('/^onReceive fd=2 /'), "\n";
$d->send("b\n");
echo "  then the connection: ", var_export(fgets($d->sock), true), "\n";
echo $srv->waitForLine('/^onClose fd=2 /'), "\n";
$out = $srv->stop();
$lines = explode("\n", without_log_copies($out));
echo "invalid worker-id warning: ", count(preg_grep('/Warning: .*invalid target worker-id\[7\]/', $lines)), "\n";
echo "unknown negative logged: ", count(preg_grep('/WARNING\t.*invalid target worker id\[-5\]/', $lines)), "\n";
echo "exception reported: ", count(preg_grep('/Fatal error: +Uncaught RuntimeException: no worker for x/', $lines)), "\n";
echo "fallback worker: ", preg_match('/^onReceive fd=\d+ wid=(\d) data="f"$/m', $out, $m) ? "a worker" : "none", "\n";
echo "dropped packets received: ", count(preg_grep('/^onReceive .*data="[bnmcz]/', $lines)), "\n";
?>
--EXPECTF--
onConnect fd=1 wid=2
dispatch fd=N type=0 data="0a" wid=-1 master=true
  reply: w=0
dispatch fd=N type=0 data="2b" wid=-1 master=true
  reply: w=2
dispatch fd=N type=0 data="1c" wid=-1 master=true
  reply: w=1
dispatch fd=N type=0 data="s" wid=-1 master=true
  reply: w=1
dispatch fd=N type=0 data="b" wid=-1 master=true
dispatch fd=N type=0 data="n" wid=-1 master=true
dispatch fd=N type=0 data="m" wid=-1 master=true
dispatch fd=N type=0 data="c" wid=-1 master=true
dispatch fd=N type=0 data="z" wid=-1 master=true
dispatch fd=N type=0 data="f" wid=-1 master=true
  reply: w=%d
dispatch fd=N type=0 data="x" wid=-1 master=true
  reply: w=0
dispatch fd=N type=0 data="2last" wid=-1 master=true
  reply: w=2
onClose fd=1 wid=1 by=reactor
--- a port of lines
onConnect fd=2 wid=2
dispatch fd=N type=0 data=len=8152 wid=-1 master=true
  reply: w=1
onReceive fd=2 wid=1 data=len=20001
  then the connection: false
onClose fd=2 wid=1 by=reactor
invalid worker-id warning: 2
unknown negative logged: 1
exception reported: 1
fallback worker: a worker
dropped packets received: 0
