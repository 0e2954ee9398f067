//! The PHP host of a running server: `$this`, the callbacks, and the failure
//! policy (what a process does when a callback threw, exited or bailed out).
//! [`crate::handler`] adapts the core's events to these calls,
//! [`crate::serve`] runs one worker, [`crate::shapes`] the process shapes.

use crate::events::Event;
use crate::zend::{self, CallOutcome, Callback};
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendObject, Zval};
use std::collections::HashMap;
use std::sync::Arc;
use swoole_core::reactor::ServerShared;
use swoole_core::settings::ServerSettings;

/// `$this` as a Zval (one more reference to the server object).
pub(crate) fn object_zval(obj: *mut zend_object) -> Zval {
    let mut zv = Zval::new();
    // SAFETY: obj is the live server object; set_object adds a reference.
    zv.set_object(unsafe { &mut *(obj as *mut ZendObject) });
    zv
}

/// An int Zval.
pub(crate) fn long(v: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(v);
    z
}

/// A float Zval.
pub(crate) fn double(v: f64) -> Zval {
    let mut z = Zval::new();
    z.set_double(v);
    z
}

/// One port of the running server: what the reactors serve, and its callbacks.
pub(crate) struct PortRuntime {
    /// The spec with a dup of the listening socket.
    pub(crate) spec: swoole_core::port::PortSpec,
    /// The port's own callbacks (they win over the server's).
    pub(crate) callbacks: HashMap<Event, Callback>,
    /// `enable_reuse_port`: the address (and backlog) each worker binds a
    /// socket of its own to; the spec's socket is then the master's, which
    /// only holds the address and does not listen.
    pub(crate) reuse_port: Option<(std::net::SocketAddr, i32)>,
}

/// The PHP side of one running server in this process: `$this`, the
/// callbacks, and what each process needs to build its worker.
pub(crate) struct ProcessHost {
    /// The server object (`$this` of every callback).
    pub(crate) obj: *mut zend_object,
    /// Callbacks by event, copied from the object at start.
    pub(crate) callbacks: HashMap<Event, Callback>,
    /// Settings as of `start()`.
    pub(crate) settings: ServerSettings,
    /// Shared counters, session ids and the worker table.
    pub(crate) shared: Arc<ServerShared>,
    /// The server's ports (each worker builds its poller around dups of
    /// their sockets) and their own callbacks.
    pub(crate) ports: Vec<PortRuntime>,
    /// Single-process mode: failures are left to PHP instead of ending a worker.
    pub(crate) single: bool,
    /// SWOOLE_PROCESS: workers get connection events from the master's
    /// reactor threads instead of serving a socket.
    pub(crate) process_mode: bool,
    /// `addProcess` processes, supervised after the event workers.
    pub(crate) user_processes: Vec<Zval>,
    /// `addCommand()` registrations, run when a `command()` arrives.
    pub(crate) commands: crate::command::Commands,
    /// `user`/`group`, resolved before anything forked.
    pub(crate) identity: swoole_core::privileges::Identity,
}

/// How a process should end after a callback failed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    /// Forked worker: exit with this status.
    Exit(i32),
    /// Single process: the exception/exit is pending, return to PHP.
    Pending,
    /// Single process: a fatal error bailed out; re-raise it after cleanup.
    Bailout,
}

impl ProcessHost {
    /// Calls the callback for `ev` (if any) with `$this` first.
    pub(crate) fn call(&self, ev: Event, rest: Vec<Zval>) -> CallOutcome {
        self.call_returning(ev, rest).0
    }

    /// Like `call`, handing back the callback's return value.
    pub(crate) fn call_returning(&self, ev: Event, rest: Vec<Zval>) -> (CallOutcome, Zval) {
        let Some(cb) = self.callbacks.get(&ev) else { return (CallOutcome::Returned, Zval::null()) };
        let mut args = Vec::with_capacity(rest.len() + 1);
        args.push(object_zval(self.obj));
        args.extend(rest);
        cb.call_returning(&mut args)
    }

    /// The hot-path variant: `args[0]` is filled with `$this` here; no allocation.
    pub(crate) fn call_with(&self, cb: Option<&Callback>, args: &mut [Zval]) -> CallOutcome {
        let Some(cb) = cb else { return CallOutcome::Returned };
        args[0] = object_zval(self.obj);
        cb.call(args)
    }

    /// Turns a callback's outcome into what this process does next.
    pub(crate) fn failure_of(&self, outcome: CallOutcome) -> Option<Failure> {
        match outcome {
            CallOutcome::Returned => None,
            _ if self.single => Some(if outcome == CallOutcome::Bailout { Failure::Bailout } else { Failure::Pending }),
            CallOutcome::Exception => {
                zend::report_pending_exception();
                Some(Failure::Exit(255))
            }
            CallOutcome::Exit(code) => {
                zend::clear_pending_exception();
                Some(Failure::Exit(code))
            }
            CallOutcome::Bailout => Some(Failure::Exit(255)),
        }
    }

    /// A callback in the master/manager: a failure is reported, not fatal to
    /// the workers. Returns false if it left an exception or exit pending.
    pub(crate) fn call_in_master(&self, ev: Event, args: Vec<Zval>) -> bool {
        match self.call(ev, args) {
            CallOutcome::Returned => true,
            CallOutcome::Bailout => {
                // SAFETY: re-raising a fatal error in the master.
                unsafe { ext_php_rs::zend::bailout() }
            }
            _ => false,
        }
    }
}

