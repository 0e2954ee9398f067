//! What the PHP methods of a server reach while a worker runs (`send`,
//! `close`, `exist`, `getClientInfo`, ...): the worker's own connection
//! directly, another process's through its ring or inbox.
//!
//! The worker's state is in [`crate::worker_context`]'s thread-local slot;
//! its loop is [`crate::worker_loop`]. The loop borrows the state only for
//! short, callback-free operations, so these methods can borrow it too.

use crate::error::ErrorCode;
pub use crate::event_loop::{Flow, LoopEnd, LoopHandler};
use crate::inbox::Kind;
use crate::reactor::{ConnectionInfo, ServerShared};
use crate::session::SessionId;
use crate::worker_context::CLIENT_CERTS;
pub use crate::worker_context::{
    current_server, in_process_mode, install, is_worker, join_server, leave_server, request_stop, uninstall, with,
    with_process_server,
};
pub use crate::worker_loop::{run, EventHandler, CLOSED_BY_SERVER, CLOSED_BY_SERVER_AUX};

/// A session this process's reactor does not own: ask its owner.
fn forward(kind: Kind, session: SessionId, payload: &[u8]) -> Result<(), ErrorCode> {
    let ring_writer = with(|r| r.ring_writer()).flatten();
    match current_server() {
        Some(shared) if shared.forward_from(ring_writer, kind, session, payload) => Ok(()),
        Some(_) => Err(ErrorCode::SESSION_NOT_EXIST),
        None if is_worker() => Err(ErrorCode::SESSION_NOT_EXIST),
        None => Err(ErrorCode::SERVER_SEND_IN_MASTER),
    }
}

/// `send()`: on this worker's connection directly, otherwise through the
/// inbox of the worker or reactor thread holding it; 9009 outside the
/// server's processes.
pub fn send(session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
    if let Some(result) = with_process_server(|shared| send_process_mode(shared, session, data)) {
        return result;
    }
    match with(|r| r.send(session, data)) {
        Some(Err(ErrorCode::SESSION_NOT_EXIST)) | None => forward(Kind::Send, session, data),
        Some(result) => result,
    }
}

/// [`send`] from a PROCESS mode worker: the reactor thread holding the
/// connection writes it.
fn send_process_mode(shared: &ServerShared, session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
    // What the checks and the delivery need of this worker, in one borrow.
    let (output_limit, limit, ring_writer) =
        with(|r| (r.output_limit, r.buffer_limits.0, r.ring_writer())).unwrap_or((usize::MAX, usize::MAX, None));
    // One message may not exceed output_buffer_size (Swoole, PROCESS mode).
    if data.len() > output_limit {
        crate::log::put_code(crate::log::LOG_WARNING, ErrorCode::DATA_LENGTH_TOO_LARGE.0, &format!(
            "the length of data [{}] exceeds the output buffer size[{output_limit}], please use the sendfile, \
             chunked transfer mode or adjust the output_buffer_size",
            data.len()
        ));
        return Err(ErrorCode::DATA_LENGTH_TOO_LARGE);
    }
    // The reactor thread holds the queue; its size is published. One
    // read of the session's slot gives the checks and where it goes.
    match shared.table.send_state(session) {
        None => Err(ErrorCode::SESSION_NOT_EXIST),
        Some(s) if s.closing => Err(ErrorCode::SESSION_CLOSED),
        Some(s) if s.send_queued_bytes as usize >= limit => {
            crate::output::log_overflow(session);
            Err(ErrorCode::OUTPUT_BUFFER_OVERFLOW)
        }
        Some(s) if shared.deliver(ring_writer, s.owner, Kind::Send, session, data) => {
            with(|r| r.count_response());
            Ok(())
        }
        Some(_) => Err(ErrorCode::SESSION_NOT_EXIST),
    }
}

