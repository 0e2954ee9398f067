--TEST--
Clients that send and close at once (data and FIN, or data and RST, in one wakeup) are closed with onClose in both modes: raw, a partial length frame, a partial EOF line, a paused connection; nothing is left in CLOSE-WAIT
--EXTENSIONS--
swoole
posix
sockets
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const CLIENTS = 300;

/** CLIENTS connections to $port, each sending $data and closing at once (RST with $reset). */
function send_and_close(int $port, string $data, bool $reset): void
{
    $socks = [];
    for ($i = 0; $i < CLIENTS; $i++) {
        $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_connect($s, '127.0.0.1', $port) or die("connect to $port failed\n");
        $socks[] = $s;
    }
    foreach ($socks as $s) {
        if ($reset) {
            socket_set_option($s, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        }
        socket_write($s, $data);
        socket_close($s);
    }
}

/** Server-side sockets of $port in CLOSE-WAIT (from /proc/net/tcp). */
function close_wait(int $port): int
{
    $hex = sprintf(':%04X', $port);
    $n = 0;
    foreach (file('/proc/net/tcp') as $line) {
        $f = preg_split('/\s+/', trim($line));
        $n += (int)(($f[3] ?? '') === '08' && str_ends_with($f[1], $hex));
    }
    return $n;
}

foreach (['base', 'process'] as $mode) {
    $srv = new ServerProcess(__DIR__ . '/servers/close_with_data.php', [free_port(), $mode]);
    kill_on_exit($srv);
    [, $raw, $length, $eof, $paused] = explode(' ', $srv->waitForLine('/^ports /'));
    foreach ([
        'data+FIN' => [$raw, str_repeat('x', 100), false],
        'data+RST' => [$raw, str_repeat('x', 100), true],
        '7 bytes of a 100-byte frame' => [$length, "\x00\x00\x00\x64abc", false],
        'a line without its EOF' => [$eof, str_repeat('y', 100), false],
        'data+FIN while paused' => [$paused, str_repeat('x', 100), false],
    ] as $what => [$port, $data, $reset]) {
        $before = count(preg_grep("/^close $port$/", explode("\n", $srv->output())));
        send_and_close((int)$port, $data, $reset);
        try {
            $srv->waitForLines("/^close $port$/", $before + CLIENTS, 5.0);
            $closed = CLIENTS;
        } catch (RuntimeException) {
            $closed = count(preg_grep("/^close $port$/", explode("\n", $srv->output()))) - $before;
        }
        echo "$mode, $what: onClose ", $closed === CLIENTS ? 'for all' : "for $closed of " . CLIENTS,
            ", CLOSE-WAIT ", close_wait((int)$port), "\n";
    }
    $srv->stop();
    echo "$mode exit: ", var_export($srv->exitCode, true), "\n";
}
?>
--EXPECT--
base, data+FIN: onClose for all, CLOSE-WAIT 0
base, data+RST: onClose for all, CLOSE-WAIT 0
base, 7 bytes of a 100-byte frame: onClose for all, CLOSE-WAIT 0
base, a line without its EOF: onClose for all, CLOSE-WAIT 0
base, data+FIN while paused: onClose for all, CLOSE-WAIT 0
base exit: 0
process, data+FIN: onClose for all, CLOSE-WAIT 0
process, data+RST: onClose for all, CLOSE-WAIT 0
process, 7 bytes of a 100-byte frame: onClose for all, CLOSE-WAIT 0
process, a line without its EOF: onClose for all, CLOSE-WAIT 0
process, data+FIN while paused: onClose for all, CLOSE-WAIT 0
process exit: 0
