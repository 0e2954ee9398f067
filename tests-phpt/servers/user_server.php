<?php
/**
 * A server whose workers drop root (settings from argv, e.g. "user").
 * Prints "onStart uid=U", "worker ID uid=U gid=G groups=G1,G2 pid=P" per
 * worker, "start() returned <bool>" at the end. Commands: "whoami" ->
 * "uid=U gid=G groups=..."; "shutdown" -> shutdown() from the worker,
 * replying "shutdown=<bool>".
 *
 * usage: php user_server.php PORT base|process JSON_SETTINGS
 */
[$port, $mode, $settings] = [(int)$argv[1], $argv[2], json_decode($argv[3], true)];
$server = new Swoole\Server('127.0.0.1', $port, $mode === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$server->set($settings + ['worker_num' => 1]);
$who = fn() => sprintf('uid=%d gid=%d groups=%s', posix_geteuid(), posix_getegid(), implode(',', posix_getgroups()));
$server->on('start', function () {
    echo "onStart uid=" . posix_geteuid() . "\n";
});
$server->on('workerStart', function ($s, $id) use ($who) {
    echo "worker $id " . $who() . " pid=" . getmypid() . "\n";
});
$server->on('receive', function ($s, $fd, $rid, $data) use ($who) {
    $reply = match (trim($data)) {
        'whoami' => $who(),
        'shutdown' => 'shutdown=' . var_export($s->shutdown(), true),
        default => '?',
    };
    $s->send($fd, "$reply\n");
});
$started = $server->start();
echo "start() returned " . var_export($started, true) . "\n";
