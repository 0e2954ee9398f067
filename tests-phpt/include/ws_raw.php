<?php
/** A raw-socket WebSocket client for malformed frames (it writes whatever bytes it is given). */
final class RawWs
{
    public TestClient $c;
    private string $buf = '';

    public function __construct(int $port, string $path = '/')
    {
        $this->c = new TestClient($port);
        $this->c->send("GET $path HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            . "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        while (!str_contains($this->buf, "\r\n\r\n")) {
            $this->buf .= $this->c->recv();
        }
        [$head, $this->buf] = explode("\r\n\r\n", $this->buf, 2);
        $this->head = $head;
    }

    public string $head;

    /** A client frame, masked unless told otherwise. */
    public static function frame(int $b0, string $payload, bool $mask = true, ?string $len = null): string
    {
        $n = strlen($payload);
        $m = $mask ? 0x80 : 0;
        $len ??= $n < 126 ? chr($m | $n) : ($n < 65536 ? chr($m | 126) . pack('n', $n) : chr($m | 127) . pack('J', $n));
        if (!$mask) {
            return chr($b0) . $len . $payload;
        }
        $key = "\x01\x02\x03\x04";
        $out = '';
        for ($i = 0; $i < $n; $i++) {
            $out .= $payload[$i] ^ $key[$i % 4];
        }
        return chr($b0) . $len . $key . $out;
    }

    public function send(string $bytes): void
    {
        $this->c->send($bytes);
    }

    /** The next server frame as [opcode, payload], or null once closed. */
    public function read(): ?array
    {
        while (true) {
            if (strlen($this->buf) >= 2) {
                $n = ord($this->buf[1]) & 0x7f;
                $at = 2;
                if ($n === 126) { $n = unpack('n', substr($this->buf, 2, 2))[1]; $at = 4; }
                elseif ($n === 127) { $n = unpack('J', substr($this->buf, 2, 8))[1]; $at = 10; }
                if (strlen($this->buf) >= $at + $n) {
                    $f = [ord($this->buf[0]) & 0x0f, substr($this->buf, $at, $n)];
                    $this->buf = substr($this->buf, $at + $n);
                    return $f;
                }
            }
            $more = $this->c->recv();
            if ($more === '') {
                return null;
            }
            $this->buf .= $more;
        }
    }

    /** The close code the server sent (then the connection must end), or a description. */
    public function closeCode(): string
    {
        $f = $this->read();
        if ($f === null || $f[0] !== 8) {
            return $f === null ? 'closed without a close frame' : "opcode {$f[0]}";
        }
        $code = unpack('n', substr($f[1], 0, 2))[1];
        return "$code" . ($this->read() === null ? ' then closed' : ' but still open');
    }
}
