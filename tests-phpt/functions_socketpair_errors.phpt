--TEST--
swoole_coroutine_socketpair(): only Unix pairs exist; another family, protocol or type fails with the kernel's own errno (EOPNOTSUPP, EAFNOSUPPORT, EPROTONOSUPPORT, EINVAL), as on Swoole; PF_UNIX as the protocol is the Unix one
--EXTENSIONS--
swoole
--FILE--
<?php
$cases = [
    'unix stream'            => [STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0],
    'unix dgram, PF_UNIX'    => [STREAM_PF_UNIX, STREAM_SOCK_DGRAM, STREAM_PF_UNIX],
    'inet'                   => [STREAM_PF_INET, STREAM_SOCK_STREAM, 0],
    'unknown family'         => [999, STREAM_SOCK_STREAM, 0],
    'unix with tcp protocol' => [STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_TCP],
    'unknown type'           => [STREAM_PF_UNIX, 77, 0],
];
foreach ($cases as $name => [$domain, $type, $protocol]) {
    $pair = @swoole_coroutine_socketpair($domain, $type, $protocol);
    $why = error_get_last()['message'] ?? '';
    error_clear_last();
    echo str_pad($name, 24), is_array($pair) ? count($pair) . ' sockets' : 'false ' . preg_replace('/.*Error: /', '', $why), "\n";
}
?>
--EXPECT--
unix stream             2 sockets
unix dgram, PF_UNIX     2 sockets
inet                    false Operation not supported[95]
unknown family          false Address family not supported by protocol[97]
unix with tcp protocol  false Protocol not supported[93]
unknown type            false Invalid argument[22]
