<?php
// Seed 003 (section "## getClientList()" example): the paging loop as written in
// the seed document, run when a client sends "list"; any other message gets "ok".
$server = new Swoole\Server("127.0.0.1", 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('receive', function ($server, $fd, $reactor_id, $data) {
    if ($data !== "list") {
        $server->send($fd, "ok");
        return;
    }
    // --- seed 003, getClientList() example, as written ---
$start_fd = 0;
while (true) {
  $conn_list = $server->getClientList($start_fd, 10);
  if ($conn_list === false || count($conn_list) === 0) {
      echo "finish\n";
      break;
  }
  $start_fd = end($conn_list);
  var_dump($conn_list);
  foreach ($conn_list as $fd) {
      $server->send($fd, "broadcast");
  }
}
    // --- end of the seed's example ---
});
$server->start();
