<?php
/*
 * The extension's global API as Reflection sees it, one line per item:
 * every function (parameters with type, by-ref, variadic, name, default;
 * return type), every constant with its value, Swoole\Constant, and the
 * classes (api_classes.php).
 * Used by api_reflection.phpt; `php -d extension=... api_dump.php` prints it.
 */

require __DIR__ . '/api_classes.php';

echo "functions:\n";
api_dump_functions(array_keys((new ReflectionExtension('swoole'))->getFunctions()));

// ext-sockets' names: ext-sockets defines them when it is loaded, the
// extension otherwise; either way they must be there with Linux's values.
$socketNames = '/^(AF_|SOCK_|MSG_|SO_|SOL_|SOMAXCONN$|TCP_NODELAY$|IPPROTO_|IP_|IPV6_|MCAST_|AI_|SOCKET_E)/';
// Swoole\Lock's constants are registered with that class and tested there.
$lockNames = ['SWOOLE_MUTEX', 'SWOOLE_RWLOCK', 'SWOOLE_SPINLOCK', 'SWOOLE_SEM'];
$constants = get_defined_constants(true)['swoole'];
ksort($constants);
echo "\nconstants:\n";
foreach ($constants as $name => $value) {
    if ((preg_match($socketNames, $name) && !in_array($name, ['SOCKET_ECANCELED'], true)) || in_array($name, $lockNames, true)) {
        continue;
    }
    printf("  %s = %s\n", $name, var_export($value, true));
}
echo "\next-sockets names:\n";
foreach (['AF_UNIX' => 1, 'AF_INET' => 2, 'AF_INET6' => 10, 'SOCK_STREAM' => 1, 'SOCK_DGRAM' => 2, 'SOL_SOCKET' => 1,
          'SO_REUSEADDR' => 2, 'SO_REUSEPORT' => 15, 'MSG_DONTWAIT' => 64, 'SOCKET_EAGAIN' => 11,
          'SOCKET_ECONNREFUSED' => 111, 'TCP_NODELAY' => 1, 'IPPROTO_TCP' => 6] as $name => $value) {
    printf("  %s %s\n", $name, defined($name) && constant($name) === $value ? 'ok' : 'MISSING or wrong');
}

echo "\nclass Swoole\\Constant:\n";
if (class_exists('Swoole\Constant')) {
    $c = new ReflectionClass('Swoole\Constant');
    printf("  final=%s internal=%s parent=%s\n", var_export($c->isFinal(), true), var_export($c->isInternal(), true),
        var_export($c->getParentClass(), true));
    foreach ($c->getReflectionConstants() as $k) {
        printf("  %s %s = %s\n", implode(' ', Reflection::getModifierNames($k->getModifiers())), $k->getName(),
            var_export($k->getValue(), true));
    }
} else {
    echo "  (absent)\n";
}

api_dump_classes();
