//! What `Swoole\Process\Pool::start()` runs, glued to the PHP callbacks.
//!
//! - The master (the process that called `start()`): `onStart`, then the
//!   core's supervision ([`swoole_core::pool_master`]) on this process's
//!   event loop, so timers set in `onStart` fire; on SIGTERM/`shutdown()`,
//!   `onShutdown`, then every worker stops; `start()` returns null.
//! - A worker (forked by the master, signals at their defaults):
//!   `onWorkerStart($pool, $workerId)`; then its loop
//!   ([`swoole_core::pool_worker`]) with `onMessage($pool, $data)`, timers,
//!   events and `Process::signal()` callbacks; then `onWorkerStop`. An
//!   uncaught exception, `exit()` or fatal error ends only that worker (its
//!   status: 255 or exit()'s), and the master replaces it.
//!
//! Per-process facts (role, detached) live in a thread-local with no Zvals;
//! the Zvals (`$this`, the callbacks) live in [`Host`], a local of `start()`.

use crate::loop_php;
use crate::pool::{Callbacks, Pool};
use crate::process::Process;
use crate::props;
use crate::zend::{self, CallOutcome, Callback};
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ArrayKey, ZendClassObject, ZendHashTable, ZendObject, Zval};
use std::cell::Cell;
use std::os::fd::RawFd;
use std::sync::atomic::Ordering;
use swoole_core::event_loop::{Flow, LoopHandler};
use swoole_core::pool::{IpcType, Pool as CorePool, PoolSettings};
use swoole_core::pool_master::{self, Master, WorkerRunner};
use swoole_core::pool_worker::{self, MessageHandler};
use swoole_core::timer::Due;

/// What this process is to the running pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The process that called `start()`.
    Master,
    /// Worker `id`.
    Worker(usize),
}

thread_local! {
    /// This process's role while a pool runs here.
    static ROLE: Cell<Option<Role>> = const { Cell::new(None) };
    /// This worker called `detach()`.
    static DETACHED: Cell<bool> = const { Cell::new(false) };
    /// The master's pid (for `detach()`).
    static MASTER_PID: Cell<i32> = const { Cell::new(0) };
}

/// This process's role, while a pool runs in it.
pub fn role() -> Option<Role> {
    ROLE.with(Cell::get)
}

fn getpid() -> i32 {
    nix::unistd::getpid().as_raw()
}

/// `stop()`: a worker leaves its loop after the running callback; the
/// master shuts the pool down (as SIGTERM does).
pub fn stop() {
    match role() {
        Some(Role::Worker(_)) => pool_worker::request_stop(),
        // Signalling this process: SIGTERM is routed into its loop.
        Some(Role::Master) => {
            let _ = swoole_core::process::send_signal(getpid(), libc::SIGTERM);
        }
        None => {}
    }
}

/// `detach()`: tells the master (shared slot + SIGIO) to replace this
/// worker now; this process takes no more messages.
pub fn detach(pool: &CorePool) -> bool {
    let Some(Role::Worker(id)) = role() else { return false };
    if DETACHED.with(|d| d.replace(true)) {
        return false;
    }
    let Some(slot) = pool.slot(id) else { return false };
    slot.detached.store(getpid(), Ordering::Release);
    let _ = swoole_core::process::send_signal(MASTER_PID.with(Cell::get), libc::SIGIO);
    pool_worker::request_stop();
    true
}

fn long(v: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(v);
    z
}

fn object_zval(obj: *mut zend_object) -> Zval {
    let mut z = Zval::new();
    // SAFETY: obj is the live Pool object `start()` runs for.
    z.set_object(unsafe { &mut *(obj as *mut ZendObject) });
    z
}

/// The exit status of a worker whose callback failed; prints an uncaught
/// exception as PHP does ("PHP Fatal error:  Uncaught ...").
fn exit_code(outcome: CallOutcome) -> Option<i32> {
    match outcome {
        CallOutcome::Returned => None,
        CallOutcome::Exception => {
            zend::report_pending_exception();
            Some(255)
        }
        CallOutcome::Exit(code) => {
            zend::clear_pending_exception();
            Some(code)
        }
        CallOutcome::Bailout => Some(255),
    }
}

