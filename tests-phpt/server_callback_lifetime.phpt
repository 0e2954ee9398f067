--TEST--
Server: every kind of callable stays valid across many calls (closures, arrow fns, built names, methods, invokables)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';

foreach (['closure', 'arrow', 'literal_name', 'built_name', 'method', 'static_method', 'invokable'] as $kind) {
    $port = free_port();
    $srv = new ServerProcess(__DIR__ . '/servers/callback_kinds.php', [$port, $kind]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLine("/^ready: $kind$/");

    // 5 connections of 2 requests: onConnect x5, onReceive x10, onClose x5
    // (a crashed server is reported through the counts, so errors are muted)
    $replies = [];
    try {
        for ($i = 0; $i < 5; $i++) {
            $c = @new TestClient($port);
            for ($j = 0; $j < 2; $j++) {
                $replies[] = @ask($c, 'x');
            }
            $c->close();
        }
    } catch (RuntimeException $e) {
    }
    $good = 0;
    foreach ($replies as $n => $reply) {
        $good += (int)preg_match('/^n=' . ($n + 1) . ' d=2,4,6 info=\d+$/', $reply);
    }
    try {
        $srv->waitForLine('/^closed 5$/', 2);
    } catch (RuntimeException $e) {
        // reported below through the counts
    }
    $out = $srv->stop();
    $calls = preg_match('/^calls: (.*)$/m', $out, $m) ? $m[1] : 'missing';
    printf("%-13s answers=%d/10 exit=%s calls=%s\n", $kind, $good, var_export($srv->exitCode, true), $calls);
    if ($good !== 10 || $srv->exitCode !== 0) {
        echo $out;
    }
}
?>
--EXPECT--
closure       answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
arrow         answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
literal_name  answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
built_name    answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
method        answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
static_method answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
invokable     answers=10/10 exit=0 calls={"connect":5,"receive":10,"close":5}
