//! `Swoole\Process\Manager`: each callable given to `add()`/`addBatch()`
//! runs as one supervised worker of a `Swoole\Process\Pool`, called with
//! `($pool, $workerId)`.
//!
//! Swoole ships this class in PHP (its bundled library), and so does this
//! extension: the source below is compiled at every request startup, as
//! Swoole's library is. PHP rather than Rust because the class is made to be
//! extended: process managers of frameworks subclass it, override `start()`
//! and read the protected `$pool`, `$ipcType`, `$msgQueueKey` and
//! `$startFuncMap` (one `[$func, $enableCoroutine]` per worker); a PHP class
//! gives them exactly those shapes, and Reflection shows a user class as
//! with Swoole. The pool underneath is the Rust one.

use std::ffi::c_char;

/// The class, in the namespace Swoole's is in (compiled without `<?php`).
const SOURCE: &str = r#"namespace Swoole\Process;

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
"#;

/// The file name Reflection and error messages show for the class.
const FILE_NAME: &std::ffi::CStr = c"@swoole-rs/Process/Manager.php";

unsafe extern "C" {
    fn zend_eval_stringl(str: *const c_char, len: usize, retval: *mut ext_php_rs::ffi::zval, name: *const c_char) -> i32;
}

/// Request startup: declares the class (unless the script's environment
/// already has one of that name).
pub fn declare() {
    let exists = crate::zend::call_function("class_exists", vec![&"Swoole\\Process\\Manager", &false])
        .and_then(|z| z.bool())
        .unwrap_or(false);
    if exists {
        return;
    }
    // SAFETY: compiling and running our own constant source at request
    // startup; the engine copies what it keeps.
    unsafe { zend_eval_stringl(SOURCE.as_ptr().cast(), SOURCE.len(), std::ptr::null_mut(), FILE_NAME.as_ptr()) };
}
