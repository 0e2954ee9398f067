<?php
/**
 * A BASE server with the log settings of issue 7, for ops_log_format.phpt.
 * usage: php log_format_server.php PORT LOG_FILE
 * Commands: "reload" (logs Swoole's INFO line), "ini" (PHP's display_errors, which the display_errors setting leaves alone).
 */
$port = (int)$argv[1];
$server = new Swoole\Server('127.0.0.1', $port);
$server->set([
    'worker_num' => 2,
    'log_file' => $argv[2],
    'log_rotation' => SWOOLE_LOG_ROTATION_DAILY,
    'log_date_format' => '%d/%m/%Y %H.%M',
    'log_date_with_microseconds' => true,
    'display_errors' => false,
]);
$server->on('workerStart', function ($server, $id) {
    echo "onWorkerStart id=$id\n";
});
$server->on('afterReload', function ($server) {
    echo "onAfterReload\n";
});
$server->on('receive', function ($server, $fd, $rid, $data) {
    $reply = match (trim($data)) {
        'reload' => 'reload=' . var_export($server->reload(), true),
        'ini' => 'display_errors=' . var_export(ini_get('display_errors'), true),
        default => 'echo:' . $data,
    };
    $server->send($fd, $reply . "\n");
});
$server->start();
