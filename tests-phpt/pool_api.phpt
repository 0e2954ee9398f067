--TEST--
Pool/Manager: Swoole 6.2.1's signatures, defaults and properties, as Reflection shows them
--EXTENSIONS--
swoole
--FILE--
<?php
function show(string $class): void
{
    $r = new ReflectionClass($class);
    echo $r->getName(), $r->isInternal() ? ' (internal)' : ' (user)', "\n";
    $methods = $r->getMethods();
    // (in name order: ext-php-rs registers the constructor last)
    usort($methods, fn($a, $b) => strcmp($a->getName(), $b->getName()));
    foreach ($methods as $m) {
        $ps = [];
        foreach ($m->getParameters() as $p) {
            $d = '';
            if ($p->isOptional()) {
                $d = ' = ' . ($p->isDefaultValueConstant() ? $p->getDefaultValueConstantName() : var_export($p->getDefaultValue(), true));
            }
            $ps[] = ($p->getType() ? $p->getType() . ' ' : '') . '$' . $p->getName() . $d;
        }
        echo '  ', $m->getName(), '(', implode(', ', $ps), ')', $m->hasReturnType() ? ': ' . $m->getReturnType() : '', "\n";
    }
    foreach ($r->getProperties() as $p) {
        echo '  ', implode(' ', Reflection::getModifierNames($p->getModifiers())), ' $', $p->getName(), ' = ', var_export($p->getDefaultValue(), true), "\n";
    }
}
show(Swoole\Process\Pool::class);
show(Swoole\Process\Manager::class);
var_dump(SWOOLE_IPC_NONE, SWOOLE_IPC_UNIXSOCK, SWOOLE_IPC_MSGQUEUE, SWOOLE_IPC_SOCKET);
?>
--EXPECT--
Swoole\Process\Pool (internal)
  __construct(int $worker_num, int $ipc_type = SWOOLE_IPC_NONE, int $msgqueue_key = 0, bool $enable_coroutine = false)
  __destruct()
  detach(): bool
  getProcess(int $work_id = -1): Swoole\Process|false
  listen(string $host, int $port = 0, int $backlog = 2048): bool
  on(string $name, callable $callback): bool
  sendMessage(string $data, int $dst_worker_id): bool
  set(array $settings): void
  shutdown(): bool
  start(): ?false
  stop(): void
  write(string $data): bool
  public $master_pid = -1
  public $workerPid = -1
  public $workerId = -1
  public $workers = NULL
  public $workerRunning = true
  public $running = true
Swoole\Process\Manager (user)
  __construct(int $ipcType = Swoole\Process\SWOOLE_IPC_NONE, int $msgQueueKey = 0)
  add(callable $func, bool $enableCoroutine = false): self
  addBatch(int $workerNum, callable $func, bool $enableCoroutine = false): self
  getIPCType(): int
  getMsgQueueKey(): int
  setIPCType(int $ipcType): self
  setMsgQueueKey(int $msgQueueKey): self
  start(): void
  protected $pool = NULL
  protected $ipcType = 0
  protected $msgQueueKey = 0
  protected $startFuncMap = array (
)
int(0)
int(1)
int(2)
int(3)
