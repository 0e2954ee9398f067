<?php
/**
 * The adversarial suite's harness, shared by every scenario and by bench/soak:
 *
 * - Target: one server (servers/target.php) in a given mode, its process
 *   tree, the fds and RSS of every process in it before and after an attack,
 *   and the checks of its end (exit status, every process gone, no panic, no
 *   death by a signal the test did not send).
 * - GoodClients: well-behaved clients that keep sending requests (split at
 *   random points, pipelined) and check every reply byte for byte.
 * - Attack: an attacker running in a process of its own (attack.php, without
 *   the extension), so attacks and checks run at the same time.
 * - check(): one "label: ok" line, or the failures.
 *
 * GoodClients is in good_clients.php, the attackers in attackers.php. Nothing here loads or calls
 * the extension: the suite talks to it through PHP scripts and sockets only.
 */
require_once __DIR__ . '/../../tests-phpt/include/bootstrap.php';
require_once __DIR__ . '/../../tests-phpt/servers/helpers.php';
require_once __DIR__ . '/good_clients.php';
require_once __DIR__ . '/attackers.php';

/** The server modes every scenario runs in (see servers/target.php). */
const MODES = ['base1', 'base2', 'process'];

/** Lines of a server's output that mean something broke inside it. */
const CRASH_PATTERN = '/Rust panic|panicked at|\(panic\)|Segmentation fault|core dumped|Fatal error|double free|corrupted/i';

/** Prints "$label: ok", or "$label: FAIL" with each failure. */
function check(string $label, array $failures): void
{
    echo $label, ': ', $failures ? "FAIL\n  - " . implode("\n  - ", $failures) : 'ok', "\n";
}

/** ppid and state of every process, from one pass over /proc. */
function all_procs(): array
{
    $procs = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        $stat = @file_get_contents($f);
        $close = $stat === false ? false : strrpos($stat, ')');
        if ($close !== false) {
            $fields = explode(' ', substr($stat, $close + 2));
            $procs[(int)basename(dirname($f))] = ['ppid' => (int)$fields[1], 'state' => $fields[0]];
        }
    }
    return $procs;
}

/**
 * The live processes of the tree under $root (itself included): pid =>
 * ['fds' => open fds, 'rss' => VmRSS, 'anon' => RssAnon (the process's own
 * memory), 'shmem' => RssShmem (pages of shared memory it has touched)], in KiB.
 */
function tree_usage(int $root): array
{
    $procs = all_procs();
    $todo = isset($procs[$root]) ? [$root] : [];
    $out = [];
    while ($todo) {
        $pid = array_pop($todo);
        if ($procs[$pid]['state'] !== 'Z') {
            $fds = @scandir("/proc/$pid/fd");
            $status = (string)@file_get_contents("/proc/$pid/status");
            preg_match_all('/^(VmRSS|RssAnon|RssShmem):\s+(\d+)/m', $status, $m);
            $kib = array_combine($m[1], array_map('intval', $m[2]));
            $out[$pid] = ['fds' => $fds === false ? 0 : count($fds) - 2, 'rss' => $kib['VmRSS'] ?? 0,
                          'anon' => $kib['RssAnon'] ?? 0, 'shmem' => $kib['RssShmem'] ?? 0];
        }
        foreach ($procs as $child => $p) {
            if ($p['ppid'] === $pid) {
                $todo[] = $child;
            }
        }
    }
    ksort($out);
    return $out;
}

/** Sums of a tree_usage(): [processes, fds, RSS, private RSS (RssAnon)], the last two in KiB. */
function usage_totals(array $usage): array
{
    return [count($usage), array_sum(array_column($usage, 'fds')), array_sum(array_column($usage, 'rss')),
            array_sum(array_column($usage, 'anon'))];
}

/**
 * One server of servers/target.php, started in its own process with its
 * output going to a file (a pipe nobody reads during an attack could fill
 * and block the server).
 */
final class Target
{
    /**
     * Private RSS (RssAnon) the whole server tree may keep over its baseline
     * after an attack (allocator caches, grown buffers). Shared memory is not
     * counted: the session table is one fixed mapping whose pages a process
     * touches as session ids advance through it (all 18 MiB of it, in each
     * process, once 131,072 ids have gone by: the 2 s RST storm alone hands
     * out some 180,000), which the mapping bounds; it is not a leak.
     */
    public const RSS_SLACK_KIB = 16 * 1024;

