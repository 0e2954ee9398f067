<?php
/**
 * sendfile()/sendwait() (issue 6). usage: PORT base|process
 * Commands (one per line): "file PATH OFFSET LENGTH" -> sendfile(), then
 * "\n--end--\n"; "missing" -> sendfile() of a missing file, reports the
 * result; "wait N" -> sendwait() of N bytes 'w', reports the result.
 */
$mode = $argv[2] === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', (int)$argv[1], $mode);
$server->set(['worker_num' => 1, 'open_eof_split' => true, 'package_eof' => "\n"]);
$server->on('receive', function (Swoole\Server $s, $fd, $rid, $line) {
    $cmd = explode(' ', trim($line));
    switch ($cmd[0]) {
        case 'file':
            $ok = $s->sendfile($fd, $cmd[1], (int)$cmd[2], (int)$cmd[3]);
            $s->send($fd, "\n--end " . var_export($ok, true) . "--\n");
            break;
        case 'missing':
            $ok = $s->sendfile($fd, '/nonexistent/file');
            $s->send($fd, "missing=" . var_export($ok, true) . " error=" . $s->getLastError() . "\n");
            break;
        case 'wait':
            $ok = $s->sendwait($fd, str_repeat('w', (int)$cmd[1]));
            $s->send($fd, "\nwait=" . var_export($ok, true) . "\n");
            break;
    }
});
$server->start();
