<?php
// Seed 004 (server.php, class-based echo server), as written in the seed document.
// Server
class Server
{
    private $serv;

    public function __construct() {
        $this->serv = new swoole_server("0.0.0.0", 9501);
        $this->serv->set(array(
            'worker_num' => 8,
            'daemonize' => false,
            'max_request' => 10000,
            'dispatch_mode' => 2,
            'debug_mode'=> 1
        ));

        $this->serv->on('Start', array($this, 'onStart'));
        $this->serv->on('Connect', array($this, 'onConnect'));
        $this->serv->on('Receive', array($this, 'onReceive'));
        $this->serv->on('Close', array($this, 'onClose'));

        $this->serv->start();
    }

    public function onStart( $serv ) {
        echo "Start\n";
    }

    public function onConnect( $serv, $fd, $from_id ) {
        $serv->send( $fd, "Hello fd:{$fd}! from_id:{$from_id}" );
    }

    public function onReceive( swoole_server $serv, $fd, $from_id, $data ) {
        echo "Get Message From Client fd:{$fd} from_id:{$from_id}  data:{$data}\n";
    }

    public function onClose( $serv, $fd, $from_id ) {
        echo "Client fd:{$fd} from_id:{$from_id} close connection\n";
    }
}

// 启动服务器
$server = new Server();
