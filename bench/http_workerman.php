<?php
/**
 * The HTTP benchmark's peer: Workerman 5.2.2's HTTP server (pure PHP, its default event loop),
 * the same three workloads as bench/http_hello.php. Workerman has no static handler of its own,
 * so "static" is the usual user code: Response::withFile() of DOCROOT plus the path.
 * usage: php http_workerman.php WORKERMAN_DIR PORT WORKERS [hello|static|post] [DOCROOT]
 */
[, $dir, $port, $workers] = $argv;
$workload = $argv[4] ?? 'hello';
$docroot = $argv[5] ?? '';
spl_autoload_register(function ($c) use ($dir) {
    if ($c === 'Workerman\\Coroutine\\Context') {
        // Of the package workerman/coroutine (a Composer dependency not in the reference copy),
        // Worker::run() calls only Context::destroy(), after onWorkerStart: a no-op without coroutines.
        eval('namespace Workerman\\Coroutine; final class Context { public static function destroy(): void {} }');
    } elseif (str_starts_with($c, 'Workerman\\')) {
        require "$dir/src/" . str_replace('\\', '/', substr($c, 10)) . '.php';
    }
});
use Workerman\Protocols\Http\Response;
use Workerman\Worker;

$tmp = sys_get_temp_dir() . '/bench-workerman-' . getmypid();
Worker::$pidFile = "$tmp.pid";
Worker::$logFile = "$tmp.log";
Worker::$statusFile = "$tmp.status";
$w = new Worker("http://127.0.0.1:$port");
$w->count = (int)$workers;
$w->onWorkerStart = function () {
    echo "ready\n";
};
$w->onMessage = match ($workload) {
    'static' => function ($conn, $req) use ($docroot) {
        $conn->send((new Response())->withFile($docroot . $req->path()));
    },
    'post' => function ($conn, $req) {
        $conn->send((string)strlen($req->rawBody()));
    },
    default => function ($conn, $req) {
        $conn->send('Hello, world!');
    },
};
$argv = [$argv[0], 'start'];
Worker::runAll();
