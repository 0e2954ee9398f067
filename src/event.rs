//! `Swoole\Event` and its `swoole_event_*` aliases: PHP streams, sockets and
//! fds on the process's event loop, plus defer/cycle/wait/dispatch/exit.

use crate::declare;
use crate::args::{BoolArg, CallableArg, IntArg, Opt, StrArg};
use crate::loop_php::{self, FdCallbacks, PlainLoop};
use crate::zend::{self, Callback};
use ext_php_rs::builders::ModuleBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use std::os::fd::RawFd;
use swoole_core::event_loop::{self, Interest2};

/// `SWOOLE_EVENT_READ` and `SWOOLE_EVENT_WRITE`.
pub const EVENT_READ: i64 = 512;
pub const EVENT_WRITE: i64 = 1024;

fn interest_of(events: i64) -> Interest2 {
    Interest2 { read: events & EVENT_READ != 0, write: events & EVENT_WRITE != 0 }
}

/// The descriptor of `zv`, or Swoole's warning for what the calling function
/// was given (`unknown fd type`, `unknown type`, ...; last error 503). A
/// resource that is no stream (closed, a stream context) is refused as
/// Swoole refuses it: PHP's `TypeError` "supplied resource is not a valid
/// stream resource", last error 503.
fn fd_or_warn(zv: &Zval, not_fd: &str) -> PhpResult<Option<RawFd>> {
    require_stream(zv)?;
    let fd = loop_php::fd_of(zv);
    if fd.is_none() {
        zend::fatal_warning(not_fd);
    }
    Ok(fd)
}

unsafe extern "C" {
    fn zend_fetch_resource2(
        res: *mut ext_php_rs::ffi::zend_resource,
        name: *const std::ffi::c_char,
        type1: std::ffi::c_int,
        type2: std::ffi::c_int,
    ) -> *mut std::ffi::c_void;
    fn php_file_le_stream() -> std::ffi::c_int;
    fn php_file_le_pstream() -> std::ffi::c_int;
}

/// `Err` (PHP's TypeError pending, last error 503) when `zv` is a resource
/// that is no stream; `Ok` for anything else.
pub(crate) fn require_stream(zv: &Zval) -> Result<(), zend::ArgError> {
    let Some(res) = zv.resource() else { return Ok(()) };
    // SAFETY: a live resource of the engine; zend_fetch_resource2 checks its
    // type and, given a name, throws PHP's TypeError naming the running function.
    let stream = unsafe { zend_fetch_resource2(res, c"stream".as_ptr(), php_file_le_stream(), php_file_le_pstream()) };
    if stream.is_null() {
        crate::process_state::set_last_error(swoole_core::ErrorCode::PHP_FATAL_ERROR.0);
        return Err(zend::ArgError);
    }
    Ok(())
}

/// Swoole's refusal of set()/del() before this process has a loop.
fn reactor_or_warn(function: &str) -> bool {
    if event_loop::is_installed() {
        return true;
    }
    zend::fatal_warning(&format!("reactor is not ready, cannot call {function}"));
    false
}

/// A `?callable` fd callback of add()/set(): a value that is neither null nor
/// callable is Swoole's `Swoole\Exception` (505) "readable_callback must be
/// of type callable, string given", last error 503 (no TypeError).
fn fd_callback(arg: Opt<CallableArg>, which: &str) -> PhpResult<Option<Callback>> {
    let Some(zv) = arg.0.map(|a| a.0).filter(|z| !z.is_null()) else { return Ok(None) };
    match Callback::resolve(zv) {
        Ok(cb) => Ok(Some(cb)),
        Err(_) => {
            crate::process_state::set_last_error(swoole_core::ErrorCode::PHP_FATAL_ERROR.0);
            let msg = format!("{which}_callback must be of type callable, {} given", zend::type_name(zv));
            Err(crate::exception::swoole_exception(&msg, swoole_core::ErrorCode::INVALID_PARAMS.0 as i64))
        }
    }
}

