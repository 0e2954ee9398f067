--TEST--
Server, both modes: a flood of connections past max_connection gets one log line for the first and one summary with the count of the others per second, not one line each
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

const FLOOD = 30;

foreach (['base', 'process'] as $mode) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/max_conn_flood.php', [$port, $mode]);
    kill_on_exit($srv);
    $srv->waitForLine('/^ready$/');
    wait_for_port($port);
    $held = new TestClient($port);
    echo "$mode: the one allowed connection works: ", var_export(ask($held, "hi\n") === 'hi', true), "\n";
    $refused = [];
    for ($i = 0; $i < FLOOD; $i++) {
        $refused[] = new TestClient($port);
    }
    $closed = 0;
    foreach ($refused as $c) {
        $closed += (int)($c->recvAll() === '');
        $c->close();
    }
    echo "  refused: $closed\n";
    $srv->waitForLine('/more connection\(s\) refused/', 5);
    $lines = preg_grep('/too many connections/', explode("\n", $srv->output()));
    $counted = 0;
    foreach ($lines as $l) {
        $counted += preg_match('/, (\d+) more connection\(s\) refused within 1s$/', $l, $m) ? (int)$m[1] : (int)str_contains($l, 'refused');
    }
    echo "  log lines: ", count($lines) <= 3 ? 'a few' : count($lines), ", refusals they account for: $counted\n";
    echo "  first: ", preg_replace('/^.*(accept\(\).*from 127\.0\.0\.1:)\d+( refused)$/', '$1PORT$2', reset($lines)), "\n";
    $held->close();
    $srv->stop();
}
?>
--EXPECT--
base: the one allowed connection works: true
  refused: 30
  log lines: a few, refusals they account for: 30
  first: accept(): too many connections [max_connection=1], connection from 127.0.0.1:PORT refused
process: the one allowed connection works: true
  refused: 30
  log lines: a few, refusals they account for: 30
  first: accept(): too many connections [max_connection=1], connection from 127.0.0.1:PORT refused
