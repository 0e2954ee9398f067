<?php
// Seed 000 (tcpServer.php), as written in the seed document.

// Создание объекта Server, слушающего на порту 127.0.0.1:9501.
$server = new Swoole\Server('127.0.0.1', 9501);

// Слушание события подключения.
$server->on('Connect', function ($server, $fd) {
    echo "Клиент: Подключение.\n";
});

// Слушание события приема данных.
$server->on('Receive', function ($server, $fd, $reactor_id, $data) {
    $server->send($fd, "Сервер: {$data}");
});

// Слушание события закрытия соединения.
$server->on('Close', function ($server, $fd) {
    echo "Клиент: Закрытие.\n";
});

// Запуск сервера
$server->start(); 
