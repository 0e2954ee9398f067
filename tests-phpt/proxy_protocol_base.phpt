--TEST--
PROXY protocol (BASE mode): v1/v2 headers (IPv4, IPv6, LOCAL, TLVs) split across reads, the real client in onConnect, getClientInfo() and dispatch_mode 4; bad, oversized, missing, slow and untrusted headers close only their connection
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/proxy_helpers.php';
proxy_scenario('base');
?>
--EXPECT--
--- v1 IPv4, split across reads, data in the last read
as expected
as expected
as expected
onConnect saw the real client
--- v2 IPv6 with TLVs, split inside the signature and the addresses
as expected
--- v2 LOCAL (a health check): the socket's own peer
as expected
--- dispatch_mode 4 picks the worker by the real client
as expected
--- a plain port of the same server is unaffected
as expected
--- refused: malformed, oversized v1 and v2, missing, slow, wrong version, untrusted
as expected
as expected
as expected
as expected
as expected
closed after proxy_protocol_timeout
as expected
as expected
--- the v2-only trusted port takes a v2 header
as expected
--- the first connections still work; refusals are counted
as expected
as expected
onConnect calls: 7
onClose calls: 7
warnings: 7
not a PROXY protocol header, connection from IP:PORT closed
PROXY v1 line longer than 107 bytes, connection from IP:PORT closed
PROXY v2 header longer than the limit, connection from IP:PORT closed
the connection closed before its header, connection from IP:PORT closed
no complete header within proxy_protocol_timeout, connection from IP:PORT closed
PROXY protocol v1 is not accepted on this port, connection from IP:PORT closed
IP:PORT is not in proxy_protocol_trusted, connection refused
