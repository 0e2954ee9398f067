<?php
// Item 6 (found while probing): a second Swoole\Server while the first one
// exists and was never started.
$a = new Swoole\Server('127.0.0.1', 0);
try {
    $b = new Swoole\Server('127.0.0.1', 0);
    echo "second server created\n";
} catch (Throwable $e) {
    echo get_class($e), " (", $e->getCode(), "): ", $e->getMessage(), "\n";
}
unset($a);
$c = new Swoole\Server('127.0.0.1', 0);
echo "after unset(\$a): created\n";
