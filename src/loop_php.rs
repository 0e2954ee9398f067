//! The PHP side of the process's event loop: the callbacks behind timers,
//! `Swoole\Event` fds, deferred and cycle callbacks and `Process::signal`,
//! and the [`LoopHandler`] that runs them.
//!
//! The core's [`event_loop`] knows ids and fds; the Zvals live here, in a
//! thread-local that is emptied at request shutdown and in every forked
//! child (rule 4 of docs/ARCHITECTURE.md: no Zval outlives the request).

use crate::zend::{self, CallOutcome, Callback};
use ext_php_rs::types::Zval;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::os::fd::RawFd;
use swoole_core::event_loop::{self, CycleSlot, Flow, LoopEnd, LoopHandler, Plan};
use swoole_core::timer::{Due, TimerId};

/// A timer's PHP callback and the extra arguments given to tick/after.
struct TimerCallback {
    callback: Callback,
    params: Vec<Zval>,
}

/// The callbacks of one `Swoole\Event::add` registration.
pub struct FdCallbacks {
    pub read: Option<Callback>,
    pub write: Option<Callback>,
    /// The value given to add(), handed back to the callbacks.
    pub original: Zval,
}

/// Every PHP callback the loop may run in this process.
#[derive(Default)]
struct Registry {
    timers: HashMap<i64, TimerCallback>,
    fds: HashMap<RawFd, FdCallbacks>,
    defers: VecDeque<Callback>,
    /// `Event::cycle($cb)`: after each round's timers and deferred callbacks.
    cycle: Option<Callback>,
    /// `Event::cycle($cb, true)`: before each round's wait.
    cycle_before: Option<Callback>,
    signals: HashMap<i32, Callback>,
    /// `Swoole\Event::rshutdown` is registered as a shutdown function.
    shutdown_hook: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

fn with<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    REGISTRY.with(|r| f(&mut r.borrow_mut()))
}

/// Drops every callback (request shutdown, and in a forked child, whose
/// timers and fds are not the parent's).
pub fn clear_all() {
    let old = REGISTRY.with(|r| std::mem::take(&mut *r.borrow_mut()));
    drop(old);
}

/// Forgets the inherited loop and callbacks in a forked child.
pub fn reset_after_fork() {
    drop(event_loop::uninstall());
    clear_all();
    crate::task::clear_all();
}

/// In a plain script, the first timer or event arranges for the loop to run
/// when the script ends (Swoole does the same with `Swoole\Event::rshutdown`).
pub fn ensure_shutdown_hook() {
    if !crate::process_state::may_run_own_loop() || with(|r| r.shutdown_hook) {
        return;
    }
    with(|r| r.shutdown_hook = true);
    // By its function name, as Swoole: its end-of-request notice is
    // attributed to `swoole_event_rshutdown()`.
    let _ = crate::zend::call_function("register_shutdown_function", vec![&"swoole_event_rshutdown"]);
}

// ---- registration ----

pub fn add_timer(id: TimerId, callback: Callback, params: Vec<Zval>) {
    with(|r| r.timers.insert(id.0, TimerCallback { callback, params }));
}

pub fn remove_timer(id: TimerId) {
    let old = with(|r| r.timers.remove(&id.0));
    drop(old);
}

pub fn remove_all_timers() {
    let old = with(|r| std::mem::take(&mut r.timers));
    drop(old);
}

pub fn set_fd(fd: RawFd, cbs: FdCallbacks) {
    let old = with(|r| r.fds.insert(fd, cbs));
    drop(old);
}

/// Updates the callbacks of an added fd; `None` keeps the current one.
pub fn update_fd(fd: RawFd, read: Option<Callback>, write: Option<Callback>) -> bool {
    with(|r| match r.fds.get_mut(&fd) {
        Some(cbs) => {
            if read.is_some() {
                cbs.read = read;
            }
            if write.is_some() {
                cbs.write = write;
            }
            true
        }
        None => false,
    })
}

pub fn has_fd_callback(fd: RawFd, read: bool) -> bool {
    with(|r| r.fds.get(&fd).is_some_and(|c| if read { c.read.is_some() } else { c.write.is_some() }))
}

pub fn remove_fd(fd: RawFd) {
    let old = with(|r| r.fds.remove(&fd));
    drop(old);
}

/// Queues `cb` for the end of this loop round (`Swoole\Event::defer` and
/// `Server::defer`); in a plain script the loop then runs at shutdown.
pub fn defer(cb: Callback) {
    with(|r| r.defers.push_back(cb));
    event_loop::set_defer_pending(true);
    ensure_shutdown_hook();
}