/// `sendfile()`: on this worker's connection directly, otherwise through
/// the process holding it (its ring or inbox).
pub fn sendfile(session: SessionId, path: &str, offset: u64, length: u64) -> Result<(), ErrorCode> {
    let request = crate::inbox::SendFileRequest { offset, length, path: path.to_string() };
    if in_process_mode() {
        // The holder reports nothing back: check what can be checked here.
        crate::output::open_file_range(path, offset, length)?;
        return forward(Kind::SendFile, session, &request.encode());
    }
    match with(|r| r.sendfile(session, path, offset, length)) {
        Some(Err(ErrorCode::SESSION_NOT_EXIST)) | None => forward(Kind::SendFile, session, &request.encode()),
        Some(result) => result,
    }
}

/// `sendwait()`: BASE mode only, on this worker's own connection.
pub fn send_wait(session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
    if in_process_mode() {
        return Err(ErrorCode::OPERATION_NOT_SUPPORTED);
    }
    with(|r| r.send_wait(session, data)).unwrap_or(Err(ErrorCode::SERVER_SEND_IN_MASTER))
}

/// `close()`, like `send()`.
pub fn close(session: SessionId, reset: bool) -> Result<(), ErrorCode> {
    let kind = if reset { Kind::Reset } else { Kind::Close };
    match with(|r| r.close(session, reset)) {
        Some(Err(ErrorCode::SESSION_NOT_EXIST)) | None => forward(kind, session, &[]),
        Some(result) => result,
    }
}

/// `sendto()` / `send($address)`: a datagram from one of this worker's
/// datagram ports (`server_socket`, or the first of the right kind).
pub fn send_to(to: &crate::port::Peer, data: &[u8], server_socket: Option<i32>) -> Result<(), ErrorCode> {
    with(|r| r.send_to(to, data, server_socket)).unwrap_or(Err(ErrorCode::SERVER_SEND_IN_MASTER))
}

/// Whether this worker serves a Unix datagram port.
pub fn has_unix_dgram_port() -> bool {
    with(|r| r.has_unix_dgram_port()).unwrap_or(false)
}

/// Marks this worker idle ahead of its loop: a task worker about to send the
/// result of the task it has finished, so that a task sent the moment that
/// result arrives finds it idle (and is not dealt round-robin to a busy one).
pub fn mark_idle() {
    with(|r| r.shared.stats.set_status(r.worker_id, crate::stats::WorkerStatus::Idle));
}

/// The port (index into `$server->ports`) `session` came in on.
pub fn port_of(session: SessionId) -> Option<usize> {
    if let Some(shared) = current_server().filter(|s| s.is_process_mode()) {
        return shared.table.facts(session).map(|f| f.port);
    }
    with(|r| r.port_of(session)).flatten()
}

/// `sendMessage()`: to worker `to` from this process (`from`, its id).
pub fn pipe_message(from: usize, to: usize, payload: &[u8]) -> Result<(), ErrorCode> {
    let shared = current_server().ok_or(ErrorCode::SERVER_SEND_IN_MASTER)?;
    shared.pipe_message(from, to, payload).map_err(|_| ErrorCode::SYSTEM_CALL_FAIL)
}

/// `pause()`/`resume()`/`confirm()`: the process holding the connection (this
/// worker, another one, or a reactor thread) stops or starts reading it.
pub fn set_paused(session: SessionId, paused: bool) -> Result<(), ErrorCode> {
    let kind = if paused { Kind::Pause } else { Kind::Resume };
    // The shared flag holds at once; the message makes the holder resume reading.
    if let Some(shared) = current_server() {
        shared.table.set_paused(session, paused);
    }
    match with(|r| r.set_paused(session, paused)) {
        Some(Err(ErrorCode::SESSION_NOT_EXIST)) | None => forward(kind, session, &[]),
        Some(result) => result,
    }
}

