//! A worker process's context: its [`Reactor`] in a thread-local slot
//! while its loop runs, and the server ([`ServerShared`]) the process
//! belongs to (a worker, a task worker or a user process).

use crate::reactor::{Reactor, ServerShared};
use crate::session::SessionId;
use crate::stats::WorkerStatus;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The running worker's loop state; `None` outside a worker.
    static CURRENT: RefCell<Option<Reactor>> = const { RefCell::new(None) };
    /// The server this process belongs to (a worker or a user process), for
    /// reaching sessions other workers own.
    static SERVER: RefCell<Option<Arc<ServerShared>>> = const { RefCell::new(None) };
    /// PROCESS mode: the client certificates (PEM) of this worker's TLS
    /// sessions, as the reactor thread sent them with onConnect.
    pub(crate) static CLIENT_CERTS: RefCell<std::collections::HashMap<SessionId, String>> = RefCell::new(Default::default());
}

/// Makes this process part of `shared`'s server (a user process has no
/// reactor but can still reach every session).
pub fn join_server(shared: Arc<ServerShared>) {
    SERVER.with(|s| *s.borrow_mut() = Some(shared));
}

/// Forgets the server (a child forked by `Swoole\Process` is no part of it).
pub fn leave_server() {
    SERVER.with(|s| s.borrow_mut().take());
}

/// The server this process belongs to, if any.
pub fn current_server() -> Option<Arc<ServerShared>> {
    SERVER.with(|s| s.borrow().clone())
}

/// Runs `f` on this process's server when it is a PROCESS mode server,
/// borrowing it: no `Arc` clone, whose two locked reference-count
/// operations were a tenth of the extension's own cost of a BASE echo
/// (`send()` asks this on every call).
pub fn with_process_server<R>(f: impl FnOnce(&ServerShared) -> R) -> Option<R> {
    SERVER.with(|s| s.borrow().as_deref().filter(|s| s.is_process_mode()).map(f))
}

/// Whether this process belongs to a PROCESS mode server.
pub fn in_process_mode() -> bool {
    with_process_server(|_| ()).is_some()
}

/// Makes `reactor` the current process's worker context. The worker counts
/// as idle from here on: before onWorkerStart runs, as in Swoole, so a peer
/// that saw onWorkerStart also sees the worker idle.
pub fn install(reactor: Reactor) {
    reactor.shared.stats.set_status(reactor.worker_id, WorkerStatus::Idle);
    let kind = if reactor.is_task_worker() {
        crate::log::ProcessKind::TaskWorker
    } else {
        crate::log::ProcessKind::Worker
    };
    crate::log::set_process(kind, reactor.worker_id as i32);
    CURRENT.with(|c| *c.borrow_mut() = Some(reactor));
}

/// Removes and returns the worker context (closing what it owns on drop).
pub fn uninstall() -> Option<Reactor> {
    CURRENT.with(|c| c.borrow_mut().take())
}

/// Runs `f` on the current worker context, if there is one and it is free.
pub fn with<R>(f: impl FnOnce(&mut Reactor) -> R) -> Option<R> {
    CURRENT.with(|c| c.try_borrow_mut().ok().and_then(|mut r| r.as_mut().map(f)))
}

/// Whether this process is running a worker loop.
pub fn is_worker() -> bool {
    with(|_| ()).is_some()
}

/// Asks the loop to stop: `shutdown` closes connections now, otherwise the
/// worker drains (as for `max_request`).
pub fn request_stop(shutdown: bool) -> bool {
    with(|r| r.begin_stop(shutdown)).is_some()
}
