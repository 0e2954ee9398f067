//! `addCommand()` / `command()`: a request/reply between the process that
//! asks (the master in PROCESS mode, worker 0 in BASE mode, as in Swoole)
//! and the one that runs the command (an event or task worker through its
//! inbox, the manager through its own inbox).
//!
//! A request is an inbox message of kind [`Kind::Command`]: its session field
//! carries the request id, `aux` says where the reply goes ([`ReplyTo`]), and
//! the payload is `name_len u32 | name | data` (the data as `command()`'s
//! caller encoded it: JSON). The reply is a [`Kind::CommandReply`] with the
//! same id.

use crate::inbox::{Kind, Message, Reassembler};
pub use crate::shared::CommandInboxes;
use crate::shared::ServerShared;
use crate::session::SessionId;
use std::io;
use std::os::fd::AsRawFd;
use std::time::Duration;

/// `SWOOLE_SERVER_COMMAND_*` process types.
pub const MASTER: i64 = 2;
pub const REACTOR_THREAD: i64 = 4;
pub const EVENT_WORKER: i64 = 8;
pub const TASK_WORKER: i64 = 16;
pub const MANAGER: i64 = 32;

/// How long `command()` waits for an answer (Swoole waits in a coroutine
/// with no limit; a blocking call needs one).
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// Where a reply goes: `aux` of the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyTo {
    /// The master of a PROCESS-mode server (its own reply inbox).
    Master,
    /// An event worker process, by its reply lane ([`crate::reply_lane`]).
    Lane(usize),
}

impl ReplyTo {
    const MASTER_AUX: u16 = u16::MAX;

    fn aux(self) -> u16 {
        match self {
            ReplyTo::Master => Self::MASTER_AUX,
            ReplyTo::Lane(lane) => lane as u16,
        }
    }

    fn from_aux(aux: u16) -> ReplyTo {
        if aux == Self::MASTER_AUX { ReplyTo::Master } else { ReplyTo::Lane(aux as usize) }
    }
}

/// Which process runs a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The calling process itself.
    Local,
    /// The manager.
    Manager,
    /// Event or task worker with this (global) id.
    Worker(usize),
}

/// A command request as the target sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: u64,
    pub reply_to: u16,
    pub name: String,
    pub data: Vec<u8>,
}

/// Decodes a [`Kind::Command`] message.
pub fn parse(msg: &Message) -> Option<Request> {
    let len = u32::from_le_bytes(msg.payload.get(..4)?.try_into().ok()?) as usize;
    let name = std::str::from_utf8(msg.payload.get(4..4 + len)?).ok()?.to_string();
    Some(Request { id: msg.session.0, reply_to: msg.aux, name, data: msg.payload[4 + len..].to_vec() })
}

/// Sends a request to `target` (not [`Target::Local`]).
pub fn send_request(shared: &ServerShared, target: Target, id: u64, from: ReplyTo, name: &str, data: &[u8])
    -> io::Result<()> {
    let mut payload = Vec::with_capacity(4 + name.len() + data.len());
    payload.extend_from_slice(&(name.len() as u32).to_le_bytes());
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(data);
    let session = SessionId(id);
    match target {
        Target::Manager => shared.commands.manager.send_aux(0, Kind::Command, session, from.aux(), &payload),
        Target::Worker(w) => shared.inboxes.send_aux(w, Kind::Command, session, from.aux(), &payload),
        Target::Local => Err(io::Error::from_raw_os_error(libc::EINVAL)),
    }
}

/// Sends the answer to `request`.
pub fn reply(shared: &ServerShared, request: &Request, answer: &[u8]) -> io::Result<()> {
    let session = SessionId(request.id);
    match ReplyTo::from_aux(request.reply_to) {
        ReplyTo::Master => shared.commands.master_replies.send(0, Kind::CommandReply, session, answer),
        ReplyTo::Lane(w) => shared.replies.send(w, Kind::CommandReply, session, answer),
    }
}

