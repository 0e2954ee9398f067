<?php
/**
 * The attackers. Each attack_NAME(array $a): array runs in a process of its
 * own (include/attack.php, without the extension) while the good clients
 * check replies, and returns ['failures' => [...]] plus its counters.
 * $a['ports'] holds the target's ports (main: length-framed, eof, raw).
 * Socket helpers first; every send is MSG_NOSIGNAL (a peer that closed
 * gives EPIPE, not SIGPIPE).
 */

/** TCP_CORK (linux/tcp.h; ext-sockets has no constant for it): hold data until uncorked or shut down. */
const TCP_CORK_OPT = 3;

/** A connected TCP socket to 127.0.0.1:$port with TCP_NODELAY, or null when refused. */
function tcp(int $port): ?Socket
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($s, SOL_TCP, TCP_NODELAY, 1);
    if (!@socket_connect($s, '127.0.0.1', $port)) {
        socket_close($s);
        return null;
    }
    return $s;
}

/** Closes $s with a RST (SO_LINGER 0). */
function rst(Socket $s): void
{
    @socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
    @socket_close($s);
}

/** Sends what the socket takes now; the bytes sent (0 when the peer is gone or the buffer full). */
function put(Socket $s, string $data): int
{
    return (int)@socket_send($s, $data, strlen($data), MSG_DONTWAIT | MSG_NOSIGNAL);
}

/** Sends all of $data (blocking); false when the peer closed first. */
function put_all(Socket $s, string $data): bool
{
    while ($data !== '') {
        $n = @socket_send($s, $data, strlen($data), MSG_NOSIGNAL);
        if ($n === false || $n === 0) {
            return false;
        }
        $data = substr($data, $n);
    }
    return true;
}

/** A length-framed packet of the target's main port. */
function frame(string $body): string
{
    return pack('N', strlen($body)) . $body;
}

/** The next length-framed packet's body on $s ('' when the server closed it or 5 s passed). */
function read_frame(Socket $s): string
{
    [$head] = await_close([$s], 5.0, [4]);
    if (strlen($head[0]) < 4) {
        return '';
    }
    $need = 4 + unpack('N', $head[0])[1] - strlen($head[0]);
    [$rest] = $need > 0 ? await_close([$s], 5.0, [$need]) : [['']];
    return substr($head[0], 4) . $rest[0];
}

/** One request on a length-framed connection, and its reply's body. */
function ask_frame(Socket $s, string $body): string
{
    put_all($s, frame($body));
    return read_frame($s);
}

/**
 * Reads from every socket of $socks until the server closed it (EOF or
 * reset), it sent $want[$i] bytes, or $timeout passed. Returns [bytes read
 * per socket, closed per socket (true when the server closed it)].
 */
function await_close(array $socks, float $timeout, array $want = []): array
{
    $got = array_fill_keys(array_keys($socks), '');
    $closed = array_fill_keys(array_keys($socks), false);
    $deadline = clock() + $timeout;
    $open = $socks;
    while ($open && clock() < $deadline) {
        $r = $open;
        $w = $e = null;
        if (@socket_select($r, $w, $e, 0, 50000) < 1) {
            continue;
        }
        foreach ($r as $i => $s) {
            $n = @socket_recv($s, $buf, 1 << 20, MSG_DONTWAIT);
            if ($n === false && socket_last_error($s) === SOCKET_EAGAIN) {
                continue;
            }
            if (!$n) {
                $closed[$i] = true;
                unset($open[$i]);
                continue;
            }
            $got[$i] .= $buf;
            if (isset($want[$i]) && strlen($got[$i]) >= $want[$i]) {
                unset($open[$i]);
            }
        }
    }
    return [$got, $closed];
}

/** Random bytes of a length in [$min, $max]. */
function junk(int $min, int $max): string
{
    $n = mt_rand($min, $max);
    return $n > 0 ? random_bytes($n) : '';
}

/**
 * Exactly package_max_length ($a['max']) and one more, on both framed ports;
 * 1 GiB, 2^31-1 and 0xFFFFFFFF length headers; an EOF line past the limit.
 * Each case $a['rounds'] times at once. A packet within the limit must get
 * its reply; every other case must be closed by the server, within 5 s and
 * without a byte of reply (after a huge header, however much more the
 * client sends).
 */
