<?php
/**
 * Well-behaved clients of the target: each keeps one to three requests in
 * flight on a framed port (length or EOF framing, alternately), writes each
 * request in one to four pieces, and checks every reply byte for byte.
 *
 * A wrong reply is a mismatch (never tolerated). A connection the server
 * closes or resets while requests are outstanding is a drop, and those
 * requests are lost; a request unanswered after $timeout is lost too. The
 * connection is then replaced, so the clients keep going through kills and
 * reloads; a scenario says how many drops and losses it tolerates.
 */
final class GoodClients
{
    /** Replies received and found correct. */
    public int $replies = 0;
    /** Replies that were not the expected bytes. */
    public int $mismatches = 0;
    /** Connections closed or reset by the server with requests outstanding. */
    public int $drops = 0;
    /** Requests that never got a reply (dropped or timed out). */
    public int $lost = 0;
    /** "task" requests answered "taskfail" (taskwait() gave false). */
    public int $taskfails = 0;
    /** Connection attempts the server refused or reset before any request. */
    public int $refused = 0;
    /** The first few mismatches, for the report. */
    private array $examples = [];
    /** The connections: sock, kind, out (pieces to write), in (bytes read), want (expected replies). */
    private array $conns = [];
    /** 128 KiB of random characters; payloads are slices of it. */
    private string $alphabet;

    public function __construct(private Target $target, int $n = 8, private bool $tasks = false,
                                private float $timeout = 5.0)
    {
        $this->alphabet = bin2hex(random_bytes(65536));
        for ($i = 0; $i < $n; $i++) {
            $this->conns[$i] = $this->open($i % 2 ? 'eof' : 'main');
        }
    }

    /** A new connection of $kind (its socket null when the connect failed; retried later). */
    private function open(string $kind): array
    {
        $sock = tcp($this->target->port[$kind]);
        if ($sock === null) {
            $this->refused++;
        }
        return ['sock' => $sock, 'kind' => $kind, 'out' => [], 'in' => '', 'want' => [], 'retry' => clock() + 0.05];
    }

    /** Queues one request on $c: its pieces to write and the reply it expects. */
    private function request(array &$c): void
    {
        $r = mt_rand(1, 100);
        $len = $r <= 70 ? mt_rand(1, 100) : ($r <= 95 ? mt_rand(100, 4000) : mt_rand(4000, 60000));
        $x = substr($this->alphabet, mt_rand(0, strlen($this->alphabet) - $len), $len);
        $task = $this->tasks && mt_rand(1, 5) === 1;
        $body = ($task ? 'task ' : 'echo ') . $x;
        $bytes = $c['kind'] === 'main' ? pack('N', strlen($body)) . $body : "$body\r\n";
        $cuts = [];
        for ($i = mt_rand(0, 3); $i > 0; $i--) {
            $cuts[] = mt_rand(1, strlen($bytes) - 1);
        }
        sort($cuts);
        $at = 0;
        foreach (array_unique($cuts) as $cut) {
            $c['out'][] = substr($bytes, $at, $cut - $at);
            $at = $cut;
        }
        $c['out'][] = substr($bytes, $at);
        $c['want'][] = [$task ? ["task $x", 'taskfail'] : ["ok $x"], clock()];
    }

    /** Takes the whole replies out of $c's input and checks each; false on a mismatch. */
    private function replies(array &$c): bool
    {
        while (true) {
            if ($c['kind'] === 'main') {
                if (strlen($c['in']) < 4 || strlen($c['in']) < 4 + ($n = unpack('N', $c['in'])[1])) {
                    return true;
                }
                $reply = substr($c['in'], 4, $n);
                $c['in'] = substr($c['in'], 4 + $n);
            } else {
                if (($end = strpos($c['in'], "\r\n")) === false) {
                    return true;
                }
                $reply = substr($c['in'], 0, $end);
                $c['in'] = substr($c['in'], $end + 2);
            }
            // The reply of the oldest request, or of a later one when the
            // earlier ones were lost (a killed worker loses the request it was
            // handling); anything else is a wrong reply.
            $at = null;
            foreach ($c['want'] as $k => [$options]) {
                if (in_array($reply, $options, true)) {
                    $at = $k;
                    break;
                }
            }
            if ($at === null) {
                $this->mismatches++;
                if (count($this->examples) < 3) {
                    $this->examples[] = sprintf('%s port: got %s, want %s', $c['kind'],
                        json_encode(substr($reply, 0, 60)), json_encode(substr((string)($c['want'][0][0][0] ?? 'nothing'), 0, 60)));
                }
                return false;
            }
            $this->lost += $at;
            $c['want'] = array_slice($c['want'], $at + 1);
            $this->replies++;
            $this->taskfails += (int)($reply === 'taskfail');
        }
    }