/// Waits for the reply to request `id` on the caller's reply channel,
/// dropping anything else that arrives there meanwhile (a task result that
/// came after its taskwait() gave up); `None` after [`REPLY_TIMEOUT`].
pub fn wait_reply(shared: &ServerShared, from: ReplyTo, id: u64, re: &mut Reassembler) -> Option<Vec<u8>> {
    let end = match from {
        ReplyTo::Master => shared.commands.master_replies.read_fd(0)?,
        ReplyTo::Lane(w) => shared.replies.read_fd(w)?,
    };
    crate::process::set_blocking(&end, false).ok()?;
    let fd = end.as_raw_fd();
    let deadline = std::time::Instant::now() + REPLY_TIMEOUT;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let msg = crate::inbox::recv_timeout(fd, re, left)?;
        if msg.kind == Kind::CommandReply && msg.session.0 == id {
            return Some(msg.payload);
        }
    }
}

/// Why a `command()` cannot be sent (Swoole logs these as notices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    /// The process type is not one the command accepts.
    Unsupported,
    /// The id is out of range for the type.
    InvalidId(&'static str, i64),
}

/// Where `command(name, process_id, process_type)` runs, given the caller's
/// mode: in BASE mode event worker 0 is the caller itself (Swoole runs it
/// as the master).
pub fn route(process_type: i64, process_id: i64, accepted: i64, base_mode: bool, worker_num: usize, task_num: usize)
    -> Result<Target, RouteError> {
    if accepted & process_type == 0 {
        return Err(RouteError::Unsupported);
    }
    match process_type {
        MASTER => Ok(Target::Local),
        MANAGER => Ok(Target::Manager),
        EVENT_WORKER if process_id >= worker_num as i64 => Err(RouteError::InvalidId("worker_id", process_id)),
        EVENT_WORKER if base_mode && process_id == 0 => Ok(Target::Local),
        EVENT_WORKER => Ok(Target::Worker(process_id as usize)),
        TASK_WORKER if process_id >= task_num as i64 => Err(RouteError::InvalidId("task_worker_id", process_id)),
        TASK_WORKER => Ok(Target::Worker(worker_num + process_id as usize)),
        _ => Err(RouteError::Unsupported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let all = MASTER | MANAGER | EVENT_WORKER | TASK_WORKER;
        assert_eq!(route(MASTER, 0, all, false, 2, 1), Ok(Target::Local));
        assert_eq!(route(EVENT_WORKER, 1, all, false, 2, 1), Ok(Target::Worker(1)));
        assert_eq!(route(EVENT_WORKER, 0, all, true, 2, 1), Ok(Target::Local), "BASE: worker 0 is the caller");
        assert_eq!(route(TASK_WORKER, 0, all, false, 2, 1), Ok(Target::Worker(2)), "task workers by index");
        assert_eq!(route(EVENT_WORKER, 2, all, false, 2, 1), Err(RouteError::InvalidId("worker_id", 2)));
        assert_eq!(route(TASK_WORKER, 1, all, false, 2, 1), Err(RouteError::InvalidId("task_worker_id", 1)));
        assert_eq!(route(MANAGER, 0, EVENT_WORKER, false, 2, 1), Err(RouteError::Unsupported));
    }

    #[test]
    fn request_reply_round_trip() {
        let shared = ServerShared::new(2, 0, 0, 0, 0).unwrap();
        send_request(&shared, Target::Worker(1), 7, ReplyTo::Lane(0), "getpid", b"{\"a\":1}").unwrap();
        let mut re = Reassembler::default();
        crate::process::set_blocking(&shared.inboxes.read_fd(1).unwrap(), false).unwrap();
        let fd = shared.inboxes.read_end(1).unwrap();
        let msg = crate::inbox::recv_timeout(fd, &mut re, Duration::from_secs(1)).unwrap();
        let req = parse(&msg).unwrap();
        assert_eq!((req.id, req.name.as_str(), req.data.as_slice()), (7, "getpid", &b"{\"a\":1}"[..]));
        // A stray message first: it is skipped.
        shared.replies.send(0, Kind::Finish, SessionId(3), b"late").unwrap();
        reply(&shared, &req, b"{\"pid\":1}").unwrap();
        let mut re = Reassembler::default();
        assert_eq!(wait_reply(&shared, ReplyTo::Lane(0), 7, &mut re).unwrap(), b"{\"pid\":1}");
    }
}
