<?php
/**
 * Helpers for the process_life_*.phpt tests (on top of include/bootstrap.php
 * and servers/helpers.php). In SWOOLE_PROCESS mode the workers are
 * grandchildren of the test's child (master -> manager -> workers), so the
 * safety net and the "nothing left" checks walk the whole process tree.
 */

require_once __DIR__ . '/../include/process_helpers.php';

/** Lines of $output that match $regex (re-indexed). */
function pl_lines(string $output, string $regex): array
{
    return array_values(preg_grep($regex, explode("\n", $output)));
}

/** The lines of $output ended by "\n" (a line still being written is not one yet). */
function pl_complete_lines(string $output): array
{
    $lines = explode("\n", $output);
    array_pop($lines);
    return $lines;
}

/** Waits (polling /proc) until none of $pids is alive; returns the ones still alive. */
function wait_pids_gone(array $pids, float $timeout = TEST_TIMEOUT): array
{
    $deadline = clock() + $timeout;
    do {
        $alive = array_values(array_filter($pids, 'pid_alive'));
        if (!$alive) {
            return [];
        }
        usleep(10000);
    } while (clock() < $deadline);
    return $alive;
}

/**
 * N clients, each with ONE connection, each doing sequential request/reply
 * ("req <seq>\n" -> "rep <seq> pid=P wid=W\n"), all driven by stream_select
 * from the test process. A request not answered within $timeout seconds is
 * counted as timed out and a new one (new seq) is sent on the same connection;
 * a reply to an abandoned request that arrives later is counted as late.
 */
final class LoadClients
{
    /** @var resource[] */
    public array $socks = [];
    private array $buf = [];
    private array $seq = [];
    private array $sentAt = [];
    private array $waiting = [];
    public array $eof = [];
    /** worker pids that answered, per client, in order of the replies */
    public array $pidsByClient = [];
    public int $answered = 0;
    public int $timedOut = 0;
    /** client index => number of its requests that timed out */
    public array $timeoutsByClient = [];
    public int $late = 0;
    public array $bad = [];
    /** pid => number of replies */
    public array $replies = [];
    private bool $sending = true;

