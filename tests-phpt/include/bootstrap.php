<?php
/**
 * Helpers for the phpt tests. Tests synchronise on events (a port accepting,
 * a line printed), never on fixed sleeps, and every server listens on a port
 * the kernel picked.
 */

const TEST_TIMEOUT = 10.0;

/** The built extension (run-tests passes it with -d; subprocesses need the path). */
function swoole_so(): string
{
    return getenv('SWOOLE_SO') ?: dirname(__DIR__, 2) . '/target/release/libswoole.so';
}

/** A TCP port nobody listens on right now. */
function free_port(): int
{
    // A port below the kernel's ephemeral range: a port the kernel hands out
    // for bind(0) can be taken again, before the server binds it, as the
    // local port of some client connection made by a test running in parallel.
    $range = preg_split('/\s+/', trim((string)@file_get_contents('/proc/sys/net/ipv4/ip_local_port_range')));
    $below = max(2048, (int)($range[0] ?? 32768));
    for ($try = 0; $try < 200; $try++) {
        $port = random_int(1024, $below - 1);
        $s = @stream_socket_server("tcp://127.0.0.1:$port");
        if ($s !== false) {
            fclose($s);
            return $port;
        }
    }
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $name = stream_socket_get_name($s, false);
    fclose($s);
    return (int)substr(strrchr($name, ':'), 1);
}

/** Whether some socket is in LISTEN state on $port (read from /proc, so no connection is made). */
function port_listening(int $port): bool
{
    $hex = sprintf(':%04X', $port);
    foreach (['/proc/net/tcp', '/proc/net/tcp6'] as $table) {
        foreach (@file($table) ?: [] as $line) {
            $f = preg_split('/\s+/', trim($line));
            if (isset($f[3]) && $f[3] === '0A' && str_ends_with($f[1], $hex)) {
                return true;
            }
        }
    }
    return false;
}

/** Waits until $port accepts connections (without connecting to it). */
function wait_for_port(int $port, float $timeout = TEST_TIMEOUT): void
{
    $deadline = microtime(true) + $timeout;
    while (!port_listening($port)) {
        if (microtime(true) >= $deadline) {
            throw new RuntimeException("port $port did not start listening within {$timeout}s");
        }
        usleep(5000);
    }
}

/** A TCP connection to 127.0.0.1:$port with the suite's timeout, or an exception. */
function test_connect(int $port)
{
    $sock = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, TEST_TIMEOUT);
    if (!$sock) {
        throw new RuntimeException("connect to $port failed: $errstr");
    }
    stream_set_timeout($sock, (int)TEST_TIMEOUT);
    return $sock;
}

/** A connected client with line-oriented helpers. */
final class TestClient
{
    /** @var resource */
    public $sock;

    public function __construct(int $port)
    {
        $this->sock = test_connect($port);
    }

    public function send(string $data): void
    {
        fwrite($this->sock, $data);
    }

    /** Reads until $n bytes arrived (or EOF/timeout). */
    public function recvExactly(int $n): string
    {
        $buf = '';
        while (strlen($buf) < $n && !feof($this->sock)) {
            $chunk = fread($this->sock, $n - strlen($buf));
            if ($chunk === false || ($chunk === '' && stream_get_meta_data($this->sock)['timed_out'])) {
                break;
            }
            $buf .= $chunk;
        }
        return $buf;
    }

    /** Reads one chunk (whatever arrives first). */
    public function recv(int $max = 65536): string
    {
        $r = fread($this->sock, $max);
        return $r === false ? '' : $r;
    }

    /** Reads until the server closes the connection. */
    public function recvAll(): string
    {
        $buf = '';
        while (!feof($this->sock)) {
            $chunk = fread($this->sock, 65536);
            if ($chunk === false || ($chunk === '' && stream_get_meta_data($this->sock)['timed_out'])) {
                break;
            }
            $buf .= $chunk;
        }
        return $buf;
    }

    public function close(): void
    {
        if (is_resource($this->sock)) {
            fclose($this->sock);
        }
    }
}

/**
 * A PHP script running as a server in a child process, with its output
 * captured line by line.
 */
final class ServerProcess
{
    /** @var resource */
    private $proc;
    /** @var resource */
    private $stdout;
    private string $buffer = '';
    public int $pid;
    public ?int $exitCode = null;

    /** Starts `php -d extension=<so> $script ...$args`. */
    public function __construct(string $script, array $args = [], array $ini = [])
    {
        $cmd = [PHP_BINARY, '-d', 'extension=' . swoole_so(), '-d', 'display_errors=stderr', '-d', 'error_reporting=-1'];
        foreach ($ini as $k => $v) {
            $cmd[] = '-d';
            $cmd[] = "$k=$v";
        }
        $cmd[] = $script;
        foreach ($args as $a) {
            $cmd[] = (string)$a;
        }
        $this->proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
        if (!$this->proc) {
            throw new RuntimeException("cannot start $script");
        }
        fclose($pipes[0]);
        $this->stdout = $pipes[1];
        stream_set_blocking($this->stdout, false);
        $this->pid = proc_get_status($this->proc)['pid'];
    }

