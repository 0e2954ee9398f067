//! The heartbeat (`heartbeat_check_interval` / `heartbeat_idle_time`):
//! which connections are idle, and closing them when a check is due.

use super::Reactor;
use crate::connection::idle_since;
use crate::session::SessionId;
use crate::stats::now_f64;
use std::time::{Duration, Instant};

/// `heartbeat_check_interval` / `heartbeat_idle_time`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heartbeat {
    pub interval: Duration,
    /// Seconds without input after which a connection is closed.
    pub idle: f64,
}

impl Heartbeat {
    /// From the settings, as Swoole reads them: the idle time defaults to
    /// twice the interval; with only an idle time, the interval is half of
    /// it (at least a second).
    pub fn from_settings(interval: Option<f64>, idle: Option<f64>) -> Option<Heartbeat> {
        let (interval, idle) = match (interval, idle) {
            (Some(i), idle) if i > 0.0 => (i, idle.filter(|&t| t > 0.0).unwrap_or(i * 2.0)),
            (_, Some(t)) if t > 0.0 => ((t / 2.0).max(1.0), t),
            _ => return None,
        };
        Some(Heartbeat { interval: Duration::from_secs_f64(interval), idle })
    }
}

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
