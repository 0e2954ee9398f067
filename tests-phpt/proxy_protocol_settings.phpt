--TEST--
PROXY protocol settings: open_proxy_protocol, proxy_protocol_timeout and proxy_protocol_trusted on the server and on a port are checked with clear warnings, a refused entry changes nothing
--EXTENSIONS--
swoole
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0);
var_dump($s->set(['open_proxy_protocol' => 3]));
$s->set(['open_proxy_protocol' => 'yes']);
$s->set(['proxy_protocol_timeout' => 0]);
$s->set(['proxy_protocol_timeout' => 'soon']);
$s->set(['proxy_protocol_trusted' => ['10.0.0.0/8', '300.1.2.3']]);
$s->set(['proxy_protocol_trusted' => ['10.0.0.0/33']]);
$s->set(['proxy_protocol_trusted' => 5]);
$s->set(['open_proxy_protocol' => true, 'proxy_protocol_timeout' => 1.5, 'proxy_protocol_trusted' => ['127.0.0.1', '::1', '10.0.0.0/8']]);
echo json_encode($s->setting), "\n";
$p = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);
$p->set(['open_proxy_protocol' => 2, 'proxy_protocol_trusted' => '192.0.2.0/24, 2001:db8::/32']);
$p->set(['proxy_protocol_trusted' => ['fe80::/129']]);
echo json_encode($p->setting), "\n";
?>
--EXPECTF--
Warning: Swoole\Server::set(): setting 'open_proxy_protocol' is out of range: 3 (must be true (either version), 1 or 2 (that version only), or false) in %s on line 3
bool(true)

Warning: Swoole\Server::set(): setting 'open_proxy_protocol' is out of range: 'yes' (must be true (either version), 1 or 2 (that version only), or false) in %s on line 4

Warning: Swoole\Server::set(): setting 'proxy_protocol_timeout' is out of range: 0 (must be more than 0 seconds) in %s on line 5

Warning: Swoole\Server::set(): setting 'proxy_protocol_timeout' must be of type float, string given in %s on line 6

Warning: Swoole\Server::set(): setting 'proxy_protocol_trusted' is out of range: '300.1.2.3' (must be IP addresses or CIDR ranges such as 10.0.0.0/8) in %s on line 7

Warning: Swoole\Server::set(): setting 'proxy_protocol_trusted' is out of range: '10.0.0.0/33' (must be IP addresses or CIDR ranges such as 10.0.0.0/8) in %s on line 8

Warning: Swoole\Server::set(): setting 'proxy_protocol_trusted' must be of type array of IP addresses and CIDR ranges, int given in %s on line 9
{"open_proxy_protocol":true,"proxy_protocol_timeout":1.5,"proxy_protocol_trusted":["127.0.0.1","::1","10.0.0.0\/8"]}

Warning: Swoole\Server\Port::set(): setting 'proxy_protocol_trusted' is out of range: 'fe80::/129' (must be IP addresses or CIDR ranges such as 10.0.0.0/8) in %s on line 14
{"open_proxy_protocol":2,"proxy_protocol_trusted":"192.0.2.0\/24, 2001:db8::\/32"}