    /**
     * Runs a copy of $file with the literal port 9501 replaced by $port (and,
     * with $processMode, its server in SWOOLE_PROCESS mode).
     */
    public static function example(string $file, int $port, bool $processMode = false): self
    {
        $code = file_get_contents($file);
        if ($processMode) {
            // The seed's server, unchanged but for SWOOLE_PROCESS as the
            // constructor's third argument.
            $code = preg_replace('/(new\s+\\\\?(?:Swoole\\\\Server|swoole_server)\s*\(\s*[\'"][^\'"]*[\'"]\s*,\s*9501)\s*\)/i', '$1, SWOOLE_PROCESS)', $code, 1, $n);
            if ($n !== 1) {
                throw new RuntimeException("no server constructor on port 9501 found in $file");
            }
        }
        $code = str_replace('9501', (string)$port, $code);
        $tmp = sys_get_temp_dir() . '/swoole-example-' . getmypid() . '-' . basename($file);
        file_put_contents($tmp, $code);
        register_shutdown_function(fn() => @unlink($tmp));
        return new self($tmp);
    }

    private function pump(float $wait): bool
    {
        $r = [$this->stdout];
        $w = $e = null;
        $sec = (int)$wait;
        if (@stream_select($r, $w, $e, $sec, (int)(($wait - $sec) * 1e6)) > 0) {
            $chunk = fread($this->stdout, 65536);
            if ($chunk === '' || $chunk === false) {
                return !feof($this->stdout);
            }
            $this->buffer .= $chunk;
        }
        return true;
    }

    /** Lines ended by "\n" so far (a line still being written is not one yet). */
    private function completeLines(): array
    {
        $lines = explode("\n", $this->buffer);
        array_pop($lines);
        return $lines;
    }

    /** Waits until the output contains a line matching $regex; returns that line. */
    public function waitForLine(string $regex, float $timeout = TEST_TIMEOUT): string
    {
        $deadline = microtime(true) + $timeout;
        while (true) {
            foreach ($this->completeLines() as $line) {
                if (preg_match($regex, $line)) {
                    return $line;
                }
            }
            if (microtime(true) >= $deadline) {
                throw new RuntimeException("no line matching $regex within {$timeout}s; output so far:\n" . $this->buffer);
            }
            if (!$this->pump(min(0.05, $deadline - microtime(true))) && feof($this->stdout)) {
                throw new RuntimeException("server exited before printing $regex; output:\n" . $this->buffer);
            }
        }
    }

    /** Waits until the output contains $n lines matching $regex. */
    public function waitForLines(string $regex, int $n, float $timeout = TEST_TIMEOUT): array
    {
        $deadline = microtime(true) + $timeout;
        while (true) {
            $hits = preg_grep($regex, $this->completeLines());
            if (count($hits) >= $n) {
                return array_values($hits);
            }
            if (microtime(true) >= $deadline) {
                throw new RuntimeException("fewer than $n lines matching $regex within {$timeout}s; output:\n" . $this->buffer);
            }
            $this->pump(0.05);
        }
    }

    /** Everything printed so far. */
    public function output(): string
    {
        $this->pump(0);
        return $this->buffer;
    }

    public function signal(int $sig): void
    {
        posix_kill($this->pid, $sig);
    }

    /** Waits for the process to exit on its own; returns its output. */
    public function wait(float $timeout = TEST_TIMEOUT): string
    {
        $deadline = microtime(true) + $timeout;
        while (!feof($this->stdout) && microtime(true) < $deadline) {
            $this->pump(0.05);
        }
        while (($st = proc_get_status($this->proc))['running'] && microtime(true) < $deadline) {
            usleep(5000);
        }
        if ($st['running']) {
            posix_kill($this->pid, SIGKILL);
            $this->buffer .= "\n[test: server did not exit within {$timeout}s, killed]\n";
        }
        $this->exitCode = $st['exitcode'];
        proc_close($this->proc);
        return $this->buffer;
    }

    /** SIGTERM, then wait for exit; returns the whole output. */
    public function stop(float $timeout = TEST_TIMEOUT): string
    {
        $this->signal(SIGTERM);
        return $this->wait($timeout);
    }
}

/**
 * $out without the warning a worker logs when its timers kept it until
 * max_wait_time on shutdown (Swoole's drain: a tick is never cleared by a
 * script that only prints from it).
 */
function without_exit_timeout(string $out): string
{
    return preg_replace('/^.*Worker_reactor_try_to_exit\(\) \(ERRNO 9101\): worker exit timeout, forced termination\n/m', '', $out);
}

/** Pids of the live children of $pid (to check nothing is left behind). */
function child_pids(int $pid): array
{
    $out = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        // A process may exit while it is read: its stat is then missing or empty.
        $stat = @file_get_contents($f);
        $close = $stat === false ? false : strrpos($stat, ')');
        if ($close === false) {
            continue;
        }
        $fields = explode(' ', substr($stat, $close + 2));
        if ((int)($fields[1] ?? 0) === $pid) {
            $out[] = (int)basename(dirname($f));
        }
    }
    return $out;
}
