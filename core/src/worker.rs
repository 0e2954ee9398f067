//! The worker context of the current process and its event loop.
//!
//! While a worker runs, its [`Reactor`] sits in a thread-local slot. The loop
//! borrows it only for short, callback-free operations, so the PHP methods a
//! callback calls (`send`, `close`, `exist`, ...) can borrow it too.

use crate::error::ErrorCode;
use crate::reactor::{
    AcceptOutcome, ConnectionInfo, ReadOutcome, Reactor, CONN_TOKEN_BASE, LISTENER_TOKEN, READ_CHUNK, SIGNAL_TOKEN,
};
use crate::session::SessionId;
use crate::signals::Signal;
use crate::stats::WorkerStatus;
use mio::Events;
use std::cell::RefCell;

thread_local! {
    /// The running worker's loop state; `None` outside a worker.
    static CURRENT: RefCell<Option<Reactor>> = const { RefCell::new(None) };
}

/// Whether a user callback wants the loop to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The callback failed in a way that ends this process (uncaught
    /// exception, `exit()`, fatal error): leave the loop at once.
    Abort,
}

/// The callbacks a worker's loop drives (the PHP event handlers, in production).
pub trait EventHandler {
    fn on_connect(&mut self, session: SessionId, reactor_id: i32) -> Flow;
    fn on_receive(&mut self, session: SessionId, reactor_id: i32, data: &[u8]) -> Flow;
    fn on_close(&mut self, session: SessionId, reactor_id: i32) -> Flow;
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopEnd {
    /// Stopped by a signal, `shutdown()`, `stop()` or `max_request`.
    Stopped,
    /// A callback returned [`Flow::Abort`].
    Aborted,
}

/// Makes `reactor` the current process's worker context.
pub fn install(reactor: Reactor) {
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

/// `send()`: fails with 9009 outside a worker.
pub fn send(session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
    with(|r| r.send(session, data)).unwrap_or(Err(ErrorCode::SERVER_SEND_IN_MASTER))
}

/// `close()`.
pub fn close(session: SessionId, reset: bool) -> Result<(), ErrorCode> {
    with(|r| r.close(session, reset)).unwrap_or(Err(ErrorCode::SESSION_NOT_EXIST))
}

/// `exist()`.
pub fn exists(session: SessionId) -> bool {
    with(|r| r.exists(session)).unwrap_or(false)
}

/// `getClientInfo()`.
pub fn info(session: SessionId) -> Option<ConnectionInfo> {
    with(|r| r.info(session)).flatten()
}

/// Open sessions of this worker, ascending.
pub fn sessions() -> Vec<SessionId> {
    with(|r| r.sessions()).unwrap_or_default()
}

/// `getClientList($start, $count)`: up to `count` open sessions after `start`.
pub fn client_list(start: u64, count: usize) -> Vec<SessionId> {
    sessions().into_iter().filter(|s| s.0 > start).take(count).collect()
}

/// Asks the loop to stop: `shutdown` closes connections now, otherwise the
/// worker drains (as for `max_request`).
pub fn request_stop(shutdown: bool) -> bool {
    with(|r| r.begin_stop(shutdown)).is_some()
}

/// Runs the current worker's loop until it stops or a callback aborts.
pub fn run(handler: &mut dyn EventHandler) -> LoopEnd {
    let mut events = Events::with_capacity(256);
    let mut buf = vec![0u8; READ_CHUNK];
    let worker_id = with(|r| r.worker_id).expect("worker::run without a reactor");
    let reactor_id = worker_id as i32;
    let set_status = |s: WorkerStatus| {
        with(|r| r.shared.stats.set_status(worker_id, s));
    };
    set_status(WorkerStatus::Idle);
    loop {
        if deliver_closes(handler, reactor_id) == Flow::Abort {
            return LoopEnd::Aborted;
        }
        let (done, timeout) = with(|r| r.poll_plan()).unwrap_or((true, None));
        if done {
            return LoopEnd::Stopped;
        }
        let polled = with(|r| r.poll.poll(&mut events, timeout)).unwrap_or(Ok(()));
        if let Err(e) = polled {
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            crate::log::warning(&format!("epoll_wait() failed: {e}"));
            return LoopEnd::Stopped;
        }
        for ev in events.iter() {
            let token = ev.token();
            if token == SIGNAL_TOKEN {
                for sig in with(|r| r.signals.take()).unwrap_or_default() {
                    if sig == Signal::Terminate {
                        request_stop(true);
                    }
                }
                continue;
            }
            if token == LISTENER_TOKEN {
                loop {
                    match with(|r| r.accept_one()).unwrap_or(AcceptOutcome::Empty) {
                        AcceptOutcome::Accepted(session) => {
                            set_status(WorkerStatus::Busy);
                            let flow = handler.on_connect(session, reactor_id);
                            set_status(WorkerStatus::Idle);
                            if flow == Flow::Abort || deliver_closes(handler, reactor_id) == Flow::Abort {
                                return LoopEnd::Aborted;
                            }
                        }
                        AcceptOutcome::Refused => continue,
                        AcceptOutcome::Empty => break,
                    }
                }
                continue;
            }
            let key = token.0 - CONN_TOKEN_BASE;
            if ev.is_writable() {
                with(|r| r.flush(key));
            }
            if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                loop {
                    match with(|r| r.read(key, &mut buf)).unwrap_or(ReadOutcome::Done) {
                        ReadOutcome::Data { session, n, more } => {
                            set_status(WorkerStatus::Busy);
                            let flow = handler.on_receive(session, reactor_id, &buf[..n]);
                            set_status(WorkerStatus::Idle);
                            with(|r| r.count_request());
                            if flow == Flow::Abort || deliver_closes(handler, reactor_id) == Flow::Abort {
                                return LoopEnd::Aborted;
                            }
                            // A short read drained the socket: epoll reports the next arrival.
                            if !more {
                                break;
                            }
                        }
                        ReadOutcome::Done => break,
                    }
                }
            }
        }
    }
}

/// Runs onClose for every connection closed since the last call.
fn deliver_closes(handler: &mut dyn EventHandler, reactor_id: i32) -> Flow {
    while let Some(session) = with(|r| r.next_closed()).flatten() {
        let flow = handler.on_close(session, reactor_id);
        with(|r| r.closed_delivered());
        if flow == Flow::Abort {
            return Flow::Abort;
        }
    }
    Flow::Continue
}
