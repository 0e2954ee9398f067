<?php
// Item 13 (server side): what onPacket gets for a Unix datagram peer, and
// sendto() back to it, in both modes.
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    $path = sys_get_temp_dir() . "/probe13s_" . getmypid() . ".sock";
    @unlink($path);
    $pid = pcntl_fork();
    if ($pid === 0) {
        $s = new Swoole\Server($path, 0, $mode, SWOOLE_SOCK_UNIX_DGRAM);
        $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
        $s->on('packet', function ($s, $data, $info) {
            echo implode(',', array_keys($info)), "\n";
            echo preg_replace('/\d+/', 'N', $info['address']), "\n";
            var_dump(is_float($info['dispatch_time'] ?? null));
            var_dump($s->sendto($info['address'], 0, "re:$data"));
            $s->shutdown();
        });
        $s->start();
        exit(0);
    }
    for ($i = 0; $i < 200 && !file_exists($path); $i++) usleep(10000);
    usleep(100000);
    $c = new Swoole\Client(SWOOLE_SOCK_UNIX_DGRAM);
    $c->connect($path, 0, 2);
    $c->send("hello");
    var_dump($c->recv());

    pcntl_waitpid($pid, $st);
    @unlink($path);
}
