--TEST--
PROCESS bind($fd, $uid): with dispatch_mode 5 the fd decides until bind, the uid after; one bind per connection, uid range and negative uids
--EXTENSIONS--
swoole
posix
--FILE--
<?php
require __DIR__ . '/include/bootstrap.php';
require __DIR__ . '/servers/helpers.php';
require __DIR__ . '/servers/process_dispatch_helpers.php';

const WORKERS = 4;
[$srv, $port, $pids, $manager] = pd_start(WORKERS, 5);

/** The uid getClientInfo() shows (null when it has no "uid" key). */
function uid_of(TestClient $c, int $fd): ?int
{
    $info = json_decode(ask($c, "info $fd"), true);
    return $info['uid'] ?? null;
}

/** Whether every one of $n packets of $c reaches worker $want (the pid too). */
function all_on(TestClient $c, int $want, int $n, array $pids): bool
{
    $ok = true;
    for ($i = 0; $i < $n; $i++) {
        $r = pd_who($c);
        $ok = $ok && $r['wid'] === $want && $r['pid'] === $pids[$want];
    }
    return $ok;
}

echo "--- before and after bind\n";
$a = new TestClient($port);
$whoA = pd_who($a);
$fdA = $whoA['fd'];
$byFd = $whoA['socket_fd'] % WORKERS;
echo "unbound: worker socket_fd % 4: ", var_export($whoA['wid'] === $byFd && all_on($a, $byFd, 2, $pids), true), "\n";
echo "unbound: uid shown: ", var_export(uid_of($a, $fdA) ?? 0, true), "\n";
$uid = 100 + ($byFd + 1) % WORKERS;   // lands on the worker after the fd's one
echo ask($a, "bind $uid"), "\n";
echo "bound: worker uid % 4 (not the fd's): ", var_export(all_on($a, $uid % WORKERS, 3, $pids), true), "\n";
same(uid_of($a, $fdA), $uid);
echo "second bind: ", ask($a, 'bind 200'), "\n";
same(uid_of($a, $fdA), $uid);
echo "still uid % 4: ", var_export(all_on($a, $uid % WORKERS, 2, $pids), true), "\n";

echo "--- bind another worker's connection\n";
$b = new TestClient($port);
$c = new TestClient($port);
$whoC = pd_who($c);
$fdC = $whoC['fd'];
$uidC = 300 + ($whoC['socket_fd'] % WORKERS + 2) % WORKERS;
echo ask($b, "bind $uidC $fdC"), "\n";
echo "its packets now on uid % 4: ", var_export(all_on($c, $uidC % WORKERS, 3, $pids), true), "\n";
same(uid_of($b, $fdC), $uidC);

echo "--- negative uid\n";
$d = new TestClient($port);
$fdD = pd_who($d)['fd'];
echo ask($d, 'bind -10'), "\n";
$bindUid = uid_of($d, $fdD);
var_dump($bindUid);
// the seed's conversion back to a signed 32-bit value
$bindUid = $bindUid >> 31 ? (~($bindUid - 1) & 0xFFFFFFFF) * -1 : $bindUid;
var_dump($bindUid === -10);
echo "worker 4294967286 % 4 = 2: ", var_export(all_on($d, 2, 2, $pids), true), "\n";

echo "--- uid range\n";
$e = new TestClient($port);
$fdE = pd_who($e)['fd'];
echo ask($e, 'bind 4294967296'), "\n";
echo ask($e, 'bind -2147483649'), "\n";
foreach ($srv->waitForLines('/bind\(\): uid can not/', 2) as $line) {
    echo preg_replace('/ in \/.*/', '', $line), "\n";
}
echo "uid shown: ", var_export(uid_of($e, $fdE) ?? 0, true), "\n";
echo ask($e, 'bind 4294967295'), "\n";
same(uid_of($e, $fdE), 4294967295);
echo "worker 4294967295 % 4 = 3: ", var_export(all_on($e, 3, 2, $pids), true), "\n";
$f = new TestClient($port);
$fdF = pd_who($f)['fd'];
echo ask($f, 'bind -2147483648'), "\n";
same(uid_of($f, $fdF), 2147483648);
echo "worker 2147483648 % 4 = 0: ", var_export(all_on($f, 0, 2, $pids), true), "\n";

echo "--- closed connection\n";
$a->close();
echo "gone: ", var_export(pd_until(fn() => ask($b, "exist $fdA") === 'exist=false'), true), "\n";
echo "bind it: ", preg_replace('/ err=.*/', '', ask($b, "bind 5 $fdA")), "\n";

foreach ([$b, $c, $d, $e, $f] as $x) {
    $x->close();
}
pd_stop($srv, array_merge(array_values($pids), [$manager]));

echo "--- dispatch_mode 2: bind stores the uid, the fd still decides\n";
[$srv, $port, $pids, $manager] = pd_start(2, 2);
$g = new TestClient($port);
$whoG = pd_who($g);
$fdG = $whoG['fd'];
echo "uid key before bind: ", var_export(array_key_exists('uid', json_decode(ask($g, "info $fdG"), true)), true), "\n";
$uidG = 11 + $whoG['socket_fd'] % 2;   // the other parity
echo ask($g, "bind $uidG"), "\n";
same(uid_of($g, $fdG), $uidG);
echo "still socket_fd % 2: ", var_export(all_on($g, $whoG['socket_fd'] % 2, 3, $pids), true), "\n";
$g->close();
pd_stop($srv, array_merge(array_values($pids), [$manager]));
?>
--EXPECT--
--- before and after bind
unbound: worker socket_fd % 4: true
unbound: uid shown: 0
bind=true err=0
bound: worker uid % 4 (not the fd's): true
as expected
second bind: bind=false err=0
as expected
still uid % 4: true
--- bind another worker's connection
bind=true err=0
its packets now on uid % 4: true
as expected
--- negative uid
bind=true err=0
int(4294967286)
bool(true)
worker 4294967286 % 4 = 2: true
--- uid range
bind=false err=503
bind=false err=503
Warning: Swoole\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648
Warning: Swoole\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648
uid shown: 0
bind=true err=503
as expected
worker 4294967295 % 4 = 3: true
bind=true err=0
as expected
worker 2147483648 % 4 = 0: true
--- closed connection
gone: true
bind it: bind=false
stopped cleanly
--- dispatch_mode 2: bind stores the uid, the fd still decides
uid key before bind: false
bind=true err=0
as expected
still socket_fd % 2: true
stopped cleanly