/// `$this`, the callbacks and the pool, for the length of `start()`.
struct Host<'p> {
    obj: *mut zend_object,
    cbs: Callbacks,
    pool: &'p CorePool,
    settings: PoolSettings,
    /// A SIGTERM/SIGINT that came during onStart, sent again at the first fork.
    resend: Option<i32>,
}

impl Host<'_> {
    /// Calls `cb` with `$this` and `rest` (no allocation: onMessage is hot).
    fn call(&self, cb: Option<&Callback>, rest: Option<Zval>) -> CallOutcome {
        let Some(cb) = cb else { return CallOutcome::Returned };
        match rest {
            Some(arg) => cb.call(&mut [object_zval(self.obj), arg]),
            None => cb.call(&mut [object_zval(self.obj)]),
        }
    }

    fn set_running(&self, running: bool) {
        props::set(self.obj, "running", running);
        props::set(self.obj, "workerRunning", running);
    }

    /// Worker `id` in this (forked) process: onWorkerStart, the loop, onWorkerStop.
    fn worker(&mut self, id: usize) -> i32 {
        ROLE.with(|r| r.set(Some(Role::Worker(id))));
        self.set_running(true);
        props::set(self.obj, "workerPid", getpid() as i64);
        props::set(self.obj, "workerId", id as i64);
        if let Some(code) = exit_code(self.call(self.cbs.worker_start.as_ref(), Some(long(id as i64)))) {
            return code;
        }
        let mut h = PhpWorker { host: self, id, failure: None };
        let messages = h.host.cbs.message.is_some();
        let end = pool_worker::run(h.host.pool, id, h.host.settings, messages, &mut h);
        if end == swoole_core::event_loop::LoopEnd::Aborted {
            return h.failure.unwrap_or(255);
        }
        self.set_running(false);
        exit_code(self.call(self.cbs.worker_stop.as_ref(), Some(long(id as i64)))).unwrap_or(0)
    }
}

impl WorkerRunner for Host<'_> {
    fn before_fork(&mut self) {
        zend::flush_output();
        // The master's handlers are in place now (supervise() set them).
        if let Some(signo) = self.resend.take() {
            let _ = swoole_core::process::send_signal(getpid(), signo);
        }
    }

    fn run_worker(&mut self, id: usize) -> i32 {
        // The master's PHP timers, events and signal callbacks are not the worker's.
        loop_php::reset_after_fork();
        swoole_core::log::set_process(swoole_core::log::ProcessKind::Worker, id as i32);
        self.worker(id)
    }

    fn exit_child(&mut self, code: i32) -> ! {
        zend::exit_child(code)
    }

    fn on_shutdown(&mut self) {
        self.set_running(false);
        if exit_code(self.call(self.cbs.shutdown.as_ref(), None)).is_some() {
            swoole_core::log::warning("onShutdown failed; the workers are stopped anyway");
        }
    }
}

/// PHP's timers, `Swoole\\Event` fds, deferred and cycle callbacks, each
/// outcome judged by the handler's own `flow()`.
macro_rules! php_loop_callbacks {
    () => {
        fn on_user_fd(&mut self, fd: RawFd, readable: bool, writable: bool) -> Flow {
            let o = loop_php::fire_fd(fd, readable, writable);
            self.flow(o)
        }
        fn on_timer(&mut self, due: Due) -> Flow {
            let o = loop_php::fire_timer(due);
            self.flow(o)
        }
        fn on_defer(&mut self) -> Flow {
            let o = loop_php::fire_defers();
            self.flow(o)
        }
        fn on_cycle(&mut self) -> Flow {
            let o = loop_php::fire_cycle();
            self.flow(o)
        }
    };
}

/// A worker's loop callbacks: PHP's timers, events, signals, onMessage.
struct PhpWorker<'h, 'p> {
    host: &'h Host<'p>,
    id: usize,
    /// The exit status after a failed callback.
    failure: Option<i32>,
}