fn add(fd_zv: &Zval, read: Opt<CallableArg>, write: Opt<CallableArg>, events: Opt<IntArg>) -> PhpResult<Zval> {
    let read = fd_callback(read, "readable")?;
    let write = fd_callback(write, "writable")?;
    let events = events.or(4, EVENT_READ)?;
    let Some(fd) = fd_or_warn(fd_zv, "unknown fd type")? else { return Ok(false.into_zval(false)?) };
    let interest = interest_of(events);
    let fail = |msg: String| -> PhpResult<Zval> {
        zend::fatal_warning(&msg);
        Ok(false.into_zval(false)?)
    };
    if event_loop::user_interest(fd).is_some() {
        return fail("already exist".into());
    }
    if !interest.read && !interest.write {
        return fail("invalid events".into());
    }
    if interest.read && read.is_none() {
        return fail(format!("Swoole\\Event: unable to find readable callback of fd [{fd}]"));
    }
    if interest.write && write.is_none() {
        return fail(format!("Swoole\\Event: unable to find writable callback of fd [{fd}]"));
    }
    let _ = swoole_core::fd::borrowed(fd, |fd| swoole_core::process::set_blocking(&fd, false));
    if let Err(e) = event_loop::user_add(fd, interest) {
        return fail(format!("swoole_event_add failed: {e}"));
    }
    loop_php::set_fd(fd, FdCallbacks { read, write, original: fd_zv.shallow_clone() });
    loop_php::ensure_shutdown_hook();
    Ok((fd as i64).into_zval(false)?)
}

fn set(fd_zv: &Zval, read: Opt<CallableArg>, write: Opt<CallableArg>, events: Opt<IntArg>) -> PhpResult<bool> {
    let read = fd_callback(read, "readable")?;
    let write = fd_callback(write, "writable")?;
    let events = events.or(4, 0)?;
    if !reactor_or_warn("swoole_event_set") {
        return Ok(false);
    }
    let Some(fd) = fd_or_warn(fd_zv, "invalid file descriptor passed")? else { return Ok(false) };
    let Some(current) = event_loop::user_interest(fd) else {
        zend::fatal_warning(&format!("socket[{fd}] is not found in the reactor"));
        return Ok(false);
    };
    loop_php::update_fd(fd, read, write);
    // 0 keeps what the fd waits for; otherwise the mask replaces it.
    let interest = if events == 0 { current } else { interest_of(events) };
    if interest.read && !loop_php::has_fd_callback(fd, true) {
        zend::fatal_warning(&format!("Swoole\\Event: unable to find readable callback of fd [{fd}]"));
        return Ok(false);
    }
    if interest.write && !loop_php::has_fd_callback(fd, false) {
        zend::fatal_warning(&format!("Swoole\\Event: unable to find writable callback of fd [{fd}]"));
        return Ok(false);
    }
    Ok(event_loop::user_set(fd, interest).is_ok())
}

fn del(fd_zv: &Zval) -> PhpResult<bool> {
    if !reactor_or_warn("swoole_event_del") {
        return Ok(false);
    }
    let Some(fd) = fd_or_warn(fd_zv, "unknown type")? else { return Ok(false) };
    let removed = event_loop::user_del(fd);
    if removed {
        loop_php::remove_fd(fd);
    }
    Ok(removed)
}

fn isset(fd_zv: &Zval, events: Opt<IntArg>) -> PhpResult<bool> {
    let events = events.or(2, EVENT_READ | EVENT_WRITE)?;
    // Before this process has a loop: false, silently, as Swoole.
    if !event_loop::is_installed() {
        return Ok(false);
    }
    let Some(fd) = fd_or_warn(fd_zv, "unknown type")? else { return Ok(false) };
    let want = interest_of(events);
    Ok(event_loop::user_interest(fd).is_some_and(|i| (i.read && want.read) || (i.write && want.write)))
}

