//! The heartbeat check (`heartbeat_check_interval` / `heartbeat_idle_time`,
//! the setting is [`crate::heartbeat::Heartbeat`]): which connections are
//! idle, and closing them when a check is due.

use super::Reactor;
use crate::connection::idle_since;
use crate::session::SessionId;
use crate::stats::now_f64;
use std::time::{Duration, Instant};

impl Reactor {
    /// Sessions held here that took no input for `idle` seconds and are not
    /// `protect()`ed (one not read for `max_queued_bytes` is not idle: its
    /// client sent more than the workers took yet).
    pub fn idle_sessions(&self, idle: f64) -> Vec<SessionId> {
        let now = now_f64();
        self.conns
            .iter()
            // A connection still waiting for its PROXY header has its own timeout.
            .filter(|(_, c)| !c.close_after_flush && !c.held && c.proxy.is_none())
            .filter(|(_, c)| idle_since(c.info.last_recv_time, c.info.connect_time, now) >= idle)
            .map(|(_, c)| c.info.session)
            .filter(|&s| !self.shared.table.is_protected(s))
            .collect()
    }

    /// Runs the heartbeat check if it is due: closes every connection found
    /// idle (their onClose follows). Returns how long until the next check.
    pub fn heartbeat_tick(&mut self) -> Option<Duration> {
        let proxy = self.proxy_tick();
        match (self.heartbeat_check(), proxy) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The heartbeat and TLS handshake part of [`Reactor::heartbeat_tick`].
    pub(super) fn heartbeat_check(&mut self) -> Option<Duration> {
        let handshakes = self.handshake_tick();
        let Some(hb) = self.heartbeat else { return handshakes };
        let now = Instant::now();
        if now >= self.next_heartbeat {
            for s in self.idle_sessions(hb.idle) {
                let _ = self.close(s, false);
            }
            self.next_heartbeat = now + hb.interval;
        }
        let wait = self.next_heartbeat - now;
        Some(handshakes.map_or(wait, |h| h.min(wait)))
    }
}