/// Sets or removes the cycle callback of `slot` (each `Event::cycle` slot
/// is replaced on its own); false when removing one that is not set.
pub fn set_cycle(cb: Option<Callback>, slot: CycleSlot) -> bool {
    let set = cb.is_some();
    // The old callback is dropped outside `with`: its destructor may run PHP.
    let old = with(|r| match slot {
        CycleSlot::Before => std::mem::replace(&mut r.cycle_before, cb),
        CycleSlot::After => std::mem::replace(&mut r.cycle, cb),
    });
    event_loop::set_cycle_slot(slot, set);
    ensure_shutdown_hook();
    set || old.is_some()
}

/// Whether `Process::signal()` callbacks are set in this process (what
/// `wait_signal` keeps `Event::wait()` running for).
pub fn has_signals() -> bool {
    with(|r| !r.signals.is_empty())
}

pub fn set_signal(signo: i32, cb: Option<Callback>) -> bool {
    match cb {
        Some(cb) => {
            let old = with(|r| r.signals.insert(signo, cb));
            drop(old);
            true
        }
        None => {
            let old = with(|r| r.signals.remove(&signo));
            old.is_some()
        }
    }
}

/// Whether `Process::signal($signo, ...)` set a callback in this process.
pub fn has_signal(signo: i32) -> bool {
    with(|r| r.signals.contains_key(&signo))
}

// ---- dispatch ----

/// Runs due timer `due.id`.
pub fn fire_timer(due: Due) -> CallOutcome {
    let Some(entry) = with(|r| r.timers.remove(&due.id.0)) else { return CallOutcome::Returned };
    let mut args: Vec<Zval> = Vec::with_capacity(entry.params.len() + 1);
    if due.repeat {
        let mut id = Zval::new();
        id.set_long(due.id.0);
        args.push(id);
    }
    args.extend(entry.params.iter().map(Zval::shallow_clone));
    let outcome = entry.callback.call(&mut args);
    // A tick stays unless its callback cleared it.
    if due.repeat && event_loop::timer_exists(due.id) {
        with(|r| r.timers.insert(due.id.0, entry));
    }
    outcome
}

/// Runs the read and/or write callback of an added fd.
pub fn fire_fd(fd: RawFd, readable: bool, writable: bool) -> CallOutcome {
    for (ready, read) in [(readable, true), (writable, false)] {
        if !ready {
            continue;
        }
        let picked = with(|r| {
            r.fds.get(&fd).and_then(|c| {
                let cb = if read { c.read.as_ref() } else { c.write.as_ref() };
                cb.map(|cb| (cb.clone(), c.original.shallow_clone()))
            })
        });
        let Some((cb, original)) = picked else { continue };
        let outcome = cb.call(&mut [original]);
        if outcome != CallOutcome::Returned {
            return outcome;
        }
    }
    CallOutcome::Returned
}

/// Runs the deferred callbacks queued so far (those they queue run next round).
pub fn fire_defers() -> CallOutcome {
    let batch: Vec<Callback> = with(|r| r.defers.drain(..).collect());
    event_loop::set_defer_pending(false);
    let mut outcome = CallOutcome::Returned;
    for cb in batch {
        if outcome == CallOutcome::Returned {
            outcome = cb.call(&mut []);
        }
    }
    if with(|r| !r.defers.is_empty()) {
        event_loop::set_defer_pending(true);
    }
    outcome
}

/// Runs the cycle callback of the slot the loop is calling for.
pub fn fire_cycle() -> CallOutcome {
    let slot = event_loop::cycle_slot();
    let picked = with(|r| match slot {
        CycleSlot::Before => r.cycle_before.clone(),
        CycleSlot::After => r.cycle.clone(),
    });
    let Some(cb) = picked else { return CallOutcome::Returned };
    cb.call(&mut [])
}

pub fn fire_signal(signo: i32) -> CallOutcome {
    let Some(cb) = with(|r| r.signals.get(&signo).cloned()) else { return CallOutcome::Returned };
    let mut n = Zval::new();
    n.set_long(signo as i64);
    cb.call(&mut [n])
}

/// The loop handler of a plain script (`Event::wait()`, the end-of-script
/// loop, a `Swoole\Process` child): a failure leaves its exception or exit
/// pending and ends the loop, so PHP reports it as it would any other.
#[derive(Default)]
pub struct PlainLoop {
    pub failure: Option<CallOutcome>,
}

