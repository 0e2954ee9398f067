<?php
/**
 * Two workers and one user process, for sendMessage/onPipeMessage.
 * Commands: "array" sends an array to the other worker; "bad" tries invalid
 * targets and prints the results; the user process sends "from user" to
 * worker 0 when it starts.
 *
 * usage: php pipe_messages.php PORT
 */
$server = new Swoole\Server('127.0.0.1', (int)$argv[1]);
$server->set(['worker_num' => 2]);
$server->on('pipeMessage', function ($s, $src, $data) {
    echo "#{$s->worker_id} from #$src: " . json_encode($data) . "\n";
});
$server->addProcess(new Swoole\Process(function ($proc) use ($server) {
    var_dump($server->sendMessage('from user', 0));
    Swoole\Process::signal(SIGTERM, fn() => $proc->exit(0));
    Swoole\Timer::tick(1000, fn() => null);
}));
$server->on('receive', function (Swoole\Server $s, $fd, $rid, $data) {
    $other = 1 - $s->worker_id;
    $reply = match (trim($data)) {
        'array' => var_export($s->sendMessage(['a' => 1, 'list' => [1, 2]], $other), true),
        'bad' => json_encode([$s->sendMessage('x', $s->worker_id), $s->sendMessage('x', 7)]),
        default => '?',
    };
    $s->send($fd, "$reply\n");
});
$server->start();