    /** Pid of the process that called start() (the master). */
    public int $pid;
    /** The three ports: main (length-framed), eof (EOF-framed), raw. */
    public array $port = [];
    /** Every pid seen in the server's tree, so that the end can check each one is gone. */
    public array $seen = [];
    /** Pids the scenario killed on purpose: their abnormal exit is expected. */
    public array $killed = [];
    /** usage_totals() of the idle server after its warm-up. */
    public array $baseline = [];
    /** The proc_open handle. */
    private $proc;
    /** The file the server's stdout and stderr go to. */
    private string $log;
    /** Whether stop() ran (the exit safety net then does nothing). */
    private bool $stopped = false;

    /**
     * Starts servers/target.php in $mode (base1, base2, process) with the
     * target's options (tasks, max, max_conn, start_session_id...), waits until
     * every worker runs, warms it up with good clients and takes its baseline.
     * SWOOLE_SO names the extension (bench/ may point it at another build).
     */
    public function __construct(public string $mode, array $opt = [])
    {
        $this->log = tempnam(sys_get_temp_dir(), 'adv-server-');
        $port = free_port();
        $cmd = [PHP_BINARY, '-d', 'extension=' . swoole_so(), '-d', 'display_errors=stderr', '-d', 'error_reporting=-1',
                '-d', 'memory_limit=512M', __DIR__ . '/../servers/target.php', (string)$port, $mode];
        foreach ($opt as $k => $v) {
            $cmd[] = "$k=$v";
        }
        $this->proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $this->log, 'a'],
                                       2 => ['file', $this->log, 'a']], $pipes);
        $this->pid = proc_get_status($this->proc)['pid'];
        $me = getmypid();
        register_shutdown_function(function () use ($me) {
            if (getmypid() === $me && !$this->stopped) {
                $this->killAll();
                echo "[adv: server still running at exit, killed]\n";
            }
        });
        $workers = ($mode === 'base1' ? 1 : 2) + ($opt['tasks'] ?? 0);
        $this->waitFor('/^worker_start /', $workers);
        [, $main, $eof, $raw] = explode(' ', $this->waitFor('/^ports /')[0]);
        $this->port = ['main' => (int)$main, 'eof' => (int)$eof, 'raw' => (int)$raw];
        wait_for_port($this->port['main']);
        $warm = new GoodClients($this, 4);
        $warm->run(0.3);
        $warm->close();
        if ($f = $warm->failures(20)) {
            throw new RuntimeException("$mode: the warm-up failed: " . implode('; ', $f) . "\n" . $this->output());
        }
        $this->baseline = $this->steady();
    }

    /** Everything the server printed so far. */
    public function output(): string
    {
        return (string)@file_get_contents($this->log);
    }

    /** Waits until $n lines match $regex; returns them. */
    public function waitFor(string $regex, int $n = 1, float $timeout = 20.0): array
    {
        $deadline = clock() + $timeout;
        while (count($hits = preg_grep($regex, explode("\n", $this->output()))) < $n) {
            if (clock() > $deadline || !proc_get_status($this->proc)['running']) {
                throw new RuntimeException("$this->mode: fewer than $n lines matching $regex; output:\n" . $this->output());
            }
            usleep(10000);
        }
        return array_values($hits);
    }

    /** The server tree's usage now (and every pid in it remembered). */
    public function usage(): array
    {
        $u = tree_usage($this->pid);
        $this->seen += array_fill_keys(array_keys($u), true);
        return $u;
    }

    /** The live pids of the event workers (or, with $task, the task workers), by worker id. */
    public function workers(bool $task = false): array
    {
        $pids = [];
        foreach (preg_grep('/^worker_start /', explode("\n", $this->output())) as $line) {
            preg_match('/id=(\d+) pid=(\d+) task=(\d)/', $line, $m);
            if ((bool)$m[3] === $task) {
                $pids[(int)$m[1]] = (int)$m[2];  // a later start of the same id replaces the earlier
            }
        }
        return array_filter($pids, 'pid_alive');
    }

    /** SIGKILLs $pid (a process of this server) and remembers it did. */
    public function kill(int $pid): void
    {
        $this->killed[$pid] = true;
        posix_kill($pid, SIGKILL);
    }

    /** Totals once the tree is quiet (see quietUsage()). */
    private function steady(float $timeout = 5.0): array
    {
        return usage_totals($this->quietUsage($timeout));
    }

    /**
     * The tree's usage once it is quiet: the same processes and fds seen
     * three times 50 ms apart (a close still being handled, a worker still
     * starting, change them), or after $timeout.
     */
    public function quietUsage(float $timeout = 5.0): array
    {
        $deadline = clock() + $timeout;
        $last = null;
        $same = 0;
        while (clock() < $deadline && $same < 3) {
            $now = $this->usage();
            $same = $last !== null && array_column($now, 'fds') === array_column($last, 'fds')
                && array_keys($now) === array_keys($last) ? $same + 1 : 0;
            $last = $now;
            usleep(50000);
        }
        return $last ?? $this->usage();
    }

    /**
     * The failures of "back to baseline": after every attacker and client has
     * gone, within 10 s, the same number of processes and no more fds than
     * the baseline, and private RSS at most RSS_SLACK_KIB over it.
     */
    public function resourceFailures(): array
    {
        [$procs, $fds, , $anon] = $this->baseline;
        $deadline = clock() + 10.0;
        do {
            [$p, $f, , $a] = usage_totals($this->usage());
            if ($p === $procs && $f <= $fds) {
                break;
            }
            usleep(100000);
        } while (clock() < $deadline);
        $out = [];
        if ($p !== $procs) {
            $out[] = "$p processes, baseline $procs";
        }
        if ($f > $fds) {
            $out[] = "$f fds, baseline $fds";
        }
        if ($a > $anon + self::RSS_SLACK_KIB) {
            $out[] = sprintf('private RSS %.1f MiB, baseline %.1f MiB', $a / 1024, $anon / 1024);
        }
        return $out;
    }

    /**
     * SIGTERM (unless the scenario sent it: a second one may arrive after
     * start() returned, when it ends PHP as it ends any script), then the
     * failures of a clean end: start() returned true and the master exited
     * with 0 within 15 s, every process ever seen in the tree is gone, no
     * crash in the output, no worker died of a signal the scenario did not send.
     */
    public function stopFailures(bool $signal = true, float $timeout = 15.0): array
    {
        $this->usage();
        if ($signal) {
            posix_kill($this->pid, SIGTERM);
        }
        $out = [];
        $deadline = clock() + $timeout;
        while (($st = proc_get_status($this->proc))['running'] && clock() < $deadline) {
            usleep(10000);
        }
        if ($st['running']) {
            $out[] = "the master ignored SIGTERM for {$timeout}s";
        } elseif ($st['signaled']) {
            $out[] = "the master died of signal {$st['termsig']}";
        } elseif ($st['exitcode'] !== 0) {
            $out[] = "the master exited with {$st['exitcode']}";
        }
        $deadline = clock() + 3.0;
        while (($left = array_filter(array_keys($this->seen), 'pid_alive')) && clock() < $deadline) {
            usleep(20000);
        }
        if ($left) {
            $out[] = 'still running after the master exited: ' . implode(' ', $left);
        }
        $log = $this->output();
        $this->killAll();
        if (!str_contains($log, 'start_returned true')) {
            $out[] = 'start() did not return true';
        }
        foreach (preg_grep(CRASH_PATTERN, explode("\n", $log)) as $line) {
            $out[] = "crash in the output: $line";
        }
        preg_match_all('/pid=(\d+)[^\n]*?signal=(\d+)/', $log, $deaths, PREG_SET_ORDER);
        foreach ($deaths as [$line, $pid, $sig]) {
            if ($sig !== '0' && !isset($this->killed[(int)$pid])) {
                $out[] = "a process died of a signal the test did not send: $line";
            }
        }
        return $out;
    }

    /** SIGKILLs whatever is left of the tree (a failed run leaves nothing behind). */
    private function killAll(): void
    {
        $this->stopped = true;
        foreach (array_keys($this->seen + $this->usage()) as $pid) {
            if (pid_alive($pid)) {
                posix_kill($pid, SIGKILL);
            }
        }
        proc_close($this->proc);
        @unlink($this->log);
    }

    /**
     * Runs each attacker of $attacks (name => arguments; the ports are added)
     * in a process of its own while $good keeps checking replies, until every
     * attacker is done. Returns the attackers' failures.
     */
    public function underAttack(GoodClients $good, array $attacks, ?callable $tick = null): array
    {
        $running = [];
        foreach ($attacks as $name => $args) {
            $running[$name] = new Attack(preg_replace('/#.*/', '', $name), $args + ['ports' => $this->port]);
        }
        $good->run(60.0, $tick, function () use ($running) {
            foreach ($running as $a) {
                if ($a->running()) {
                    return false;
                }
            }
            return true;
        });
        $failures = [];
        foreach ($running as $name => $a) {
            foreach ($a->result()['failures'] as $f) {
                $failures[] = "$name: $f";
            }
        }
        return $failures;
    }

    /**
     * The end of a scenario: closes the good clients and prints the four
     * verdicts (good clients, attackers, resources, clean stop). $allow holds
     * what the scenario tolerates from the good clients (see GoodClients::failures).
     */
    public function finish(GoodClients $good, array $attackFailures, array $allow = []): void
    {
        $good->close();
        check("$this->mode: good clients", $good->failures(...$allow));
        check("$this->mode: attackers", $attackFailures);
        check("$this->mode: fds and RSS back to baseline", $this->resourceFailures());
        check("$this->mode: clean stop", $this->stopFailures());
    }
}

