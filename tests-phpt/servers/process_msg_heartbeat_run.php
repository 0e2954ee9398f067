<?php
/**
 * The heartbeat scenario shared by process_msg_heartbeat.phpt (SWOOLE_PROCESS)
 * and process_msg_heartbeat_base.phpt (SWOOLE_BASE), with
 * heartbeat_check_interval 1 and heartbeat_idle_time 2: an idle client is
 * closed by the server 2-3 s after its last data (onClose fires); a client
 * sending every 500 ms and a protect()ed idle client stay open.
 */
function heartbeat_scenario(string $mode, int $workers): void
{
    $port = free_port();
    $settings = json_encode(['worker_num' => $workers, 'heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 2]);
    $srv = new ServerProcess(__DIR__ . '/process_msg_server.php', [$port, $mode, $settings]);
    kill_on_exit($srv);
    wait_for_port($port);
    $srv->waitForLines('/^onWorkerStart /', $workers);
    $pids = wait_for_descendants($srv->pid, server_processes($mode, $workers));

    $idle = new TestClient($port);
    $busy = new TestClient($port);
    $prot = new TestClient($port);
    $fd = fn(string $reply) => preg_match('/^fd=(\d+) /', $reply, $m) ? (int)$m[1] : 0;
    $busyReply = ask($busy, "fd\n");
    $busyFd = $fd($busyReply);
    $protFd = $fd(ask($prot, "fd\n"));
    echo ask($prot, "protect\n"), "\n";
    $idleFd = $fd(ask($idle, "fd\n"));
    $t0 = clock();     // the idle client's last data
    echo "three connections: ", var_export(count(array_unique(array_filter([$idleFd, $busyFd, $protFd]))) === 3, true), "\n";

    $closedAfter = null;
    $pings = $answered = 0;
    $nextPing = $t0 + 0.5;
    while (clock() - $t0 < 4.5) {
        if (clock() >= $nextPing) {
            $pings++;
            $answered += ask($busy, "fd\n") === $busyReply ? 1 : 0;
            $nextPing += 0.5;
        }
        if ($closedAfter === null && readable($idle->sock, 0.05)) {
            $data = fread($idle->sock, 100);
            if ($data === '' && feof($idle->sock)) {
                $closedAfter = clock() - $t0;
            } else {
                echo "unexpected data for the idle client: ", json_encode($data), "\n";
            }
        } elseif ($closedAfter !== null) {
            usleep(20000);
        }
    }
    echo "idle client closed by the server: ", var_export($closedAfter !== null, true), "\n";
    echo "closed 2 to 4 s after its last data: ", var_export($closedAfter !== null && $closedAfter >= 1.8 && $closedAfter <= 4.0, true)
        . ($closedAfter !== null && ($closedAfter < 1.8 || $closedAfter > 4.0) ? sprintf(' (%.2f s)', $closedAfter) : ''), "\n";
    // onClose runs in the worker that had the connection
    $connect = $srv->waitForLine("/^onConnect fd=$idleFd /");
    $close = $srv->waitForLine("/^onClose fd=$idleFd /");
    echo "onClose fired in the connection's worker: ", var_export(substr($close, 8) === substr($connect, 10), true), "\n";
    echo "busy client answered all pings: ", var_export($pings >= 7 && $answered === $pings, true), "\n";
    echo "protected client still served: ", var_export($fd(ask($prot, "fd\n")) === $protFd, true), "\n";
    echo ask($busy, "exist $idleFd\n"), "\n";
    echo "onClose lines: ", count(lines_matching($srv, '/^onClose /')), "\n";

    $busy->close();
    $prot->close();
    $idle->close();
    $srv->waitForLines('/^onClose /', 3);
    $srv->stop();
    var_dump($srv->exitCode);
    echo "left: ", json_encode(alive($pids)), "\n";
}