/// `heartbeat()`: the sessions that took no input for `idle` seconds and are
/// not protected: this worker's own in BASE mode (as Swoole), every session
/// in PROCESS mode.
pub fn idle_sessions(idle: f64) -> Vec<SessionId> {
    let Some(shared) = current_server().filter(|s| s.is_process_mode()) else {
        return with(|r| r.idle_sessions(idle)).unwrap_or_default();
    };
    let now = crate::stats::now_f64();
    shared
        .table
        .open_sessions()
        .into_iter()
        .filter(|&s| !shared.table.is_protected(s))
        .filter(|&s| {
            shared
                .table
                .facts(s)
                // Bytes of it still waiting for a worker: its client is not idle.
                .is_some_and(|f| {
                    f.recv_queued_bytes == 0 && crate::reactor::idle_since(f.last_recv_time, f.connect_time, now) >= idle
                })
        })
        .collect()
}

/// `exist()`: open in this worker, or held by another worker or a reactor thread.
pub fn exists(session: SessionId) -> bool {
    let Some(shared) = current_server() else { return with(|r| r.exists(session)).unwrap_or(false) };
    if shared.is_process_mode() {
        return shared.table.owner(session).is_some();
    }
    with(|r| r.exists(session)).unwrap_or(false)
        || shared.table.owner(session).is_some_and(|o| Some(o) != with(|r| r.worker_id))
}

/// Runs `f` on the facts of `session` (its `uid` and `ssl_client_cert`
/// left out): by reference on this worker's own connection (BASE), else on
/// what [`info`] gives; None when there is no such connection.
pub fn with_peer<R>(session: SessionId, f: impl FnOnce(&ConnectionInfo) -> R) -> Option<R> {
    if in_process_mode() {
        return info(session).as_ref().map(f);
    }
    with(|r| r.peer(session).map(f)).flatten()
}

/// `getClientInfo()`: this worker's connection, or in PROCESS mode, what the
/// reactor thread holding it published.
pub fn info(session: SessionId) -> Option<ConnectionInfo> {
    if let Some(shared) = current_server().filter(|s| s.is_process_mode()) {
        let f = shared.table.facts(session)?;
        return Some(ConnectionInfo {
            session,
            uid: f.uid,
            port: f.port,
            server_port: f.server_port,
            server_fd: f.server_fd,
            socket_fd: f.socket_fd,
            socket_type: if f.remote.is_ipv6() { 3 } else { 1 },
            remote_port: f.remote.port(),
            remote_ip: crate::reactor::ip_string(&f.remote),
            reactor_id: f.owner as i32,
            connect_time: f.connect_time,
            last_recv_time: f.last_recv_time,
            last_send_time: f.last_send_time,
            last_dispatch_time: f.last_dispatch_time,
            close_errno: 0,
            recv_queued_bytes: f.recv_queued_bytes as usize,
            send_queued_bytes: f.send_queued_bytes as usize,
            closed_by_server: false,
            proxy: f.proxy,
            ssl_client_cert: CLIENT_CERTS.with(|c| c.borrow().get(&session).cloned()),
        });
    }
    with(|r| r.info(session)).flatten()
}

/// Open sessions, ascending: this worker's own (as Swoole's BASE mode), or in
/// PROCESS mode and in a user process, every session of the server.
pub fn sessions() -> Vec<SessionId> {
    let everyone = || current_server().map(|s| s.table.open_sessions()).unwrap_or_default();
    if in_process_mode() {
        return everyone();
    }
    with(|r| r.sessions()).unwrap_or_else(everyone)
}

/// `count($server->connections)`: every open connection of the server, in
/// BASE mode too (Swoole counts its shared connection table there, while
/// iterating yields only the calling worker's connections).
pub fn session_count() -> usize {
    match current_server() {
        Some(s) => s.table.open_sessions().len(),
        None => sessions().len(),
    }
}

/// `getClientList($start, $count)`: up to `count` open sessions after `start`.
pub fn client_list(start: u64, count: usize) -> Vec<SessionId> {
    sessions().into_iter().filter(|s| s.0 > start).take(count).collect()
}


#[cfg(test)]
#[path = "worker_tests.rs"]
mod tests;