impl PlainLoop {
    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        if outcome == CallOutcome::Returned {
            return Flow::Continue;
        }
        self.failure = Some(outcome);
        Flow::Abort
    }

    /// Runs the loop until nothing is left; re-raises a fatal error's bailout.
    pub fn run() -> LoopEnd {
        let mut h = PlainLoop::default();
        let end = event_loop::run(&mut h);
        if h.failure == Some(CallOutcome::Bailout) {
            // SAFETY: continuing the engine's bailout after our frames are done.
            unsafe { ext_php_rs::zend::bailout() }
        }
        end
    }
}

impl LoopHandler for PlainLoop {
    fn on_signal(&mut self, signo: i32) -> Flow {
        let o = fire_signal(signo);
        self.flow(o)
    }
    fn on_user_fd(&mut self, fd: RawFd, readable: bool, writable: bool) -> Flow {
        let o = fire_fd(fd, readable, writable);
        self.flow(o)
    }
    fn on_timer(&mut self, due: Due) -> Flow {
        let o = fire_timer(due);
        self.flow(o)
    }
    fn on_defer(&mut self) -> Flow {
        let o = fire_defers();
        self.flow(o)
    }
    fn on_cycle(&mut self) -> Flow {
        let o = fire_cycle();
        self.flow(o)
    }
    /// `wait_signal` (`swoole_async_set`): signal callbacks keep the loop up.
    fn plan(&mut self) -> Plan {
        let keep_alive = has_signals() && swoole_core::global_options::get().wait_signal;
        Plan { done: false, timeout: None, keep_alive }
    }
}

/// Converts the `$fd` argument of `Swoole\Event` functions to a descriptor:
/// an int, a stream resource, an ext-sockets `Socket`, or a `Swoole\Process`
/// (its pipe).
pub fn fd_of(zv: &Zval) -> Option<RawFd> {
    if let Some(n) = zv.long() {
        return (n >= 0).then_some(n as RawFd);
    }
    if let Some(res) = zv.resource() {
        return stream_fd(res, false);
    }
    let obj = zv.object()?;
    let class = obj.get_class_name().ok()?;
    if class == "Socket" {
        return ext_socket_fd(obj);
    }
    if class == "Swoole\\Process" {
        return obj.get_property::<i64>("pipe").ok().map(|p| p as RawFd);
    }
    None
}

/// The descriptor of an ext-sockets `Socket` object (None for any other).
pub fn ext_socket_fd(obj: &ext_php_rs::types::ZendObject) -> Option<RawFd> {
    if obj.get_class_name().ok()? != "Socket" {
        return None;
    }
    // ext/sockets/php_sockets.h: php_socket { int bsd_socket; int type; int error;
    // int blocking; zval zstream; zend_object std; } — std is the last field.
    let std_offset = 4 * std::mem::size_of::<i32>() + std::mem::size_of::<Zval>();
    // SAFETY: a Socket object is embedded in php_socket at that offset (PHP 8.x).
    let fd = unsafe { *((obj as *const _ as *const u8).sub(std_offset) as *const i32) };
    (fd >= 0).then_some(fd)
}

unsafe extern "C" {
    fn php_file_le_stream() -> i32;
    fn php_file_le_pstream() -> i32;
    fn zend_fetch_resource2(
        res: *mut ext_php_rs::ffi::zend_resource,
        name: *const std::ffi::c_char,
        t1: i32,
        t2: i32,
    ) -> *mut std::ffi::c_void;
    fn _php_stream_cast(stream: *mut std::ffi::c_void, castas: i32, ret: *mut *mut std::ffi::c_void, show_err: i32)
        -> i32;
}

/// `PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL` (main/php_streams.h).
const STREAM_AS_FD_FOR_SELECT: i32 = 3 | 0x2000_0000;

/// The descriptor behind a stream resource; with `show_err`, PHP's own
/// warning when the stream has none ("Cannot represent a stream of type ...").
// The pointer is the engine's own live object/entry, as every caller passes it
// (rule 3: raw Zend handles stay in this layer).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn stream_fd(res: *mut ext_php_rs::ffi::zend_resource, show_err: bool) -> Option<RawFd> {
    // SAFETY: zend_fetch_resource2 checks the resource type (stream or
    // persistent stream) and returns null otherwise; the cast writes an int.
    unsafe {
        let stream = zend_fetch_resource2(res, std::ptr::null(), php_file_le_stream(), php_file_le_pstream());
        if stream.is_null() {
            zend::clear_pending_exception();
            return None;
        }
        let mut fd: i32 = -1;
        let ok = _php_stream_cast(stream, STREAM_AS_FD_FOR_SELECT, (&mut fd as *mut i32).cast(), i32::from(show_err));
        (ok == 0 && fd >= 0).then_some(fd)
    }
}
