//! What other processes ask of the connections a reactor holds: sends,
//! closes, pauses and resumes through its inbox or (from PROCESS-mode
//! workers) its rings, applied here; everything else is handed back for
//! PHP. And `pause()`/`resume()` themselves, and the reading holds of
//! `max_queued_bytes`.

use super::{inbox, Kind, Reactor, StopMode};
use crate::error::ErrorCode;
use crate::session::SessionId;

impl Reactor {
    /// Applies what other processes sent to this inbox (sends, closes,
    /// pauses) up to the next message for PHP (a pipe message, a task, a
    /// result, a connection event), which it returns; `None` when the inbox
    /// is empty.
    pub fn next_inbox_message(&mut self) -> Option<inbox::Message> {
        self.inbox_fd?;
        loop {
            if let Some(msg) = self.apply(inbox::next_own()?) {
                return Some(msg);
            }
        }
    }

    /// Carries out a request another process sent about a connection held
    /// here (send, close, pause, resume); any other message is handed back.
    pub fn apply(&mut self, msg: inbox::Message) -> Option<inbox::Message> {
        if self.apply_ref(msg.as_ref()) { None } else { Some(msg) }
    }

    /// [`Reactor::apply`] of a message the caller keeps (a ring reader's,
    /// in the ring's shared memory: a send writes from there to the
    /// socket, and only what the kernel did not take is copied, into the
    /// connection's output queue); false if it is not a request about a
    /// connection.
    pub(crate) fn apply_ref(&mut self, msg: crate::message::MessageRef<'_>) -> bool {
        // Fire-and-forget: the session may have closed meanwhile.
        let _ = match msg.kind {
            // The sender checked the queue's limit (a worker) or has none to check.
            Kind::Send => self.send_checked(msg.session, msg.payload, !self.in_master),
            Kind::Close => self.close(msg.session, false),
            Kind::Reset => self.close(msg.session, true),
            Kind::SendFile => match crate::inbox::SendFileRequest::decode(msg.payload) {
                Some(r) => self.sendfile(msg.session, &r.path, r.offset, r.length),
                None => Ok(()),
            },
            Kind::Pause => self.set_paused(msg.session, true),
            Kind::Resume => self.set_paused(msg.session, false),
            Kind::PipeMessage
            | Kind::Task
            | Kind::Finish
            | Kind::Connect
            | Kind::Receive
            | Kind::Closed
            | Kind::BufferFull
            | Kind::BufferEmpty
            | Kind::Command
            | Kind::CommandReply
            | Kind::Shutdown => return false,
        };
        true
    }

    /// In a PROCESS-mode event worker: its id, to write to its rings.
    /// A stopping worker writes through the inbox instead: its successor
    /// (already running) is the rings' one writer from then on.
    pub fn ring_writer(&self) -> Option<usize> {
        let links = self.shared.links.as_ref()?;
        (!self.in_master && self.stop == StopMode::Running && self.worker_id < links.worker_num).then_some(self.worker_id)
    }

    /// `pause()` / `resume()` of a connection held here.
    pub fn set_paused(&mut self, session: SessionId, paused: bool) -> Result<(), ErrorCode> {
        let key = self.live_key(session)?;
        self.shared.table.set_paused(session, paused);
        let conn = &mut self.conns[key];
        if conn.paused != paused {
            conn.paused = paused;
            if !paused {
                self.resumed.push(key);
            }
        }
        Ok(())
    }

    /// Holds (or releases) reading of connection `key` while it still is
    /// `session`'s (`max_queued_bytes`); false if it is not.
    pub(crate) fn set_held(&mut self, key: usize, session: SessionId, held: bool) -> bool {
        match self.conns.get_mut(key).filter(|c| c.info.session == session) {
            Some(conn) => {
                conn.held = held;
                true
            }
            None => false,
        }
    }

    /// Connections resumed since the last call (to be read once now).
    pub fn take_resumed(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.resumed)
    }
}