    /** $busyMs: each request makes the worker sleep this long (0: none). */
    public function __construct(int $port, int $n, public float $timeout = 2.0, public int $busyMs = 0)
    {
        for ($i = 0; $i < $n; $i++) {
            $s = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, TEST_TIMEOUT);
            if (!$s) {
                throw new RuntimeException("connect $i failed: $errstr");
            }
            stream_set_blocking($s, false);
            $this->socks[$i] = $s;
            $this->buf[$i] = '';
            $this->seq[$i] = 0;
            $this->waiting[$i] = false;
            $this->eof[$i] = false;
            $this->pidsByClient[$i] = [];
        }
    }

    private function sendNext(int $i): void
    {
        $this->seq[$i]++;
        $this->sentAt[$i] = clock();
        $this->waiting[$i] = true;
        fwrite($this->socks[$i], "req {$this->seq[$i]}" . ($this->busyMs ? " {$this->busyMs}" : '') . "\n");
    }

    /** Runs the clients for $seconds (sending new requests while allowed). */
    public function run(float $seconds): void
    {
        $end = clock() + $seconds;
        do {
            foreach ($this->socks as $i => $s) {
                if ($this->eof[$i]) {
                    continue;
                }
                if (!$this->waiting[$i]) {
                    if ($this->sending) {
                        $this->sendNext($i);
                    }
                } elseif (clock() - $this->sentAt[$i] > $this->timeout) {
                    $this->timedOut++;
                    $this->timeoutsByClient[$i] = ($this->timeoutsByClient[$i] ?? 0) + 1;
                    $this->waiting[$i] = false;
                    if ($this->sending) {
                        $this->sendNext($i);
                    }
                }
            }
            $r = array_filter($this->socks, fn($i) => !$this->eof[$i], ARRAY_FILTER_USE_KEY);
            if (!$r) {
                return;
            }
            $w = $e = null;
            if (@stream_select($r, $w, $e, 0, 20000) > 0) {
                foreach ($r as $i => $s) {
                    $chunk = fread($s, 65536);
                    if ($chunk === '' || $chunk === false) {
                        if (feof($s)) {
                            $this->eof[$i] = true;
                        }
                        continue;
                    }
                    $this->buf[$i] .= $chunk;
                    while (($p = strpos($this->buf[$i], "\n")) !== false) {
                        $line = substr($this->buf[$i], 0, $p);
                        $this->buf[$i] = substr($this->buf[$i], $p + 1);
                        $this->onLine($i, $line);
                    }
                }
            }
        } while (clock() < $end);
    }

    private function onLine(int $i, string $line): void
    {
        if (!preg_match('/^rep (\d+) pid=(\d+) wid=(\d+)$/', $line, $m)) {
            $this->bad[] = $line;
            return;
        }
        $pid = (int)$m[2];
        $this->replies[$pid] = ($this->replies[$pid] ?? 0) + 1;
        $this->pidsByClient[$i][] = $pid;
        if ((int)$m[1] === $this->seq[$i] && $this->waiting[$i]) {
            $this->answered++;
            $this->waiting[$i] = false;
        } else {
            $this->late++;
        }
    }

    /** Stops sending, waits up to $timeout for the outstanding replies; returns how many are still missing. */
    public function drain(): int
    {
        $this->sending = false;
        $this->run(0.0);
        $deadline = clock() + $this->timeout;
        while (in_array(true, $this->waitingLive(), true) && clock() < $deadline) {
            $this->run(0.05);
        }
        return count(array_filter($this->waitingLive()));
    }

    private function waitingLive(): array
    {
        $out = [];
        foreach ($this->waiting as $i => $w) {
            $out[$i] = $w && !$this->eof[$i];
        }
        return $out;
    }

    /** How many connections saw EOF. */
    public function eofCount(): int
    {
        return count(array_filter($this->eof));
    }

    /** Clients that got at least one reply from one of $pids. */
    public function clientsAnsweredBy(array $pids): int
    {
        $n = 0;
        foreach ($this->pidsByClient as $list) {
            if (array_intersect($list, $pids)) {
                $n++;
            }
        }
        return $n;
    }

    /** Sets the counters back to zero (keeps the connections). */
    public function resetCounters(): void
    {
        $this->answered = $this->timedOut = $this->late = 0;
        $this->bad = $this->replies = $this->timeoutsByClient = [];
        foreach ($this->pidsByClient as $i => $_) {
            $this->pidsByClient[$i] = [];
        }
    }

    /** Waits until every connection sees EOF (within $timeout); returns how many did. */
    public function waitAllEof(float $timeout = TEST_TIMEOUT): int
    {
        $this->sending = false;
        $deadline = clock() + $timeout;
        while ($this->eofCount() < count($this->socks) && clock() < $deadline) {
            $this->run(0.05);
        }
        return $this->eofCount();
    }

    public function close(): void
    {
        foreach ($this->socks as $s) {
            if (is_resource($s)) {
                fclose($s);
            }
        }
    }
}

/**
 * Runs $load while waiting for a server line matching $regex (both make
 * progress); returns the line.
 */
function load_until_line(LoadClients $load, ServerProcess $srv, string $regex, float $timeout = TEST_TIMEOUT): string
{
    $deadline = clock() + $timeout;
    while (true) {
        $load->run(0.05);
        foreach (pl_complete_lines($srv->output()) as $line) {
            if (preg_match($regex, $line)) {
                return $line;
            }
        }
        if (clock() >= $deadline) {
            throw new RuntimeException("no line matching $regex within {$timeout}s; output:\n" . $srv->output());
        }
    }
}

/** Like load_until_line, for $n lines; returns them. */
function load_until_lines(LoadClients $load, ServerProcess $srv, string $regex, int $n, float $timeout = TEST_TIMEOUT): array
{
    $deadline = clock() + $timeout;
    while (true) {
        $load->run(0.05);
        $hits = array_values(preg_grep($regex, pl_complete_lines($srv->output())));
        if (count($hits) >= $n) {
            return $hits;
        }
        if (clock() >= $deadline) {
            throw new RuntimeException("fewer than $n lines matching $regex within {$timeout}s; output:\n" . $srv->output());
        }
    }
}