fn write(fd_zv: &Zval, data: StrArg) -> PhpResult<bool> {
    let data = data.bytes(2)?;
    let Some(fd) = fd_or_warn(fd_zv, "unknown type")? else { return Ok(false) };
    if data.is_empty() {
        zend::fatal_warning("data empty");
        return Ok(false);
    }
    if event_loop::user_interest(fd).is_none() {
        zend::fatal_warning(&format!("socket[{fd}] is not found in the reactor"));
        return Ok(false);
    }
    Ok(event_loop::user_write(fd, &data).is_ok())
}

/// A value that is not callable gets Swoole's warning and false (no TypeError).
fn defer(cb: CallableArg) -> PhpResult<bool> {
    let Some(cb) = zend::resolve_or_warn(cb.0, None) else { return Ok(false) };
    loop_php::defer(cb);
    Ok(true)
}

/// A value that is not callable (nor null) gets Swoole's warning and false.
fn cycle(cb: Opt<CallableArg>, before: Opt<BoolArg>) -> PhpResult<bool> {
    let cb = match cb.0.map(|a| a.0).filter(|z| !z.is_null()) {
        Some(zv) => match zend::resolve_or_warn(zv, None) {
            Some(cb) => Some(cb),
            None => return Ok(false),
        },
        None => None,
    };
    let slot = if before.or(2, false)? { event_loop::CycleSlot::Before } else { event_loop::CycleSlot::After };
    Ok(loop_php::set_cycle(cb, slot))
}

/// `wait()`: runs the loop until nothing is left (not inside a server, whose
/// loop is already running).
fn wait() {
    if !crate::process_state::may_run_own_loop() || !event_loop::is_installed() {
        return;
    }
    PlainLoop::run();
    if !event_loop::has_work() {
        drop(event_loop::uninstall());
    }
}

/// The end-of-request loop: a loop still there when the script ends (a
/// timer pending, or an fd, signal or cycle callback that was added) runs
/// now, after Swoole's deprecation notice, as Swoole does.
fn rshutdown() {
    if !crate::process_state::may_run_own_loop() || !event_loop::is_installed() {
        return;
    }
    crate::zend::error_docref(crate::zend::E_DEPRECATED, "Event::wait() in shutdown function is deprecated");
    wait()
}

fn dispatch() -> bool {
    if !event_loop::is_installed() {
        return false;
    }
    let mut h = PlainLoop::default();
    let _ = event_loop::run_once(&mut h, None);
    true
}

/// `exit()`: clears the timers and ends the running loop after this round.
fn exit() {
    crate::timer::clear_all();
    event_loop::request_exit();
}

#[php_class]
#[php(name = "Swoole\\Event")]
#[derive(Default)]
pub struct Event;

#[php_impl]
impl Event {
    pub fn add(fd: &Zval, read_callback: Opt<CallableArg>, write_callback: Opt<CallableArg>, events: Opt<IntArg>)
        -> PhpResult<Zval> {
        add(fd, read_callback, write_callback, events)
    }

    pub fn set(fd: &Zval, read_callback: Opt<CallableArg>, write_callback: Opt<CallableArg>, events: Opt<IntArg>)
        -> PhpResult<bool> {
        set(fd, read_callback, write_callback, events)
    }

    pub fn del(fd: &Zval) -> PhpResult<bool> {
        del(fd)
    }

    pub fn isset(fd: &Zval, events: Opt<IntArg>) -> PhpResult<bool> {
        isset(fd, events)
    }

    pub fn write(fd: &Zval, data: StrArg) -> PhpResult<bool> {
        write(fd, data)
    }

    pub fn defer(callback: CallableArg) -> PhpResult<bool> {
        defer(callback)
    }

    /// `$callback` must be given (null removes the callback), as in Swoole.
    pub fn cycle(callback: &Zval, before: Opt<BoolArg>) -> PhpResult<bool> {
        cycle(Opt(Some(CallableArg(callback))), before)
    }

    pub fn wait() {
        wait()
    }

