//! The PROXY protocol stage of a [`Reactor`]'s connections (see
//! [`crate::proxy::stage`]): what a read does while the header has not
//! arrived, refusals, and `proxy_protocol_timeout`. Kept apart from the
//! reactor's own reading so later stages (TLS) stack after it.

use super::{ip_string, ReadOutcome, Reactor, ORD};
use crate::error::ErrorCode;
use crate::proxy::stage::{real_peer, Awaiting, Step};
use crate::session::SessionId;
use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

impl super::Connection {
    /// Whether the application has not seen the connection yet (its PROXY
    /// header or its TLS handshake still to come): no getClientInfo().
    pub(super) fn unannounced(&self) -> bool {
        self.proxy.is_some() || self.handshaking()
    }
}

impl Reactor {
    /// One read (`got` bytes into `buf`) of a connection waiting for its
    /// PROXY header: `None` to read on, or what the read came to.
    pub(super) fn proxy_input(&mut self, key: usize, got: io::Result<usize>, buf: &mut [u8]) -> Option<ReadOutcome> {
        let conn = &mut self.conns[key];
        let bytes = match got {
            Ok(0) => {
                self.drop_awaiting(key, "the connection closed before its header");
                return Some(ReadOutcome::Done);
            }
            Ok(n) => &buf[..n],
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Some(ReadOutcome::Done),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return None,
            Err(_) => {
                self.drop_awaiting(key, "the connection failed before its header");
                return Some(ReadOutcome::Done);
            }
        };
        self.shared.stats.counters().total_recv_bytes.fetch_add(bytes.len() as u64, ORD);
        let config = match self.ports[conn.port].proxy.as_ref() {
            Some(p) => p.config,
            None => return None,
        };
        let awaiting = conn.proxy.as_mut()?;
        match awaiting.feed(bytes, &config) {
            Step::Pending => None,
            Step::Refused(reason) => {
                self.drop_awaiting(key, reason);
                Some(ReadOutcome::Done)
            }
            Step::Arrived { header, rest } => {
                conn.proxy = None;
                conn.paused = self.delay_receive;
                let session = conn.info.session;
                match conn.tls.as_mut() {
                    // The TLS handshake starts with what followed the header.
                    Some(tls) => tls.prepend_input(rest),
                    None => {
                        conn.replay = rest;
                        self.shared.table.set_handshaking(session, false);
                    }
                }
                let socket_peer: Option<SocketAddr> = conn.info.remote_ip.parse().ok().map(|ip| SocketAddr::new(ip, conn.info.remote_port));
                if let Some((real, via)) = real_peer(&header, socket_peer) {
                    conn.info.remote_ip = ip_string(&real);
                    conn.info.remote_port = real.port();
                    conn.info.proxy = via;
                    if let Some(via) = via {
                        self.shared.table.publish_proxied(session, real, via);
                    }
                }
                if self.conns[key].tls.is_some() {
                    return Some(self.read_tls(key, buf));
                }
                Some(ReadOutcome::Connected { session })
            }
        }
    }

    /// A connection accepted on a PROXY port: its header is due by
    /// `awaiting.deadline`, and until it comes the session is hidden from
    /// other processes (getClientInfo, `$server->connections`) as a TLS
    /// handshake is: no connection for PHP before onConnect.
    pub(super) fn await_header(&mut self, awaiting: &Awaiting, key: usize, session: SessionId) {
        self.proxy_deadlines.push(awaiting.deadline, key, session);
        self.shared.table.set_handshaking(session, true);
    }

    /// Closes a connection whose PROXY header did not arrive: it never
    /// was the application's, so no onClose; counted in `stats()`.
    fn drop_awaiting(&mut self, key: usize, reason: &str) {
        let Some(conn) = self.conns.get(key) else { return };
        let line = format!("{reason}, connection from {}:{} closed", conn.info.remote_ip, conn.info.remote_port);
        self.drop_unannounced(key);
        self.proxy_refused(&line);
    }

    /// Logs and counts a connection refused for the PROXY protocol.
    pub(super) fn proxy_refused(&mut self, what: &str) {
        self.shared.stats.counters().proxy_protocol_error_count.fetch_add(1, ORD);
        crate::log::put_code(crate::log::LOG_WARNING, ErrorCode::PROTOCOL_ERROR.0, &format!("PROXY protocol: {what}"));
    }

    /// Whether `session` still waits for its PROXY header.
    pub fn awaits_proxy(&self, session: SessionId) -> bool {
        self.by_session.get(&session).is_some_and(|&k| self.conns[k].proxy.is_some())
    }

    /// Closes connections whose PROXY header is late; the time until the next is due.
    pub(super) fn proxy_tick(&mut self) -> Option<Duration> {
        if self.proxy_deadlines.is_empty() {
            return None;
        }
        let conns = &self.conns;
        let waiting = |key: usize, session: SessionId| conns.get(key).is_some_and(|c| c.info.session == session && c.proxy.is_some());
        let (due, next) = self.proxy_deadlines.take_due(Instant::now(), waiting);
        for (key, _) in due {
            self.drop_awaiting(key, "no complete header within proxy_protocol_timeout");
        }
        next
    }
}
