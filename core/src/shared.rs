//! The state every process of one server shares, made before the first
//! fork: session ids and their owners, every process's inbox, the reply
//! lanes, the `stats()` counters, PROCESS mode's rings, and the inboxes of
//! `command()`. Each process reaches it through an `Arc` it inherited.

use crate::inbox::{Inboxes, Kind};
use crate::session::{SessionAllocator, SessionId, SessionTable};
use crate::stats::SharedStats;
use std::io;
use std::sync::Arc;

/// State every process of one server shares, created before the first fork.
pub struct ServerShared {
    /// Where session ids come from.
    pub sessions: SessionAllocator,
    /// Which worker owns each open session.
    pub table: SessionTable,
    /// Each worker's inbox (event workers, then task workers), for send/close
    /// from other processes, pipe messages, tasks and their results.
    pub inboxes: Inboxes,
    /// The reply lanes ([`crate::reply_lane`]): results of a `taskwait()`
    /// (or `command()`) an event worker process is blocked in (its inbox is
    /// not read meanwhile), one lane per process.
    pub replies: Inboxes,
    /// Which process waits on each reply lane now: one wait per lane
    /// ([`crate::reply_lane::LaneClaims`]).
    pub lane_claims: crate::reply_lane::LaneClaims,
    /// `stats()` counters and the worker table.
    pub stats: SharedStats,
    /// PROCESS mode: each reactor thread's inbox, where sends and closes of
    /// task workers and user processes go (the session table's owner is then
    /// a reactor thread).
    pub reactors: Option<Inboxes>,
    /// PROCESS mode: the rings between reactor threads and event workers.
    pub links: Option<crate::ring::Links>,
    /// `command()`: the manager's request inbox, the master's reply inbox.
    pub commands: CommandInboxes,
}

impl ServerShared {
    /// For `worker_num` event workers, `task_num` task workers and `user_num`
    /// user processes (their ids follow in that order, as in Swoole).
    /// `reactor_num` reactor threads hold the connections in PROCESS mode;
    /// 0 is BASE mode (each worker holds its own).
    pub fn new(worker_num: usize, task_num: usize, user_num: usize, start_session_id: u64, reactor_num: usize)
        -> io::Result<Arc<ServerShared>> {
        Ok(Arc::new(ServerShared {
            sessions: SessionAllocator::new(start_session_id)?,
            table: SessionTable::new()?,
            inboxes: Inboxes::new(worker_num + task_num)?,
            replies: Inboxes::new(crate::reply_lane::LaneTable::count(worker_num))?,
            lane_claims: crate::reply_lane::LaneClaims::new(crate::reply_lane::LaneTable::count(worker_num))?,
            stats: SharedStats::new(worker_num, task_num, user_num)?,
            reactors: if reactor_num > 0 { Some(Inboxes::new(reactor_num)?) } else { None },
            links: if reactor_num > 0 { Some(crate::ring::Links::new(worker_num, reactor_num)?) } else { None },
            commands: CommandInboxes::new()?,
        }))
    }

    /// Whether reactor threads of a master hold the connections (SWOOLE_PROCESS).
    pub fn is_process_mode(&self) -> bool {
        self.reactors.is_some()
    }

    /// Sends a message to process `to`'s inbox (a worker or task worker).
    pub fn message(&self, to: usize, kind: Kind, payload: &[u8]) -> io::Result<()> {
        self.inboxes.send(to, kind, SessionId(0), payload)
    }

    /// `sendMessage()`: `payload` to worker `to`'s onPipeMessage, from `from`.
    pub fn pipe_message(&self, from: usize, to: usize, payload: &[u8]) -> io::Result<()> {
        self.inboxes.send(to, Kind::PipeMessage, SessionId(from as u64), payload)
    }

    /// Asks the worker (BASE) or reactor thread (PROCESS) that holds
    /// `session` to send, close, pause or resume; false if none holds it.
    pub fn forward(&self, kind: Kind, session: SessionId, payload: &[u8]) -> bool {
        self.forward_from(None, kind, session, payload)
    }

    /// [`ServerShared::forward`] from event worker `from_worker` of a
    /// PROCESS-mode server, which writes to its ring to the reactor thread.
    pub fn forward_from(&self, from_worker: Option<usize>, kind: Kind, session: SessionId, payload: &[u8]) -> bool {
        let Some(owner) = self.table.owner(session) else { return false };
        self.deliver(from_worker, owner, kind, session, payload)
    }

    /// The one place that decides how a request about `session` reaches
    /// `owner`, the process or reactor thread holding it: over the ring
    /// from event worker `from_worker` to a reactor thread (PROCESS mode),
    /// else through the owner's inbox (a reactor thread's, or a BASE-mode
    /// worker's). False if it could not be sent.
    pub fn deliver(&self, from_worker: Option<usize>, owner: usize, kind: Kind, session: SessionId, payload: &[u8])
        -> bool {
        if let (Some(links), Some(w)) = (&self.links, from_worker)
            && w < links.worker_num
            && owner < links.reactor_num
        {
            let bell = &links.reactor_bells[owner];
            crate::ring::send_blocking(links.to_reactor(w, owner), bell, kind, 0, session, payload);
            bell.ring();
            return true;
        }
        self.reactors.as_ref().unwrap_or(&self.inboxes).send(owner, kind, session, payload).is_ok()
    }
}

/// The inboxes only commands use: the manager's requests and the master's replies.
pub struct CommandInboxes {
    /// Slot 0: requests to the manager.
    pub manager: Inboxes,
    /// Slot 0: replies to a PROCESS-mode master.
    pub master_replies: Inboxes,
}

impl CommandInboxes {
    pub fn new() -> io::Result<CommandInboxes> {
        Ok(CommandInboxes { manager: Inboxes::new(1)?, master_replies: Inboxes::new(1)? })
    }
}
