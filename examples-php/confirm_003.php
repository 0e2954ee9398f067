<?php
// Seed 003 (section "## 確認()" / confirm() example), as written in the seed document.
//創建Server對象，監聽 127.0.0.1:9501端口
$serv = new Swoole\Server("127.0.0.1", 9501); 
$serv->set([
    'enable_delay_receive' => true,
]);

//監聽連接進入事件
$serv->on('Connect', function ($serv, $fd) {  
    //在這裡檢測這個$fd，沒問題再confirm
    $serv->confirm($fd);
});

//監聽數據接收事件
$serv->on('Receive', function ($serv, $fd, $reactor_id, $data) {
    $serv->send($fd, "Server: ".$data);
});

//監聽連接關閉事件
$serv->on('Close', function ($serv, $fd) {
    echo "Client: Close.\n";
});

//啟動服務器
$serv->start(); 