    pub fn dispatch() -> bool {
        dispatch()
    }

    pub fn exit() {
        exit()
    }

    /// Runs the loop at the end of a plain script (registered as a shutdown
    /// function by the first timer or event).
    pub fn rshutdown() {
        rshutdown()
    }
}

#[php_function]
pub fn swoole_event_add(fd: &Zval, read_callback: Opt<CallableArg>, write_callback: Opt<CallableArg>, events: Opt<IntArg>)
    -> PhpResult<Zval> {
    add(fd, read_callback, write_callback, events)
}

#[php_function]
pub fn swoole_event_set(fd: &Zval, read_callback: Opt<CallableArg>, write_callback: Opt<CallableArg>, events: Opt<IntArg>)
    -> PhpResult<bool> {
    set(fd, read_callback, write_callback, events)
}

#[php_function]
pub fn swoole_event_del(fd: &Zval) -> PhpResult<bool> {
    del(fd)
}

#[php_function]
pub fn swoole_event_isset(fd: &Zval, events: Opt<IntArg>) -> PhpResult<bool> {
    isset(fd, events)
}

#[php_function]
pub fn swoole_event_write(fd: &Zval, data: StrArg) -> PhpResult<bool> {
    write(fd, data)
}

#[php_function]
pub fn swoole_event_defer(callback: CallableArg) -> PhpResult<bool> {
    defer(callback)
}

/// As `Event::cycle()`: `$callback` must be given (null removes the callback).
#[php_function]
pub fn swoole_event_cycle(callback: &Zval, before: Opt<BoolArg>) -> PhpResult<bool> {
    cycle(Opt(Some(CallableArg(callback))), before)
}

#[php_function]
pub fn swoole_event_wait() {
    wait()
}

#[php_function]
pub fn swoole_event_dispatch() -> bool {
    dispatch()
}

#[php_function]
pub fn swoole_event_exit() {
    exit()
}

#[php_function]
pub fn swoole_event_rshutdown() {
    rshutdown()
}

/// Adds `Swoole\Event` (the `swoole_event_*` functions are declared in
/// [`crate::signatures`]).
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<Event>()
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!(
            "swoole_event_add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, \
            int $events = SWOOLE_EVENT_READ): int|false",
            swoole_event_add
        ),
        declare!("swoole_event_del(mixed $fd): bool", swoole_event_del),
        declare!(
            "swoole_event_set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, \
            int $events = 0): bool",
            swoole_event_set
        ),
        declare!("swoole_event_wait(): void", swoole_event_wait),
        declare!(
            "swoole_event_isset(mixed $fd, int $events = SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE): bool",
            swoole_event_isset
        ),
        declare!("swoole_event_dispatch(): bool", swoole_event_dispatch),
        declare!("swoole_event_defer(callable $callback): bool", swoole_event_defer),
        declare!("swoole_event_cycle(?callable $callback, bool $before = false): bool", swoole_event_cycle),
        declare!("swoole_event_write(mixed $fd, string $data): bool", swoole_event_write),
        declare!("swoole_event_exit(): void", swoole_event_exit),
        declare!("swoole_event_rshutdown(): void", swoole_event_rshutdown),
    ]
}

/// `Swoole\Event`'s methods as Swoole 6.2.1 declares them. The class has
/// no constructor, and `new` refuses it, as Swoole's.
const EVENT_API: &[&str] = &[
    "static add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = SWOOLE_EVENT_READ): int|false",
    "static del(mixed $fd): bool",
    "static set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool",
    "static isset(mixed $fd, int $events = 1536): bool",
    "static dispatch(): bool",
    "static defer(callable $callback): bool",
    "static cycle(?callable $callback, bool $before = false): bool",
    "static write(mixed $fd, string $data): bool",
    "static wait(): void",
    "static rshutdown(): void",
    "static exit(): void",
];

/// Gives `Swoole\Event` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::static_only(Event::get_metadata().ce(), EVENT_API);
}