function attack_limits(array $a): array
{
    $max = $a['max'];
    $m = str_repeat('m', $max - 9);
    $e = str_repeat('e', $max - 7);
    $cases = [
        'a length packet of exactly package_max_length' => ['main', frame("echo $m"), frame("ok $m")],
        'a length packet of package_max_length + 1' => ['main', frame("echo {$m}m"), null],
        'an EOF packet of exactly package_max_length' => ['eof', "echo $e\r\n", "ok $e\r\n"],
        'an EOF packet of package_max_length + 1' => ['eof', "echo {$e}e\r\n", null],
        'a 1 GiB length header' => ['main', pack('N', 1 << 30) . 'echo x', null, true],
        'a 2^31-1 length header' => ['main', pack('N', 0x7FFFFFFF), null, true],
        'a 0xFFFFFFFF length header' => ['main', pack('N', 0xFFFFFFFF) . str_repeat("\0", 1000), null, true],
        'an EOF line without its end, past the limit' => ['eof', str_repeat('q', $max + 10), null, true],
    ];
    $failures = [];
    for ($round = 0; $round < $a['rounds']; $round++) {
        $socks = $want = $names = [];
        foreach ($cases as $name => [$port, $bytes, $reply]) {
            $s = tcp($a['ports'][$port]);
            if ($s === null) {
                $failures[] = "$name: connect refused";
                continue;
            }
            // All but the last 100 bytes now, the rest in a later read: a
            // limit must hold also when a packet crosses it between reads.
            put_all($s, substr($bytes, 0, -100));
            $i = count($socks);
            [$socks[$i], $names[$i], $want[$i]] = [$s, $name, $reply === null ? PHP_INT_MAX : strlen($reply)];
        }
        usleep(50000);
        foreach ($socks as $i => $s) {
            [, $bytes, , $more] = $cases[$names[$i]] + [3 => false];
            put_all($s, substr($bytes, -100));
            if ($more) {
                // More of the same: the server must not be collecting it.
                put($s, str_repeat('x', 256 * 1024));
            }
        }
        [$got, $closed] = await_close($socks, 5.0, $want);
        foreach ($socks as $i => $s) {
            [, , $reply] = $cases[$names[$i]];
            if ($reply !== null && $got[$i] !== $reply) {
                $failures[] = "{$names[$i]}: got " . strlen($got[$i]) . " bytes, not its reply";
            } elseif ($reply === null && (!$closed[$i] || $got[$i] !== '')) {
                $failures[] = "{$names[$i]}: " . ($got[$i] !== '' ? 'answered ' . strlen($got[$i]) . ' bytes' : 'not closed within 5 s');
            }
            socket_close($s);
        }
    }
    return ['failures' => array_values(array_unique($failures))];
}

/**
 * For $a['seconds']: batches of $a['conns'] connections to every port, each
 * sending random bytes (pure noise, a valid packet then noise, noise with
 * "\r\n" in it, NUL runs) in 1-4 pieces, then closing, resetting, or
 * waiting for the server to close.
 */
function attack_garbage(array $a): array
{
    $connections = 0;
    $deadline = clock() + $a['seconds'];
    while (clock() < $deadline) {
        $socks = [];
        for ($i = 0; $i < $a['conns']; $i++) {
            $port = array_rand($a['ports']);
            if (($s = tcp($a['ports'][$port])) === null) {
                continue;
            }
            $connections++;
            $data = match (mt_rand(0, 3)) {
                0 => junk(1, 8192),
                1 => frame('echo ' . junk(0, 100)) . junk(1, 4096),
                2 => junk(0, 100) . "\r\n" . junk(0, 3000),
                3 => str_repeat("\0", mt_rand(1, 5000)),
            };
            foreach (str_split($data, max(1, intdiv(strlen($data), mt_rand(1, 4)))) as $piece) {
                put($s, $piece);
            }
            $socks[] = $s;
        }
        [, $closed] = await_close($socks, 0.05);
        foreach ($socks as $i => $s) {
            $closed[$i] || mt_rand(0, 1) ? socket_close($s) : rst($s);
        }
    }
    return ['failures' => [], 'connections' => $connections];
}

/**
 * $a['conns'] connections, alternately on the length and the EOF port, each
 * sending $a['requests'] requests one byte at a time (a byte per connection
 * per step, $a['delay_us'] between steps); every reply must come back whole
 * and right.
 */
