--TEST--
Framing: an EOF packet of exactly package_max_length bytes (its EOF marker counted, as Swoole counts it) passes, one byte more closes the connection, in both modes, with and without open_eof_split, sent at once or in pieces
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const MAX = 1024;

foreach (['base', 'process'] as $server_mode) {
    foreach (['eof_split', 'eof_max'] as $framing) {
        $port = free_port();
        $srv = new ServerProcess(__DIR__ . '/servers/framing.php', [$port, $framing, $server_mode]);
        kill_on_exit($srv);
        wait_for_port($port);
        $results = [];
        foreach ([MAX, MAX + 1, MAX + 100] as $len) {
            foreach ([1, 100] as $piece) {
                $c = new TestClient($port);
                foreach (str_split(str_repeat('a', $len - 2) . "\r\n", $piece === 1 ? $len : $piece) as $part) {
                    $c->send($part);
                }
                $line = fgets($c->sock);
                $results[] = "$len" . ($piece === 1 ? '' : ' in pieces') . ': '
                    . ($line === false ? 'closed' : substr($line, 0, strpos($line, ':')));
                $c->close();
            }
        }
        echo "$server_mode $framing: ", implode(', ', $results), "\n";
        $refused = count(preg_grep('/packet length too large.*\(error 1201\)/', explode("\n", $srv->output())));
        echo "  closed with a 1201 log line: $refused\n";
        $srv->stop();
    }
}
?>
--EXPECT--
base eof_split: 1024: got 1024, 1024 in pieces: got 1024, 1025: closed, 1025 in pieces: closed, 1124: closed, 1124 in pieces: closed
  closed with a 1201 log line: 4
base eof_max: 1024: got 1024, 1024 in pieces: got 1024, 1025: closed, 1025 in pieces: closed, 1124: closed, 1124 in pieces: closed
  closed with a 1201 log line: 4
process eof_split: 1024: got 1024, 1024 in pieces: got 1024, 1025: closed, 1025 in pieces: closed, 1124: closed, 1124 in pieces: closed
  closed with a 1201 log line: 4
process eof_max: 1024: got 1024, 1024 in pieces: got 1024, 1025: closed, 1025 in pieces: closed, 1124: closed, 1124 in pieces: closed
  closed with a 1201 log line: 4
