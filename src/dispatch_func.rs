//! `dispatch_func`: the PHP callable that names the worker of each event of
//! a SWOOLE_PROCESS server, `function (Swoole\Server $server, int $fd, int
//! $type, ?string $data = null): int`. The reactor threads never call PHP
//! (rule 1): they ask the master's main thread (`swoole_core::master_ask`),
//! which calls it here, so it runs in the master with `worker_id` -1, as in
//! Swoole. BASE mode dispatches nothing and never calls it, as Swoole.
//! How an answer is read is the core's (`swoole_core::dispatch::FuncChoice`).

use crate::host::long;
use crate::zend::{warning, CallOutcome, Callback};
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::Zval;
use swoole_core::dispatch::{FuncChoice, FuncComplaint};
use swoole_core::session::SessionId;

/// The setting's key.
pub const KEY: &str = "dispatch_func";

/// `$data` is the fourth parameter: Swoole passes it only to a callable
/// that takes more than three.
const DATA_PARAM: u32 = 3;

/// The server's resolved `dispatch_func`, held by the master's loop while
/// the server runs (the Zvals live no longer than `start()`).
pub struct DispatchFunc {
    /// The callable.
    cb: Callback,
    /// The server, passed as `$server`.
    server: *mut zend_object,
    /// Whether `$data` is passed.
    with_data: bool,
    /// An answer must be below this.
    worker_num: usize,
}

/// `set()`'s check, as Swoole's: a value that is not callable is reported
/// (and kept in `$setting`, where it does nothing); null is taken silently.
pub fn check(value: &Zval) {
    if !value.is_null() {
        crate::zend::resolve_or_warn(value, None);
    }
}

impl DispatchFunc {
    /// The `dispatch_func` in `server`'s `$setting`, if it holds a callable.
    pub fn of(server: *mut zend_object, worker_num: usize) -> Option<DispatchFunc> {
        let value = crate::props::get(server, "setting")?.array()?.get(KEY)?;
        let cb = Callback::resolve(value).ok()?;
        // A variadic parameter is not counted: `function (...$args)` gets
        // three arguments, as from Swoole 6.2.1.
        let with_data = cb.declared_params().is_some_and(|n| n > DATA_PARAM);
        Some(DispatchFunc { cb, server, with_data, worker_num })
    }

    /// What the reactor threads need to know of it.
    pub fn spec(&self) -> swoole_core::dispatch::DispatchFunc {
        swoole_core::dispatch::DispatchFunc { with_data: self.with_data }
    }

    /// Asks the callable about `event` of `session`. An answer out of range
    /// is reported as Swoole does (a PHP warning at or past `worker_num`, a
    /// log line for a negative one it does not know) and drops the event; an
    /// uncaught exception is reported as PHP's fatal error and, as in
    /// Swoole, the event goes to worker 0 (its result reads as 0).
    pub fn call(&self, session: SessionId, event: i64, data: Option<&[u8]>) -> FuncChoice {
        let mut args = vec![crate::host::object_zval(self.server), long(session.0 as i64), long(event)];
        if let Some(d) = data.filter(|_| self.with_data) {
            args.push(crate::zend::bytes_zval(d));
        }
        let (outcome, answer) = self.cb.call_returning(&mut args);
        let value = match outcome {
            CallOutcome::Returned => (!answer.is_null()).then(|| crate::client::zval_long(&answer)),
            CallOutcome::Exception => {
                crate::zend::report_pending_exception();
                Some(0)
            }
            CallOutcome::Exit(_) | CallOutcome::Bailout => {
                crate::zend::clear_pending_exception();
                None
            }
        };
        let (choice, complaint) = FuncChoice::from_return(value, self.worker_num);
        match complaint {
            Some(FuncComplaint::TooLarge(n)) => warning(&format!("invalid target worker-id[{n}]")),
            Some(FuncComplaint::Negative(n)) => {
                swoole_core::log::warning(&format!("ProcessFactory::dispatch(): invalid target worker id[{n}]"))
            }
            None => {}
        }
        choice
    }
}

