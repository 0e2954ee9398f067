<?php
/**
 * HTTP clients for the http_* tests: raw requests over PHP streams (to see
 * the exact bytes, keep-alive and pipelining) and curl (a real client).
 */

/** A connection that sends raw requests and reads whole answers. */
final class HttpConn
{
    /** @var resource */
    public $sock;
    private string $buf = '';

    public function __construct(int $port)
    {
        $this->sock = test_connect($port);
    }

    public function send(string $data): void
    {
        fwrite($this->sock, $data);
    }

    private function fill(): bool
    {
        $chunk = fread($this->sock, 65536);
        if ($chunk === '' || $chunk === false) {
            if (feof($this->sock) || stream_get_meta_data($this->sock)['timed_out']) {
                return false;
            }
            return true;
        }
        $this->buf .= $chunk;
        return true;
    }

    /**
     * Reads one answer: ['status' => int, 'head' => string, 'headers' => [lower name => value],
     * 'body' => string (chunks decoded), 'raw' => string]; null when the connection closed first.
     */
    public function read(bool $head_request = false): ?array
    {
        while (($end = strpos($this->buf, "\r\n\r\n")) === false) {
            if (!$this->fill()) {
                return null;
            }
        }
        $head = substr($this->buf, 0, $end);
        $this->buf = substr($this->buf, $end + 4);
        $lines = explode("\r\n", $head);
        $status = (int)explode(' ', $lines[0])[1];
        $headers = [];
        foreach (array_slice($lines, 1) as $l) {
            [$n, $v] = explode(':', $l, 2);
            $headers[strtolower($n)] = ltrim($v);
        }
        $body = '';
        $raw = $head . "\r\n\r\n";
        if ($head_request || $status == 304 || $status == 204) {
            // no body
        } elseif (isset($headers['content-length'])) {
            $n = (int)$headers['content-length'];
            while (strlen($this->buf) < $n && $this->fill());
            $body = substr($this->buf, 0, $n);
            $this->buf = substr($this->buf, $n);
            $raw .= $body;
        } elseif (($headers['transfer-encoding'] ?? '') === 'chunked') {
            while (true) {
                while (($eol = strpos($this->buf, "\r\n")) === false) {
                    if (!$this->fill()) return null;
                }
                $size = hexdec(substr($this->buf, 0, $eol));
                if ($size == 0) {
                    while (($t = strpos($this->buf, "\r\n\r\n")) === false) {
                        if (!$this->fill()) return null;
                    }
                    $raw .= substr($this->buf, 0, $t + 4);
                    $this->buf = substr($this->buf, $t + 4);
                    break;
                }
                while (strlen($this->buf) < $eol + 2 + $size + 2) {
                    if (!$this->fill()) return null;
                }
                $raw .= substr($this->buf, 0, $eol + 2 + $size + 2);
                $body .= substr($this->buf, $eol + 2, $size);
                $this->buf = substr($this->buf, $eol + 2 + $size + 2);
            }
        } else {
            while ($this->fill());
            $body = $this->buf;
            $raw .= $body;
            $this->buf = '';
        }
        return ['status' => $status, 'head' => $head, 'headers' => $headers, 'body' => $body, 'raw' => $raw];
    }

    /** Whether the server closed the connection (EOF within the test timeout). */
    public function closedByServer(): bool
    {
        while ($this->fill()) {
            if ($this->buf !== '') {
                return false;
            }
        }
        return feof($this->sock);
    }

    public function close(): void
    {
        fclose($this->sock);
    }
}

/** One request on a fresh connection. */
function http_get(int $port, string $request, bool $head_request = false): ?array
{
    $c = new HttpConn($port);
    $c->send($request);
    $r = $c->read($head_request);
    $c->close();
    return $r;
}

/** Runs curl with $args (each escaped); returns [exit code, stdout]. */
function curl(array $args): array
{
    $cmd = 'curl -sS --max-time ' . (int)TEST_TIMEOUT . ' ' . implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1';
    exec($cmd, $out, $rc);
    return [$rc, implode("\n", $out)];
}

/** Whether curl is installed (the tests that use it skip otherwise). */
function have_curl(): bool
{
    exec('command -v curl', $out, $rc);
    return $rc === 0;
}
