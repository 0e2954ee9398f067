//! The message vocabulary shared by the inboxes ([`crate::inbox`]) and
//! PROCESS mode's rings ([`crate::ring`]): what a message asks of the
//! process that gets it ([`Kind`]), the whole [`Message`], and the heads of
//! the payloads that carry a structure (a task's [`TaskHeader`], a
//! [`SendFileRequest`]). How a message travels is each carrier's business.

use crate::session::SessionId;

/// What a message asks the owning worker to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `send($fd, $data)`.
    Send = 1,
    /// `close($fd)`.
    Close = 2,
    /// `close($fd, true)`.
    Reset = 3,
    /// `sendMessage($msg, $worker)`: the session field carries the sender's
    /// worker id; the payload is the (possibly serialized) message.
    PipeMessage = 4,
    /// `task()`: to a task worker; the payload starts with a [`TaskHeader`].
    Task = 5,
    /// `finish()`: a task's result back to its source; a [`TaskHeader`] first.
    Finish = 6,
    /// PROCESS mode, reactor thread to worker: onConnect (`aux` = reactor id).
    Connect = 7,
    /// PROCESS mode, reactor thread to worker: onReceive with the payload.
    Receive = 8,
    /// PROCESS mode, reactor thread to worker: onClose; the worker frees the
    /// session's slot after it.
    Closed = 9,
    /// PROCESS mode, worker to reactor thread: stop reading (`pause()`).
    Pause = 10,
    /// PROCESS mode, worker to reactor thread: read again (`resume()`, `confirm()`).
    Resume = 11,
    /// PROCESS mode, reactor thread to worker: onBufferFull.
    BufferFull = 12,
    /// PROCESS mode, reactor thread to worker: onBufferEmpty.
    BufferEmpty = 13,
    /// `command()`: run an `addCommand()` callback ([`crate::command`]).
    Command = 14,
    /// The answer to a [`Kind::Command`].
    CommandReply = 15,
    /// `sendfile($fd, ...)` on a connection another process holds; the
    /// payload is a [`SendFileRequest`].
    SendFile = 16,
    /// `shutdown()` from a worker, task worker or user process, to the
    /// manager's inbox: the manager (which keeps the master's uid) passes it
    /// on to the master as SIGTERM. A process that dropped root cannot
    /// signal a root master itself; writing to a socket it holds needs no
    /// permission.
    Shutdown = 17,
}

/// What `sendfile()` asks of the process holding the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendFileRequest {
    pub offset: u64,
    pub length: u64,
    pub path: String,
}

impl SendFileRequest {
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(16 + self.path.len());
        v.extend_from_slice(&self.offset.to_le_bytes());
        v.extend_from_slice(&self.length.to_le_bytes());
        v.extend_from_slice(self.path.as_bytes());
        v
    }

    pub fn decode(payload: &[u8]) -> Option<SendFileRequest> {
        let offset = u64::from_le_bytes(payload.get(0..8)?.try_into().ok()?);
        let length = u64::from_le_bytes(payload.get(8..16)?.try_into().ok()?);
        let path = String::from_utf8(payload.get(16..)?.to_vec()).ok()?;
        Some(SendFileRequest { offset, length, path })
    }
}

/// The head of a task or finish payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskHeader {
    /// Swoole's `SWOOLE_TASK_*` flags (serialized, non-blocking, callback, ...).
    pub flags: u32,
    /// Who sent the task (a worker id); for a finish, the task worker.
    pub worker: u32,
    /// The task id, counted per source worker from 0.
    pub task_id: i64,
    /// The source process's reply lane ([`crate::reply_lane`]), where a
    /// blocking wait's result goes.
    pub reply: u32,
    /// The source process's pid: a result on a lane that changed hands
    /// since (its asker gave up and exited) is not the new holder's.
    pub origin: u32,
}

impl TaskHeader {
    pub const LEN: usize = 24;

    pub fn encode(&self, data: &[u8]) -> Vec<u8> {
        let mut v = Vec::with_capacity(Self::LEN + data.len());
        v.extend_from_slice(&self.flags.to_le_bytes());
        v.extend_from_slice(&self.worker.to_le_bytes());
        v.extend_from_slice(&self.task_id.to_le_bytes());
        v.extend_from_slice(&self.reply.to_le_bytes());
        v.extend_from_slice(&self.origin.to_le_bytes());
        v.extend_from_slice(data);
        v
    }

    /// The header and the data after it; `None` for a payload too short.
    pub fn decode(payload: &[u8]) -> Option<(TaskHeader, &[u8])> {
        if payload.len() < Self::LEN {
            return None;
        }
        let flags = u32::from_le_bytes(payload[0..4].try_into().ok()?);
        let worker = u32::from_le_bytes(payload[4..8].try_into().ok()?);
        let task_id = i64::from_le_bytes(payload[8..16].try_into().ok()?);
        let reply = u32::from_le_bytes(payload[16..20].try_into().ok()?);
        let origin = u32::from_le_bytes(payload[20..24].try_into().ok()?);
        Some((TaskHeader { flags, worker, task_id, reply, origin }, &payload[Self::LEN..]))
    }
}

impl Kind {
    pub(crate) fn from_u8(b: u8) -> Option<Kind> {
        match b {
            1 => Some(Kind::Send),
            2 => Some(Kind::Close),
            3 => Some(Kind::Reset),
            4 => Some(Kind::PipeMessage),
            5 => Some(Kind::Task),
            6 => Some(Kind::Finish),
            7 => Some(Kind::Connect),
            8 => Some(Kind::Receive),
            9 => Some(Kind::Closed),
            10 => Some(Kind::Pause),
            11 => Some(Kind::Resume),
            12 => Some(Kind::BufferFull),
            13 => Some(Kind::BufferEmpty),
            14 => Some(Kind::Command),
            15 => Some(Kind::CommandReply),
            16 => Some(Kind::SendFile),
            17 => Some(Kind::Shutdown),
            _ => None,
        }
    }
}

/// A whole message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What the message asks.
    pub kind: Kind,
    /// The connection it is about (or the sender, for some kinds).
    pub session: SessionId,
    /// A small extra field: the reactor thread a connection event comes from.
    pub aux: u16,
    /// The payload (the packet, the reply, the task, ...).
    pub payload: Vec<u8>,
}

/// A whole message seen where it lies (a ring's shared memory, or a
/// [`Message`]'s buffer): what a reader hands to the code that applies it
/// without copying the payload first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageRef<'a> {
    /// What the message asks.
    pub kind: Kind,
    /// The connection it is about (or the sender, for some kinds).
    pub session: SessionId,
    /// The small extra field ([`Message::aux`]).
    pub aux: u16,
    /// The payload, borrowed.
    pub payload: &'a [u8],
}

impl MessageRef<'_> {
    /// An owned copy.
    pub fn to_message(&self) -> Message {
        Message { kind: self.kind, session: self.session, aux: self.aux, payload: self.payload.to_vec() }
    }
}

impl Message {
    /// The message, borrowed.
    pub fn as_ref(&self) -> MessageRef<'_> {
        MessageRef { kind: self.kind, session: self.session, aux: self.aux, payload: &self.payload }
    }
}