function attack_bytewise(array $a): array
{
    $socks = $out = $want = [];
    for ($i = 0; $i < $a['conns']; $i++) {
        $kind = $i % 2 ? 'eof' : 'main';
        $socks[$i] = tcp($a['ports'][$kind]);
        $out[$i] = $want[$i] = '';
        for ($k = 0; $k < $a['requests']; $k++) {
            $x = "bytewise $i.$k " . bin2hex(random_bytes(mt_rand(1, 40)));
            $out[$i] .= $kind === 'main' ? frame("echo $x") : "echo $x\r\n";
            $want[$i] .= $kind === 'main' ? frame("ok $x") : "ok $x\r\n";
        }
    }
    for ($pos = 0; array_filter($out, fn($o) => strlen($o) > $pos); $pos++) {
        foreach ($socks as $i => $s) {
            if ($s !== null && $pos < strlen($out[$i])) {
                put($s, $out[$i][$pos]);
            }
        }
        usleep($a['delay_us']);
    }
    $live = array_filter($socks);
    [$got] = await_close($live, 5.0, array_map('strlen', array_intersect_key($want, $live)));
    $failures = [];
    foreach ($socks as $i => $s) {
        if ($s === null || $got[$i] !== $want[$i]) {
            $failures[] = "connection $i: " . ($s === null ? 'refused' : strlen($got[$i]) . ' of ' . strlen($want[$i]) . ' reply bytes right');
        }
        $s === null || socket_close($s);
    }
    return ['failures' => array_slice($failures, 0, 5)];
}

/**
 * $a['rounds'] rounds of $a['conns'] connections of each kind, all opened
 * first, then each sending and closing at once: data and FIN in one
 * segment (TCP_CORK, then shutdown), or data then RST back to back (Linux
 * puts no data in a RST). Raw data, a whole request, a partial frame, a
 * partial line. Every FIN connection must be closed by the server within 3 s.
 */
function attack_close_races(array $a): array
{
    $kinds = [
        'raw data' => ['raw', str_repeat('r', 100)],
        'a whole request' => ['main', frame('echo fin')],
        'a partial frame' => ['main', pack('N', 100) . 'abc'],
        'a partial line' => ['eof', str_repeat('l', 100)],
    ];
    $failures = [];
    $sent = 0;
    for ($round = 0; $round < $a['rounds']; $round++) {
        $socks = $fin = [];
        foreach ($kinds as $what => [$port, $data]) {
            foreach (['FIN', 'RST'] as $end) {
                for ($i = 0; $i < $a['conns']; $i++) {
                    if (($s = tcp($a['ports'][$port])) !== null) {
                        $socks[] = [$s, $data, $end, $what];
                    }
                }
            }
        }
        foreach ($socks as [$s, $data, $end, $what]) {
            if ($end === 'FIN') {
                socket_set_option($s, SOL_TCP, TCP_CORK_OPT, 1);
                put($s, $data);
                socket_shutdown($s, 1);
                $fin[] = [$s, $what];
            } else {
                put($s, $data);
                rst($s);
            }
            $sent++;
        }
        [, $closed] = await_close(array_column($fin, 0), 3.0);
        $open = [];
        foreach ($fin as $i => [$s, $what]) {
            $open[$what] = ($open[$what] ?? 0) + (int)!$closed[$i];
            socket_close($s);
        }
        foreach (array_filter($open) as $what => $n) {
            $failures[] = "$what+FIN: $n of {$a['conns']} connections not closed by the server within 3 s";
        }
    }
    return ['failures' => $failures, 'connections' => $sent];
}

/**
 * For $a['seconds']: batches of $a['batch'] non-blocking connects to the
 * main and raw ports, each reset (SO_LINGER 0) as soon as it is
 * established, half of them after sending a few bytes.
 */
function attack_rst_storm(array $a): array
{
    $resets = 0;
    $deadline = clock() + $a['seconds'];
    while (clock() < $deadline) {
        $pending = [];
        for ($i = 0; $i < $a['batch']; $i++) {
            $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
            socket_set_nonblock($s);
            @socket_connect($s, '127.0.0.1', $a['ports'][$i % 2 ? 'raw' : 'main']);
            $pending[] = $s;
        }
        $r = $e = null;
        $w = $pending;
        @socket_select($r, $w, $e, 1);
        foreach ($pending as $s) {
            if (in_array($s, $w, true) && $s && mt_rand(0, 1)) {
                put($s, frame('echo storm') . 'tail');
            }
            rst($s);
            $resets++;
        }
    }
    return ['failures' => [], 'resets' => $resets];
}

/**
 * $a['conns'] connections that send a packet one byte every
 * $a['interval'] seconds and never finish it (a 60,000-byte frame on the
 * length port, a line on the EOF port), for $a['seconds']; then half close,
 * half reset. Counts the ones the server closed.
 */
