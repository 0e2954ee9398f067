--TEST--
Zero-downtime restart with enable_reuse_port, both modes: instance B starts on the port instance A listens on, A stops on SIGTERM while a client keeps opening connections; no connection is refused, reset or left unanswered, and B answers after A is gone
--EXTENSIONS--
swoole
posix
pcntl
--SKIPIF--
<?php
// Without net.ipv4.tcp_migrate_req (Linux 5.14+) a connection the kernel queues on
// the old instance's socket in the instant between its last accept and its
// leaving the group is reset: the switch is then nearly, not always, clean.
$knob = '/proc/sys/net/ipv4/tcp_migrate_req';
if (!file_exists($knob)) die('skip no net.ipv4.tcp_migrate_req (Linux < 5.14)');
if (trim(file_get_contents($knob)) !== '1' && !is_writable($knob)) die('skip net.ipv4.tcp_migrate_req is 0 and cannot be set');
?>
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

/**
 * In a child: connects, sends a line and reads the answer, again and again,
 * until $stop exists; each outcome ("a", "b" or "fail <why>") is a line of $log.
 */
function client_loop(int $port, string $log, string $stop): int
{
    $pid = pcntl_fork();
    if ($pid > 0) {
        return $pid;
    }
    $out = fopen($log, 'a');
    while (!file_exists($stop)) {
        $c = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
        if (!$c) {
            fwrite($out, "fail connect: $errstr\n");
            continue;
        }
        stream_set_timeout($c, 5);
        $sent = @fwrite($c, "ping\n");
        $line = $sent ? fgets($c) : false;
        fwrite($out, $line === false ? "fail no answer\n" : rtrim($line) . "\n");
        fclose($c);
    }
    fclose($out);
    posix_kill(getmypid(), SIGKILL);
}

/** The lines of $log so far, complete ones only. */
function outcomes(string $log): array
{
    $lines = explode("\n", (string)file_get_contents($log));
    array_pop($lines);
    return $lines;
}

/** Waits until $log has $n more lines than $from that $ok accepts. */
function wait_outcomes(string $log, int $from, int $n, callable $ok): void
{
    for ($i = 0; $i < 2000; $i++) {
        if (count(array_filter(array_slice(outcomes($log), $from), $ok)) >= $n) {
            return;
        }
        usleep(5000);
    }
    echo "fewer than $n outcomes\n";
}

$knob = '/proc/sys/net/ipv4/tcp_migrate_req';
$was = trim(file_get_contents($knob));
if ($was !== '1') {
    // Per network namespace; only reuseport groups losing a socket notice it.
    file_put_contents($knob, '1');
    register_shutdown_function(fn() => file_put_contents($knob, $was));
}

foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $port = free_port();
    $log = tempnam(sys_get_temp_dir(), 'restart');
    $stop = "$log.stop";
    register_shutdown_function(function () use ($log, $stop) { @unlink($log); @unlink($stop); });
    $a = new ServerProcess(__DIR__ . '/servers/restart_instance.php', ['a', $mode, $port]);
    kill_on_exit($a);
    $a->waitForLine('/^a ready/');
    if ($mode === 'base') {
        // Only a server with enable_reuse_port may join a running one.
        $plain = new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
        $plain->set(['worker_num' => 1]);
        $plain->on('receive', function () {});
        var_dump($plain->start());
        unset($plain);
    }
    $client = client_loop($port, $log, $stop);
    wait_outcomes($log, 0, 20, fn($l) => $l === 'a');

    $b = new ServerProcess(__DIR__ . '/servers/restart_instance.php', ['b', $mode, $port]);
    kill_on_exit($b);
    $b->waitForLine('/^b ready/');
    // The kernel spreads new connections over both instances' sockets.
    wait_outcomes($log, 0, 5, fn($l) => $l === 'b');

    $a->signal(SIGTERM);
    $out = $a->wait();
    echo "a stopped: ", str_contains($out, 'a shutdown') ? 'yes' : "no:\n$out", "\n";
    $after = count(outcomes($log));
    wait_outcomes($log, $after, 50, fn($l) => $l === 'b');
    touch($stop);
    pcntl_waitpid($client, $status);
    $all = outcomes($log);
    $failed = array_values(array_filter($all, fn($l) => str_starts_with($l, 'fail')));
    echo "failed: ", count($failed), $failed ? ' (' . implode('; ', array_unique($failed)) . ')' : '', "\n";
    echo "answered after a stopped: ", implode(',', array_unique(array_slice($all, $after))), "\n";
    $b->stop();
    @unlink($stop);
}
?>
--EXPECTF--
--- base

Warning: Swoole\Server::start(): failed to listen server port[127.0.0.1:%d], Error: Address already in use[98] in %s on line %d
bool(false)
a stopped: yes
failed: 0
answered after a stopped: b
--- process
a stopped: yes
failed: 0
answered after a stopped: b