impl PhpWorker<'_, '_> {
    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        match exit_code(outcome) {
            None => Flow::Continue,
            Some(code) => {
                self.failure = Some(code);
                Flow::Abort
            }
        }
    }
}

impl LoopHandler for PhpWorker<'_, '_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        // SIGTERM/SIGINT stop the worker, unless the script handles them.
        if matches!(signo, libc::SIGTERM | libc::SIGINT) && !loop_php::has_signal(signo) {
            pool_worker::request_stop();
            return Flow::Continue;
        }
        let o = loop_php::fire_signal(signo);
        self.flow(o)
    }
    php_loop_callbacks!();
}

impl MessageHandler for PhpWorker<'_, '_> {
    fn on_message(&mut self, data: &[u8]) -> Flow {
        let o = self.host.call(self.host.cbs.message.as_ref(), Some(zend::bytes_zval(data)));
        self.flow(o)
    }
    fn on_stopping(&mut self) -> (Flow, bool) {
        let Some(cb) = self.host.cbs.worker_exit.as_ref() else { return (Flow::Continue, false) };
        let o = self.host.call(Some(cb), Some(long(self.id as i64)));
        (self.flow(o), true)
    }
}

/// The master's own timers and events (set in `onStart`): a failure (an
/// uncaught exception) is reported and shuts the pool down.
struct MasterCallbacks {
    /// `exit()` was called in a master callback: re-raised after the pool stopped.
    exit: Option<i32>,
}

impl MasterCallbacks {
    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        match outcome {
            CallOutcome::Returned => Flow::Continue,
            CallOutcome::Exit(code) => {
                zend::clear_pending_exception();
                self.exit = Some(code);
                Flow::Abort
            }
            other => {
                exit_code(other);
                Flow::Abort
            }
        }
    }
}

impl LoopHandler for MasterCallbacks {
    fn on_signal(&mut self, signo: i32) -> Flow {
        let o = loop_php::fire_signal(signo);
        self.flow(o)
    }
    php_loop_callbacks!();
}

unsafe extern "C" {
    fn zend_throw_unwind_exit();
}

/// `start()`: `Ok(true)` once the pool ran and stopped, `Ok(false)` when it
/// could not start (Swoole's warning printed).
pub fn start(pool: &ZendClassObject<Pool>, obj: *mut zend_object) -> ext_php_rs::exception::PhpResult<bool> {
    let ipc = pool.core().ipc();
    {
        let cbs = pool.callbacks();
        if cbs.worker_start.is_none() && cbs.message.is_none() {
            let missing = if pool.enable_coroutine() {
                Some("require 'onWorkerStart' callback")
            } else if ipc != IpcType::None {
                Some("require 'onMessage' callback")
            } else {
                None
            };
            if let Some(msg) = missing {
                drop(cbs);
                // E_ERROR ends the script, as in Swoole; nothing of ours is live here.
                zend::error_docref(zend::E_ERROR, msg);
                return Ok(false);
            }
        }
        if cbs.worker_exit.is_some() && !pool.enable_coroutine() {
            return Err(crate::exception::swoole_exception("cannot set `onWorkerExit` without enable_coroutine", 505));
        }
    }
    if ipc == IpcType::Socket && pool.core().listener_fd().is_none() {
        swoole_core::log::warning("ProcessPool::start_check() (ERRNO 509): must first listen to an tcp port");
        crate::process_state::set_last_error(swoole_core::ErrorCode::WRONG_OPERATION.0);
        return Ok(false);
    }
    let core = pool.core();
    let mut host = Host { obj, cbs: pool.callbacks(), pool: &core, settings: pool.settings(), resend: None };
    pool.set_started(true);
    ROLE.with(|r| r.set(Some(Role::Master)));
    MASTER_PID.with(|p| p.set(getpid()));
    // Swoole's log prefix for a pool's master (`#`), as for a server's.
    swoole_core::log::set_process(swoole_core::log::ProcessKind::Master, 0);
    props::set(obj, "master_pid", getpid() as i64);
    props::set(obj, "running", true);
    // A SIGTERM or SIGINT during onStart (its own shutdown() or stop(), say)
    // is noted, and sent again once the master's handlers are in place (at
    // its first fork): the pool then shuts down as in Swoole, instead of the
    // master dying of the default action.
    let held = swoole_core::signals::hold_terminate();
    let started = host.call(host.cbs.start.as_ref(), None);
    host.resend = held.release();
    let mut master_cbs = MasterCallbacks { exit: None };
    if started == CallOutcome::Returned {
        let mut master = Master::new(&core, host.settings.max_wait);
        pool_master::supervise(&mut master, &mut host, &mut master_cbs);
    }
    ROLE.with(|r| r.set(None));
    pool.set_started(false);
    // The master's timers were the pool's: they do not outlive it (Swoole
    // never runs them again either).
    swoole_core::event_loop::timer_clear_all();
    loop_php::remove_all_timers();
    // Nor does its loop: as Swoole frees its reactor, so the script's end
    // runs no loop (and gives no end-of-request notice).
    drop(swoole_core::event_loop::uninstall());
    drop(host);
    drop(core);
    match started {
        // onStart failed: its exception or exit() goes on in the script.
        CallOutcome::Exception | CallOutcome::Exit(_) => return Ok(false),
        // SAFETY: continuing the engine's bailout after our frames are done.
        CallOutcome::Bailout => unsafe { ext_php_rs::zend::bailout() },
        CallOutcome::Returned => {}
    }
    if let Some(code) = master_cbs.exit {
        // SAFETY: exit() from a master callback, re-raised in the script.
        unsafe {
            ext_php_rs::ffi::executor_globals.exit_status = code;
            zend_throw_unwind_exit();
        }
    }
    Ok(true)
}

