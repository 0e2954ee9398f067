<?php
// Swoole\Process\Manager: each callable given to add()/addBatch() runs as one
// supervised worker of a Swoole\Process\Pool, called with ($pool, $workerId).
// Swoole ships this class in PHP (its bundled library), and so does this
// extension (see src/request.rs): process managers of frameworks subclass it,
// override start() and read the protected $pool, $ipcType, $msgQueueKey and
// $startFuncMap (one [$func, $enableCoroutine] per worker); a PHP class gives
// them exactly those shapes. The pool underneath is the Rust one.
namespace Swoole\Process;

class Manager
{
    /** @var Pool|null the pool start() runs */
    protected $pool;

    /** @var int the pool's SWOOLE_IPC_* type */
    protected $ipcType = SWOOLE_IPC_NONE;

    /** @var int the pool's SysV queue key (SWOOLE_IPC_MSGQUEUE) */
    protected $msgQueueKey = 0;

    /** @var array by worker id: [callable $func, bool $enableCoroutine] */
    protected $startFuncMap = [];

    public function __construct(int $ipcType = SWOOLE_IPC_NONE, int $msgQueueKey = 0)
    {
        $this->setIPCType($ipcType)->setMsgQueueKey($msgQueueKey);
    }

    /** One worker running $func($pool, $workerId). */
    public function add(callable $func, bool $enableCoroutine = false): self
    {
        return $this->addBatch(1, $func, $enableCoroutine);
    }

    /** $workerNum workers, each running $func($pool, $workerId). */
    public function addBatch(int $workerNum, callable $func, bool $enableCoroutine = false): self
    {
        for ($n = 0; $n < $workerNum; $n++) {
            $this->startFuncMap[] = [$func, $enableCoroutine];
        }
        return $this;
    }

    /** Runs the workers until the pool is shut down (SIGTERM). */
    public function start(): void
    {
        $this->pool = new Pool(count($this->startFuncMap), $this->ipcType, $this->msgQueueKey, false);
        $this->pool->on('WorkerStart', function (Pool $pool, int $workerId) {
            // There are no coroutines in this extension: $enableCoroutine
            // callables run as they are, with the worker's event loop after.
            [$func] = $this->startFuncMap[$workerId];
            $func($pool, $workerId);
        });
        $this->pool->start();
    }

    public function setIPCType(int $ipcType): self
    {
        $this->ipcType = $ipcType;
        return $this;
    }

    public function getIPCType(): int
    {
        return $this->ipcType;
    }

    public function setMsgQueueKey(int $msgQueueKey): self
    {
        $this->msgQueueKey = $msgQueueKey;
        return $this;
    }

    public function getMsgQueueKey(): int
    {
        return $this->msgQueueKey;
    }
}