function attack_slowloris(array $a): array
{
    $socks = [];
    for ($i = 0; $i < $a['conns']; $i++) {
        $kind = $i % 2 ? 'eof' : 'main';
        if (($s = tcp($a['ports'][$kind])) !== null) {
            $kind === 'main' && put($s, pack('N', 60000));
            $socks[] = $s;
        }
    }
    $deadline = clock() + $a['seconds'];
    while (clock() < $deadline) {
        foreach ($socks as $s) {
            put($s, 's');
        }
        usleep((int)($a['interval'] * 1e6));
    }
    [, $closed] = await_close($socks, 0.01);
    foreach ($socks as $i => $s) {
        $i % 2 ? socket_close($s) : rst($s);
    }
    return ['failures' => $socks ? [] : ['no connection'], 'held' => count($socks), 'closed' => count(array_filter($closed))];
}

/**
 * $a['conns'] connections (with a 4 KiB receive buffer) that ask for
 * $a['requests'] replies of $a['size'] bytes each and never read, for
 * $a['seconds']; then half reset, half close with everything unread.
 */
function attack_non_reader(array $a): array
{
    $socks = [];
    for ($i = 0; $i < $a['conns']; $i++) {
        $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_set_option($s, SOL_SOCKET, SO_RCVBUF, 4096);
        if (@socket_connect($s, '127.0.0.1', $a['ports']['main'])) {
            put($s, str_repeat(frame("big {$a['size']}"), $a['requests']));
            $socks[] = $s;
        }
    }
    usleep((int)($a['seconds'] * 1e6));
    foreach ($socks as $i => $s) {
        $i % 2 ? socket_close($s) : rst($s);
    }
    return ['failures' => $socks ? [] : ['no connection'], 'conns' => count($socks)];
}

/**
 * $a['conns'] connections opened as fast as possible and held for
 * $a['hold'] seconds (a flood past max_connection); counts those the
 * server closed at once and those it kept: at most $a['max_kept'], and
 * each of them still answered.
 */
function attack_flood(array $a): array
{
    $socks = [];
    for ($i = 0; $i < $a['conns']; $i++) {
        if (($s = tcp($a['ports']['main'])) !== null) {
            $socks[] = $s;
        }
    }
    [, $closed] = await_close($socks, $a['hold']);
    $kept = count($socks) - count(array_filter($closed));
    // The kept ones still work.
    $probe = [];
    foreach ($socks as $i => $s) {
        if (!$closed[$i]) {
            put($s, frame("echo kept $i"));
            $probe[$i] = $s;
        }
    }
    [$got] = await_close($probe, 5.0, array_map(fn($i) => strlen(frame("ok kept $i")), array_combine(array_keys($probe), array_keys($probe))));
    $wrong = count(array_filter($got, fn($g, $i) => $g !== frame("ok kept $i"), ARRAY_FILTER_USE_BOTH));
    array_map('socket_close', $socks);
    $failures = $wrong ? ["$wrong of the $kept kept connections not answered right"] : [];
    if ($kept > $a['max_kept']) {
        $failures[] = "the server kept $kept connections (at most {$a['max_kept']} expected)";
    }
    return ['failures' => $failures,
            'opened' => count($socks), 'kept' => $kept];
}

/**
 * $a['conns'] connections to the main port, each sending the packet
 * $a['frame'] (base64) again and again as fast as the socket takes it, for
 * $a['seconds'], reading and dropping the replies; then reset. A server
 * whose worker is slower than this must hold reading back, not buffer.
 */
function attack_pour(array $a): array
{
    $frame = base64_decode($a['frame']);
    $socks = array_filter(array_map(fn() => tcp($a['ports']['main']), range(1, $a['conns'])));
    $left = array_fill_keys(array_keys($socks), '');
    $sent = 0;
    $deadline = clock() + $a['seconds'];
    while (clock() < $deadline) {
        $r = $w = $socks;
        $e = null;
        if (@socket_select($r, $w, $e, 0, 50000) < 1) {
            continue;
        }
        foreach ($r as $i => $s) {
            @socket_recv($s, $buf, 1 << 20, MSG_DONTWAIT);
        }
        foreach ($w as $i => $s) {
            if ($left[$i] === '') {
                $left[$i] = $frame;
                $sent++;
            }
            $left[$i] = substr($left[$i], put($s, $left[$i]));
        }
    }
    array_map('rst', $socks);
    return ['failures' => [], 'packets' => $sent];
}