/**
 * Runs the PHP script $script (with the extension) to its end, at most
 * $timeout seconds. Returns [its output, the failures: a hang, an exit that
 * is not 0 or by a signal, a crash line in the output, a process of its
 * tree still running afterwards].
 */
function run_php(string $script, array $args = [], float $timeout = 60.0): array
{
    $log = tempnam(sys_get_temp_dir(), 'adv-php-');
    $cmd = array_merge([PHP_BINARY, '-d', 'extension=' . swoole_so(), '-d', 'display_errors=stderr', $script], $args);
    $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']], $pipes);
    $pid = proc_get_status($proc)['pid'];
    $seen = [];
    $deadline = clock() + $timeout;
    while (($st = proc_get_status($proc))['running'] && clock() < $deadline) {
        $seen += tree_usage($pid);
        usleep(20000);
    }
    $failures = [];
    if ($st['running']) {
        $failures[] = "still running after {$timeout}s (a hang)";
        foreach (array_keys($seen + tree_usage($pid)) as $p) {
            posix_kill($p, SIGKILL);
        }
    } elseif ($st['signaled']) {
        $failures[] = "died of signal {$st['termsig']}";
    } elseif ($st['exitcode'] !== 0) {
        $failures[] = "exited with {$st['exitcode']}";
    }
    proc_close($proc);
    $out = (string)file_get_contents($log);
    unlink($log);
    foreach (preg_grep(CRASH_PATTERN, explode("\n", $out)) as $line) {
        $failures[] = "crash in the output: $line";
    }
    usleep(100000);
    if ($left = array_filter(array_keys($seen), 'pid_alive')) {
        $failures[] = 'still running: ' . implode(' ', $left);
        array_map(fn($p) => posix_kill($p, SIGKILL), $left);
    }
    return [$out, $failures];
}

/** An attacker (a function attack_NAME of attackers.php) running in a PHP process of its own. */
final class Attack
{
    /** The proc_open handle. */
    private $proc;
    /** Its stdout: one JSON line at the end. */
    private $stdout;

    public function __construct(private string $name, array $args)
    {
        $cmd = [PHP_BINARY, '-d', 'display_errors=stderr', '-d', 'memory_limit=1G', __DIR__ . '/attack.php', $name, json_encode($args)];
        $this->proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
        $this->stdout = $pipes[1];
    }

    public function running(): bool
    {
        return proc_get_status($this->proc)['running'];
    }

    /** Waits for the attacker's end; its result (['failures' => [...], ...]). */
    public function result(): array
    {
        $out = stream_get_contents($this->stdout);
        proc_close($this->proc);
        $lines = explode("\n", trim($out));
        $r = json_decode((string)end($lines), true);
        return is_array($r) ? $r : ['failures' => ["attacker {$this->name} ended without a result: $out"]];
    }
}
