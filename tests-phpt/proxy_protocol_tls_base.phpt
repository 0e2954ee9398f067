--TEST--
PROXY protocol on a SWOOLE_SSL port (BASE mode): the header in clear, then the TLS handshake (also when both come in one read); the real client in onConnect and getClientInfo(); a headerless TLS client refused; connections still waiting for their header or handshake are not listed, not known to getClientInfo(), and send() to them fails
--EXTENSIONS--
swoole
posix
pcntl
openssl
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/include/proxy_tls_scenario.php';
proxy_tls_scenario('base');
?>
--EXPECT--
--- PROXY v1 in clear, then the TLS handshake (a PHP stream client)
as expected
as expected
--- a v2 header and the ClientHello in one read
as expected
--- a TLS client that sends no header is refused
as expected
--- a header, then plain text on the TLS port: closed as a bad TLS client
as expected
--- connections still waiting for their header or handshake are none for PHP
as expected
as expected
--- refusals counted: the headerless TLS client only
as expected
