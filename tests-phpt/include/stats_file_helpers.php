<?php
/** Helpers of the server_stats_file*.phpt tests (servers/stats_file_server.php). */

/** Asks the server to shut down and waits for it to exit; returns its whole output. */
function stats_server_shutdown(ServerProcess $srv, int $port): string
{
    // The reply may be lost as the server goes; the test waits for the exit instead.
    $c = new TestClient($port);
    $c->send("shutdown\n");
    $out = $srv->wait();
    $c->close();
    return $out;
}

/** Prints the server's lines without what differs from run to run (pids) or is checked elsewhere (stats keys). */
function show(string $lines): void
{
    echo preg_replace(['/ pid=\d+/', '/ keys=\S+/'], '', $lines), "\n";
}
