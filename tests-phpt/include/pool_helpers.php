<?php
/**
 * Helpers for the pool_*.phpt tests (on top of bootstrap.php and
 * servers/helpers.php).
 *
 * A test that runs the pool in its own process is the pool's master: its
 * workers write what they see to a PoolLog (one append per line, so lines of
 * several processes never mix), and the master prints a summary once start()
 * returned, in an order that does not depend on scheduling.
 */

/** Lines the pool's processes append to a file. */
final class PoolLog
{
    public string $path;

    public function __construct()
    {
        $this->path = tempnam(sys_get_temp_dir(), 'swoole-pool-log-');
        $owner = getmypid();
        register_shutdown_function(function () use ($owner) {
            if (getmypid() === $owner) {
                @unlink($this->path);
            }
        });
    }

    public function say(string $line): void
    {
        file_put_contents($this->path, $line . "\n", FILE_APPEND | LOCK_EX);
    }

    /** @return string[] every line so far */
    public function lines(): array
    {
        clearstatcache(true, $this->path);
        return file($this->path, FILE_IGNORE_NEW_LINES) ?: [];
    }

    /** @return string[] the lines matching $regex */
    public function grep(string $regex): array
    {
        return array_values(preg_grep($regex, $this->lines()));
    }

    /** Waits until $n lines match $regex; returns them. */
    public function waitFor(string $regex, int $n = 1, float $timeout = TEST_TIMEOUT): array
    {
        $deadline = microtime(true) + $timeout;
        while (count($hits = $this->grep($regex)) < $n) {
            if (microtime(true) >= $deadline) {
                throw new RuntimeException("fewer than $n lines matching $regex within {$timeout}s:\n" . implode("\n", $this->lines()));
            }
            usleep(2000);
        }
        return $hits;
    }
}

/**
 * A safety net for a test that is a pool's master: if the pool hangs, the
 * master gets SIGALRM after $seconds (its workers then get SIGTERM from the
 * kernel, as their parent is gone) and the test fails instead of hanging.
 */
function pool_watchdog(int $seconds = 20): void
{
    pcntl_alarm($seconds);
}

/** The pids of the live children of this process (a finished pool leaves none). */
function my_children(): array
{
    return array_values(array_filter(child_pids(getmypid()), 'pid_alive'));
}

/** A length-prefixed request to a SWOOLE_IPC_SOCKET pool; returns [answer or null, raw bytes read]. */
function pool_request(string $address, string $payload, ?string $raw = null): array
{
    $c = stream_socket_client($address, $errno, $errstr, TEST_TIMEOUT);
    if (!$c) {
        throw new RuntimeException("connect $address failed: $errstr");
    }
    stream_set_timeout($c, (int)TEST_TIMEOUT);
    fwrite($c, $raw ?? pack('N', strlen($payload)) . $payload);
    $got = '';
    while (!feof($c)) {
        $chunk = fread($c, 65536);
        if ($chunk === false || ($chunk === '' && stream_get_meta_data($c)['timed_out'])) {
            break;
        }
        $got .= $chunk;
    }
    fclose($c);
    if (strlen($got) < 4) {
        return [null, $got];
    }
    $len = unpack('N', substr($got, 0, 4))[1];
    return [substr($got, 4, $len), $got];
}
