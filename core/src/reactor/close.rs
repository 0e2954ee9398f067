//! Closing a reactor's connections: from the server side (after pending
//! output, or at once with RST), by the peer or an error; and the queue of
//! closed connections and buffer events whose callbacks are still due.

use super::{tls, BufferEvent, Connection, Reactor, ORD};
use crate::connection::ConnectionInfo;
use crate::error::ErrorCode;
use crate::session::SessionId;

impl Reactor {
    /// Closes `session` from the server side. Pending output is sent first
    /// unless `reset`, which drops it and sends RST.
    pub fn close(&mut self, session: SessionId, reset: bool) -> Result<(), ErrorCode> {
        let key = self.live_key(session)?;
        let conn = &mut self.conns[key];
        if conn.close_after_flush {
            return Err(ErrorCode::SESSION_CLOSED_BY_SERVER);
        }
        conn.info.closed_by_server = true;
        if reset {
            // A zero linger: close() sends RST and drops what is queued.
            let linger = libc::linger { l_onoff: 1, l_linger: 0 };
            let _ = nix::sys::socket::setsockopt(&conn.stream, nix::sys::socket::sockopt::Linger, &linger);
        } else if conn.output_pending() {
            conn.close_after_flush = true;
            return Ok(());
        }
        self.close_key(key, reset, 0);
        Ok(())
    }

    /// Closes `session` as a read error does (its onClose names the reactor,
    /// not -1): a PROCESS `dispatch_func` dropped one of its framed packets,
    /// which Swoole answers by closing the connection.
    pub(crate) fn close_refused(&mut self, session: SessionId) {
        if let Ok(key) = self.live_key(session) {
            self.close_key(key, false, 0);
        }
    }

    /// Removes connection `key` and queues its onClose.
    pub(super) fn close_key(&mut self, key: usize, reset: bool, errno: i32) {
        if self.conns.get(key).is_some_and(Connection::handshaking) {
            // No onConnect ran: no onClose either.
            return self.drop_unannounced(key);
        }
        let Some(mut conn) = self.conns.try_remove(key) else { return };
        if !reset {
            tls::close_session(&mut conn);
        }
        let _ = self.registry.deregister(&mut conn.stream);
        self.by_session.remove(&conn.info.session);
        if self.in_master {
            // A worker's onClose may still ask getClientInfo(): it frees the slot.
            self.shared.table.mark_closing(conn.info.session);
        } else {
            self.shared.table.close(conn.info.session);
        }
        conn.info.close_errno = errno;
        let counters = self.shared.stats.counters();
        counters.close_count.fetch_add(1, ORD);
        counters.connection_num.fetch_sub(1, ORD);
        self.closing.push(conn.info);
        // `conn.stream` drops here: the socket is closed.
    }

    /// The buffer events due since the last call.
    pub fn take_buffer_events(&mut self) -> Vec<(SessionId, BufferEvent)> {
        std::mem::take(&mut self.buffer_events)
    }

    /// Every closed connection whose onClose has not run, oldest first (a
    /// master's reactor thread hands them to workers).
    pub fn take_closed(&mut self) -> Vec<ConnectionInfo> {
        std::mem::take(&mut self.closing)
    }

    /// The oldest closed connection whose onClose has not run, and whether
    /// the server closed it.
    pub(crate) fn next_closed(&self) -> Option<(SessionId, bool)> {
        self.closing.first().map(|i| (i.session, i.closed_by_server))
    }

    /// Whether buffer events or onClose calls are due (one cheap check on
    /// the hot path, after every callback).
    pub(crate) fn has_pending(&self) -> bool {
        !self.buffer_events.is_empty() || !self.closing.is_empty()
    }

    /// Forgets the oldest closed connection once its onClose ran.
    pub(crate) fn closed_delivered(&mut self) {
        if !self.closing.is_empty() {
            self.closing.remove(0);
        }
    }
}
