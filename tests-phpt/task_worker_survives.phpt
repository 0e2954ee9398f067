--TEST--
Issue 14 item 5 (both modes): an uncaught exception in onTask, or a result serialize() refuses, prints PHP's fatal error and the same task worker goes on serving; finish() that cannot deliver within socket_send_timeout is false with the log line "Server::finish() (ERRNO 9014): send result to worker timed out"
--EXTENSIONS--
swoole
--FILE--
<?php
require dirname(__DIR__) . '/tests-phpt/include/bootstrap.php';
require dirname(__DIR__) . '/tests-phpt/servers/helpers.php';

$code = <<<'PHP'
<?php
[$port, $mode] = [(int)$argv[1], $argv[2]];
$s = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$s->set(['worker_num' => 1, 'task_worker_num' => 1, 'socket_send_timeout' => 0.5, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function () {});
$s->on('task', function ($s, $id, $src, $data) {
    echo "onTask $data\n";
    switch ($data) {
        case 'throw':
            throw new RuntimeException("thrown in onTask");
        case 'closure':
            return function () {};
        case 'flood':
            $t = hrtime(true);
            for ($i = 0; $i < 100000; $i++) {
                if (!$s->finish(str_repeat('x', 4000))) {
                    $secs = (hrtime(true) - $t) / 1e9;
                    echo "finish() false within the timeout: " . var_export($secs > 0.3 && $secs < 2, true) . "\n";
                    return null;
                }
            }
            echo "finish() never failed\n";
            return null;
    }
    return "ok $data";
});
$s->on('workerError', function ($s, $id) {
    echo "onWorkerError worker#$id\n";
});
$s->on('finish', function ($s, $id, $data) {
    if (strlen($data) < 100) {
        echo "onFinish: $data\n";
    }
});
$s->on('workerStart', function ($s, $id) {
    if ($id !== 0) {
        return;
    }
    $before = $s->getWorkerPid(1);
    Swoole\Timer::after(100, fn() => $s->task('throw'));
    Swoole\Timer::after(300, fn() => $s->task('closure'));
    Swoole\Timer::after(500, fn() => $s->task('after'));
    Swoole\Timer::after(700, function () use ($s) {
        $s->task('flood');
        sleep(2); // the results are not read meanwhile
    });
    Swoole\Timer::after(3000, function () use ($s, $before) {
        echo "the same task worker: " . var_export($s->getWorkerPid(1) === $before, true) . "\n";
        $s->shutdown();
    });
});
$s->start();
PHP;
foreach (['base', 'process'] as $mode) {
    echo "--- $mode\n";
    $srv = server_from_code($code, [free_port(), $mode]);
    $out = without_log_copies($srv->wait(10));
    // the stack traces of the fatal errors are left out
    $out = preg_replace('/^(Stack trace:|#\d+ |  thrown in ).*\n/m', '', $out);
    echo sorted_lines($out);
}
?>
--EXPECTF--
--- base
Fatal error: Uncaught Exception: Serialization of 'Closure' is not allowed in %s
Fatal error: Uncaught RuntimeException: thrown in onTask in %s
[%s]	WARNING	%s(ERRNO 9014): send result to worker timed out
finish() false within the timeout: true
onFinish: ok after
onTask after
onTask closure
onTask flood
onTask throw
the same task worker: true
--- process
Fatal error: Uncaught Exception: Serialization of 'Closure' is not allowed in %s
Fatal error: Uncaught RuntimeException: thrown in onTask in %s
[%s]	WARNING	%s(ERRNO 9014): send result to worker timed out
finish() false within the timeout: true
onFinish: ok after
onTask after
onTask closure
onTask flood
onTask throw
the same task worker: true