    /** Closes $c (counting what it still waited for) and opens its successor. */
    private function replace(array &$c, bool $dropped): void
    {
        if ($c['want']) {
            $this->drops += (int)$dropped;
            $this->lost += count($c['want']);
        }
        if ($c['sock'] !== null) {
            @socket_close($c['sock']);
        }
        $c = $this->open($c['kind']);
    }

    /**
     * Runs for $seconds, or until $until() says to stop, calling $tick(seconds
     * since the start) on the way; then waits for the replies still due.
     */
    public function run(float $seconds, ?callable $tick = null, ?callable $until = null): void
    {
        $start = clock();
        $stopping = false;
        while (true) {
            $now = clock();
            $stopping = $stopping || $now - $start >= $seconds || ($until !== null && $until());
            $read = $write = [];
            $busy = false;
            foreach ($this->conns as $i => &$c) {
                if ($c['sock'] === null) {
                    if (!$stopping && $now >= $c['retry']) {
                        $c = $this->open($c['kind']);
                    }
                    continue;
                }
                if (!$stopping && !$c['want']) {
                    for ($k = mt_rand(1, 3); $k > 0; $k--) {
                        $this->request($c);
                    }
                }
                if ($c['want'] && $now - $c['want'][0][1] > $this->timeout) {
                    $this->replace($c, false);
                    continue;
                }
                $busy = $busy || $c['want'];
                $read[$i] = $c['sock'];
                if ($c['out']) {
                    $write[$i] = $c['sock'];
                }
            }
            unset($c);
            if ($stopping && !$busy) {
                return;
            }
            $except = null;
            if ($read && @socket_select($read, $write, $except, 0, 10000) > 0) {
                foreach ($write as $i => $_) {
                    $this->write($this->conns[$i]);
                }
                foreach ($read as $i => $_) {
                    $this->read($this->conns[$i]);
                }
            } elseif (!$read) {
                usleep(10000);
            }
            if ($tick !== null) {
                $tick(clock() - $start);
            }
        }
    }

    /** Writes the next piece of $c's output (one piece per wakeup, so pieces travel apart). */
    private function write(array &$c): void
    {
        if ($c['sock'] === null || !$c['out']) {
            return;
        }
        $n = @socket_send($c['sock'], $c['out'][0], strlen($c['out'][0]), MSG_DONTWAIT | MSG_NOSIGNAL);
        if ($n === false) {
            if (socket_last_error($c['sock']) !== SOCKET_EAGAIN) {
                $this->replace($c, true);
            }
        } elseif ($n < strlen($c['out'][0])) {
            $c['out'][0] = substr($c['out'][0], $n);
        } else {
            array_shift($c['out']);
        }
    }

    /** Reads what arrived on $c and checks the replies in it. */
    private function read(array &$c): void
    {
        if ($c['sock'] === null) {
            return;
        }
        $n = @socket_recv($c['sock'], $buf, 1 << 20, MSG_DONTWAIT);
        if ($n === false && socket_last_error($c['sock']) === SOCKET_EAGAIN) {
            return;
        }
        if (!$n) {
            // EOF or reset: by the server (a killed worker, a reload, a stop).
            if (!$c['want'] && !$c['out']) {
                $this->refused += (int)($c['in'] === '');
            }
            $this->replace($c, true);
            return;
        }
        $c['in'] .= $buf;
        if (!$this->replies($c)) {
            $this->replace($c, false);
        }
    }

    /** Closes every connection (nothing is outstanding after run()). */
    public function close(): void
    {
        foreach ($this->conns as $c) {
            if ($c['sock'] !== null) {
                @socket_close($c['sock']);
            }
        }
        $this->conns = [];
    }

    /**
     * What went wrong, given what the scenario tolerates: fewer than
     * $minReplies correct replies (the clients did not get through), any
     * mismatch, or more drops, lost requests, taskfails or refusals than allowed.
     */
    public function failures(int $minReplies = 50, int $drops = 0, int $lost = 0, int $taskfails = 0, int $refused = 0): array
    {
        $out = [];
        if ($this->mismatches) {
            $out[] = "$this->mismatches wrong replies: " . implode('; ', $this->examples);
        }
        if ($this->replies < $minReplies) {
            $out[] = "only $this->replies replies (at least $minReplies expected)";
        }
        foreach (['drops', 'lost', 'taskfails', 'refused'] as $what) {
            if ($this->$what > $$what) {
                $out[] = "{$this->$what} $what (at most {$$what} allowed)";
            }
        }
        return $out;
    }
}
