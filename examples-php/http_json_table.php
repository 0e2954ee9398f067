<?php
/**
 * A JSON API over a Swoole\Table shared by every worker:
 *   curl -X PUT  -d '{"name":"apple","qty":3}' http://127.0.0.1:9501/items/1
 *   curl         http://127.0.0.1:9501/items/1
 *   curl         http://127.0.0.1:9501/items
 *   curl -X DELETE http://127.0.0.1:9501/items/1
 */
$items = new Swoole\Table(1024);
$items->column('name', Swoole\Table::TYPE_STRING, 64);
$items->column('qty', Swoole\Table::TYPE_INT);
$items->create();

$http = new Swoole\Http\Server('127.0.0.1', 9501);
$http->set(['worker_num' => 2, 'enable_coroutine' => false]);
$http->on('start', function () {
    echo "listening on http://127.0.0.1:9501\n";
});
$http->on('request', function (Swoole\Http\Request $req, Swoole\Http\Response $resp) use ($items) {
    $resp->header('Content-Type', 'application/json');
    $reply = function (int $status, $body) use ($resp) {
        $resp->status($status);
        $resp->end(json_encode($body) . "\n");
    };
    $path = $req->server['path_info'];
    $method = $req->getMethod();
    if ($path === '/items' && $method === 'GET') {
        $all = [];
        foreach ($items as $id => $row) {
            $all[$id] = $row;
        }
        ksort($all);
        return $reply(200, $all);
    }
    if (!preg_match('#^/items/(\d+)$#', $path, $m)) {
        return $reply(404, ['error' => 'no such route']);
    }
    $id = $m[1];
    switch ($method) {
        case 'GET':
            $row = $items->get($id);
            return $row === false ? $reply(404, ['error' => 'no such item']) : $reply(200, $row);
        case 'PUT':
            $data = json_decode($req->getContent(), true);
            if (!is_array($data) || !isset($data['name'], $data['qty'])) {
                return $reply(400, ['error' => 'want {"name": ..., "qty": ...}']);
            }
            $items->set($id, ['name' => (string)$data['name'], 'qty' => (int)$data['qty']]);
            return $reply(200, $items->get($id));
        case 'DELETE':
            return $reply($items->del($id) ? 200 : 404, ['deleted' => $id]);
    }
    $reply(405, ['error' => "$method not allowed"]);
});
$http->start();
