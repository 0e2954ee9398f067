<?php
/*
 * Reflection as text, one line per item, for api_dump.php and for the stub
 * check (api_stubs.phpt): the same lines for the extension's functions and
 * classes and for those php-stubs/ declares.
 *
 * The classes: header (final, parent, interfaces), constructor, constants,
 * properties (every visibility, with defaults), and each method the class
 * declares (modifiers, parameters, return type, required count); methods a
 * class inherits from PHP's own classes are named only. Then the Swoole 4
 * class names kept as aliases.
 */
function api_type(?ReflectionType $t): string
{
    return $t === null ? '' : (string)$t;
}

function api_param(ReflectionParameter $p): string
{
    $s = api_type($p->getType());
    $s .= ($s === '' ? '' : ' ') . ($p->isPassedByReference() ? '&' : '') . ($p->isVariadic() ? '...' : '') . '$' . $p->getName();
    if ($p->isDefaultValueAvailable()) {
        $s .= ' = ' . ($p->isDefaultValueConstant() ? $p->getDefaultValueConstantName()
            : str_replace("\n", '', var_export($p->getDefaultValue(), true)));
    } elseif ($p->isOptional() && !$p->isVariadic()) {
        $s .= ' = <no default>';
    }
    return $s;
}

/** Prints the functions $names, in that order. */
function api_dump_functions(array $names): void
{
    foreach ($names as $name) {
        $f = new ReflectionFunction($name);
        $ret = api_type($f->getReturnType());
        printf("  %s(%s)%s [required %d]\n", $f->getName(), implode(', ', array_map('api_param', $f->getParameters())),
            $ret === '' ? '' : ": $ret", $f->getNumberOfRequiredParameters());
    }
}

const API_CLASSES = [
    'Swoole\Server', 'Swoole\Server\Port', 'Swoole\Server\Task', 'Swoole\Server\Event', 'Swoole\Server\Packet',
    'Swoole\Server\PipeMessage', 'Swoole\Server\TaskResult', 'Swoole\Server\StatusInfo', 'Swoole\Process', 'Swoole\Timer', 'Swoole\Event',
    'Swoole\Client', 'Swoole\Connection\Iterator', 'Swoole\Timer\Iterator', 'Swoole\Exception', 'Swoole\Error',
    'Swoole\Process\Pool', 'Swoole\Table', 'Swoole\Atomic', 'Swoole\Atomic\Long', 'Swoole\Lock',
    'Swoole\Http\Server', 'Swoole\Http\Request', 'Swoole\Http\Response', 'Swoole\Http\Cookie',
    'Swoole\WebSocket\Server', 'Swoole\WebSocket\Frame', 'Swoole\WebSocket\CloseFrame',
];

function api_method(ReflectionMethod $m): string
{
    $ret = api_type($m->getReturnType());
    return sprintf('%s %s(%s)%s [required %d]', implode(' ', Reflection::getModifierNames($m->getModifiers())),
        $m->getName(), implode(', ', array_map('api_param', $m->getParameters())), $ret === '' ? '' : ": $ret",
        $m->getNumberOfRequiredParameters());
}

/** Prints the classes (and, with $aliases, the kept Swoole 4 names). */
function api_dump_classes(bool $aliases = true): void
{
    foreach (API_CLASSES as $name) {
        echo "\nclass $name:\n";
        if (!class_exists($name)) {
            echo "  (absent)\n";
            continue;
        }
        $c = new ReflectionClass($name);
        $ifs = $c->getInterfaceNames();
        sort($ifs);
        printf("  %s%sclass %s%s%s\n", $c->isFinal() ? 'final ' : '', $c->isAbstract() ? 'abstract ' : '', $c->getName(),
            $c->getParentClass() ? ' extends ' . $c->getParentClass()->getName() : '', $ifs ? ' implements ' . implode(', ', $ifs) : '');
        $ctor = $c->getConstructor();
        printf("  constructor: %s, instantiable: %s\n",
            $ctor ? implode(' ', Reflection::getModifierNames($ctor->getModifiers())) . ' ' . $ctor->class . '::' . $ctor->name : 'none',
            var_export($c->isInstantiable(), true));
        foreach ($c->getReflectionConstants() as $k) {
            printf("  const %s = %s\n", $k->getName(), var_export($k->getValue(), true));
        }
        foreach ($c->getProperties() as $p) {
            $type = api_type($p->getType());
            printf("  %s %s$%s%s\n", implode(' ', Reflection::getModifierNames($p->getModifiers())), $type === '' ? '' : "$type ",
                $p->getName(), $p->hasDefaultValue() ? ' = ' . var_export($p->getDefaultValue(), true) : '');
        }
        $inherited = [];
        foreach ($c->getMethods() as $m) {
            if (!str_starts_with($m->class, 'Swoole\\')) {
                $inherited[] = $m->class . '::' . $m->name;
                continue;
            }
            echo '  ', $m->class === $name ? '' : "({$m->class}) ", api_method($m), "\n";
        }
        if ($inherited) {
            echo '  inherited: ', implode(', ', $inherited), "\n";
        }
    }
    if (!$aliases) {
        return;
    }
    echo "\nclass aliases:\n";
    foreach (['swoole_server', 'swoole_server_port', 'swoole_process', 'swoole_client', 'swoole_exception', 'swoole_error'] as $alias) {
        printf("  %s => %s\n", $alias, class_exists($alias) ? (new ReflectionClass($alias))->getName() : '(absent)');
    }
}
