//! `package_length_func` on server ports: the PHP callables of the ports
//! that have one, and the answer of a call as the core's framing takes it.
//!
//! Where they run: in BASE mode in the worker holding the connection (its
//! reactor runs in the PHP thread: [`Installed`] makes [`call`] the
//! thread's length function before the workers fork); in PROCESS mode in the
//! master's main thread, which the reactor threads ask
//! (`swoole_core::master_ask`), as in Swoole. The callables are Zvals: they
//! live only while `start()` runs.

use crate::props;
use crate::zend::{CallOutcome, Callback};
use ext_php_rs::types::{ZendObject, Zval};
use std::cell::RefCell;
use std::collections::HashMap;
use swoole_core::client::Length;
use swoole_core::framing::Framing;
use swoole_core::settings::ServerSettings;

/// The setting's key, in a server's or a port's `set()`.
pub const KEY: &str = "package_length_func";

/// `set()`'s check, as Swoole's: a value that is not callable is reported
/// (it stays in `$setting` and frames nothing); null is taken silently. The
/// server's `set()` hands it to port 0, so its warning names `Port::set()`.
pub fn check(value: &Zval) {
    if !value.is_null() {
        crate::zend::resolve_or_warn(value, Some(PORT_SET));
    }
}

/// The method whose name Swoole's warning carries.
const PORT_SET: &str = "Swoole\\Server\\Port::set";

thread_local! {
    /// The callable of each port (by index) that has one.
    static FUNCS: RefCell<HashMap<usize, Callback>> = RefCell::new(HashMap::new());
}

/// The framing of port `index`: `Framing::Func` when `open_length_check` is
/// on and its `setting` (the port's own, else the server's) has a callable
/// `package_length_func`, which is kept for [`call`]. None otherwise.
pub fn framing_for(index: usize, port: *mut ZendObject, server: *mut ZendObject, s: &ServerSettings) -> Option<Framing> {
    if !s.open_length_check {
        return None;
    }
    let find = |obj: *mut ZendObject| {
        if obj.is_null() {
            return None;
        }
        props::get(obj, "setting")?.array()?.get(KEY).map(Zval::shallow_clone)
    };
    let value = find(port).or_else(|| find(server))?;
    let cb = Callback::resolve(&value).ok()?;
    FUNCS.with(|f| f.borrow_mut().insert(index, cb));
    Some(Framing::Func { port: index, max: s.package_max_length })
}

/// While alive, [`call`] answers this thread's `Framing::Func` ports; the
/// callables are dropped with it (at the end of `start()`).
pub struct Installed;

impl Installed {
    pub fn new() -> Installed {
        swoole_core::framing::set_length_fn(Some(Box::new(call)));
        Installed
    }
}

impl Default for Installed {
    fn default() -> Self {
        Installed::new()
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        swoole_core::framing::set_length_fn(None);
        let old = FUNCS.with(|f| std::mem::take(&mut *f.borrow_mut()));
        drop(old);
    }
}

/// Calls port `port`'s function on the buffered bytes: 0 is "need more", a
/// negative answer refuses the input (the connection is closed). An uncaught
/// exception is reported as PHP's fatal error and refuses the input too, so
/// the network cannot end the process that holds the connections.
pub fn call(port: usize, data: &[u8]) -> Length {
    let Some(cb) = FUNCS.with(|f| f.borrow().get(&port).cloned()) else { return Length::Failed };
    let (outcome, answer) = cb.call_returning(&mut [crate::zend::bytes_zval(data)]);
    match outcome {
        CallOutcome::Returned => match crate::client::zval_long(&answer) {
            0 => Length::NeedMore,
            n if n < 0 => Length::Invalid,
            n => Length::Packet(n as usize),
        },
        CallOutcome::Exception => {
            crate::zend::report_pending_exception();
            Length::Failed
        }
        CallOutcome::Exit(_) | CallOutcome::Bailout => {
            crate::zend::clear_pending_exception();
            Length::Failed
        }
    }
}