/// `getProcess($id)`: the `Swoole\Process` of worker `id`, made once and
/// kept in `$pool->workers` (its pid follows the worker's replacements).
pub fn process_view(pool: &Pool, obj: *mut zend_object, id: usize, role: Role) -> Zval {
    let core = pool.core();
    let pid = core.worker_pid(id);
    let old = props::get(obj, "workers").and_then(Zval::array);
    if let Some(existing) = old.and_then(|a| a.get_index(id as i64)) {
        Process::pool_view_repoint(existing, pid);
        return existing.shallow_clone();
    }
    let own = role == Role::Worker(id);
    let fd = match core.ipc() {
        IpcType::UnixSock if own => core.worker_fd(id),
        IpcType::UnixSock => core.master_fd(id),
        _ => None,
    };
    // Without onMessage, a queue pool's workers pop() the queue themselves.
    let queue = core.queue().filter(|_| pool.callbacks().message.is_none());
    let view = Process::pool_view(id as i64, pid, fd, own, queue);
    let mut workers = ZendHashTable::new();
    for (k, v) in old.into_iter().flat_map(|a| a.iter()) {
        let _ = match k {
            ArrayKey::Long(i) => workers.insert_at_index(i, v.shallow_clone()),
            other => workers.insert(other.to_string().as_str(), v.shallow_clone()),
        };
    }
    let _ = workers.insert_at_index(id as i64, view.shallow_clone());
    props::set(obj, "workers", workers);
    view
}

/// `Swoole\Process\Pool`'s methods as Swoole 6.2.1 declares them, in its
/// order (`getProcess()`'s `Swoole\Process|false` is more than ext-php-rs
/// can declare).
const POOL_API: &[&str] = &[
    "__construct(int $worker_num, int $ipc_type = SWOOLE_IPC_NONE, int $msgqueue_key = 0, bool $enable_coroutine = false)",
    "__destruct()",
    "set(array $settings): void",
    "on(string $name, callable $callback): bool",
    "getProcess(int $work_id = -1): Swoole\\Process|false",
    "listen(string $host, int $port = 0, int $backlog = 2048): bool",
    "write(string $data): bool",
    "sendMessage(string $data, int $dst_worker_id): bool",
    "detach(): bool",
    "start(): ?false",
    "stop(): void",
    "shutdown(): bool",
];

/// Gives `Swoole\Process\Pool` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Pool::get_metadata().ce(), POOL_API);
}
