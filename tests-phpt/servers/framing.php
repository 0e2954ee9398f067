<?php
/**
 * A server with packet framing; each onReceive is answered with
 * "got <len>:<body>\n" (body = the packet without its header).
 *
 * usage: php framing.php PORT length|eof_split|eof|eof_max [base|process]
 */
[$port, $mode] = [(int)$argv[1], $argv[2]];
$server = new Swoole\Server('127.0.0.1', $port, ($argv[3] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE);
$settings = match ($mode) {
    'length' => ['open_length_check' => true, 'package_length_type' => 'N', 'package_length_offset' => 0,
                 'package_body_offset' => 4, 'package_max_length' => 1024],
    'length_signed' => ['open_length_check' => true, 'package_length_type' => 'c', 'package_body_offset' => 1],
    'eof_split' => ['open_eof_split' => true, 'package_eof' => "\r\n", 'package_max_length' => 1024],
    'eof' => ['open_eof_check' => true, 'package_eof' => "\r\n"],
    'eof_max' => ['open_eof_check' => true, 'package_eof' => "\r\n", 'package_max_length' => 1024],
};
$server->set($settings);
$server->on('receive', function ($s, $fd, $rid, $data) use ($mode) {
    $body = str_starts_with($mode, 'length') ? substr($data, $mode === 'length' ? 4 : 1) : $data;
    $s->send($fd, "got " . strlen($data) . ":" . json_encode($body) . "\n");
});
$server->on('close', function ($s, $fd) {
    echo "closed $fd\n";
});
$server->start();
