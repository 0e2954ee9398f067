<?php
/**
 * A file upload form: GET / shows it, POST / stores the uploads under
 * ./uploads (Swoole removes its own temp files after the request).
 *   curl -F 'file=@/etc/hostname' http://127.0.0.1:9501/
 */
$store = __DIR__ . '/uploads';
@mkdir($store);
$http = new Swoole\Http\Server('127.0.0.1', 9501);
$http->set(['worker_num' => 1, 'enable_coroutine' => false, 'package_max_length' => 32 * 1024 * 1024,
            'upload_tmp_dir' => sys_get_temp_dir()]);
$http->on('start', function () {
    echo "listening on http://127.0.0.1:9501\n";
});
$http->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) use ($store) {
    if ($req->getMethod() !== 'POST') {
        $resp->end('<form method="post" enctype="multipart/form-data"><input type="file" name="file" multiple>'
            . '<input name="note"><button>upload</button></form>');
        return;
    }
    $lines = [];
    foreach ($req->files ?? [] as $field => $file) {
        if ($file['error'] !== UPLOAD_ERR_OK) {
            $lines[] = "$field: error {$file['error']}";
            continue;
        }
        $name = basename($file['name']);
        copy($file['tmp_name'], "$store/$name");
        $lines[] = "$field: $name, {$file['size']} bytes, " . md5_file("$store/$name");
    }
    $resp->header('Content-Type', 'text/plain');
    $resp->end(implode("\n", $lines) . "\nnote: " . ($req->post['note'] ?? '') . "\n");
});
$http->start();
