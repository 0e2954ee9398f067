//! The TLS side of a reactor's connections (a `SWOOLE_SSL` port): the
//! handshake before onConnect, records in and out, `sendfile()` through
//! the session, and `close_notify`. The same code runs in a BASE-mode
//! worker and in a PROCESS-mode reactor thread (workers see plaintext).
//!
//! A handshake that fails frees its connection at once: no onConnect, no
//! onClose (as in Swoole), its session id used up, only a log line.

use super::{Connection, ReadOutcome, Reactor, CONN_TOKEN_BASE, ORD};
use crate::output::Sink;
use crate::tls::{Flush, Handshake, HandshakeFailure, ReadOutcome as TlsRead, TlsConnection, WriteOutcome};
use mio::{Interest, Token};
use std::fs::File;
use std::io;

/// How long a client may take to finish its handshake (Swoole has no such
/// limit: a client that stalls mid-handshake is held until the heartbeat).
pub(super) const HANDSHAKE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Output going into a TLS session (encrypted, then to the socket).
pub(super) struct TlsSink<'a>(pub(super) &'a mut TlsConnection);

impl Sink for TlsSink<'_> {
    fn write_bytes(&mut self, data: &[u8]) -> io::Result<usize> {
        outcome(self.0.write(data))
    }

    fn write_file(&mut self, file: &File, offset: u64, len: usize) -> io::Result<usize> {
        outcome(self.0.write_file(file, offset, len as u64))
    }
}

fn outcome(w: WriteOutcome) -> io::Result<usize> {
    match w {
        WriteOutcome::Accepted(n) => Ok(n),
        WriteOutcome::WouldBlock => Err(io::ErrorKind::WouldBlock.into()),
        WriteOutcome::Error(e) => Err(io::Error::other(e.to_string())),
    }
}

impl Connection {
    /// Whether the connection still handshakes (no onConnect yet).
    pub(super) fn handshaking(&self) -> bool {
        self.tls.as_ref().is_some_and(|t| t.is_handshaking())
    }

    /// Whether output waits: queued by `send()`/`sendfile()`, or encrypted
    /// and not taken by the socket yet.
    pub(super) fn output_pending(&self) -> bool {
        !self.out.is_empty() || self.tls.as_ref().is_some_and(|t| t.pending_output() > 0)
    }
}

impl Reactor {
    /// Whether `session` is still in its TLS handshake (its onConnect comes
    /// with [`ReadOutcome::Connected`]).
    pub fn is_handshaking(&self, session: crate::SessionId) -> bool {
        self.by_session.get(&session).is_some_and(|&k| self.conns[k].handshaking())
    }

    /// The client certificate (PEM) of a TLS session on a port with
    /// `ssl_client_cert_file`, as `getClientInfo()['ssl_client_cert']`.
    pub fn client_cert(&self, session: crate::SessionId) -> Option<String> {
        let &key = self.by_session.get(&session)?;
        let tls = self.conns[key].tls.as_ref()?;
        tls.peer_info()?.client_cert.as_ref().map(|c| c.pem.clone())
    }

    /// Reads a TLS connection: advances its handshake, or decrypts one record.
    pub(super) fn read_tls(&mut self, key: usize, buf: &mut [u8]) -> ReadOutcome {
        loop {
            let Some(conn) = self.conns.get_mut(key) else { return ReadOutcome::Done };
            let Some(tls) = conn.tls.as_mut() else { return ReadOutcome::Done };
            if tls.is_handshaking() {
                // A handshake goes on even while paused (enable_delay_receive:
                // confirm() comes in onConnect, after it).
                return match tls.handshake() {
                    Ok(Handshake::Done) => {
                        let session = conn.info.session;
                        // Kept for getClientInfo() in onClose, after the session is gone.
                        conn.info.ssl_client_cert =
                            tls.peer_info().and_then(|p| p.client_cert.as_ref()).map(|c| c.pem.clone());
                        self.shared.table.set_handshaking(session, false);
                        self.update_tls_interest(key);
                        ReadOutcome::Connected { session }
                    }
                    Ok(Handshake::Pending) => {
                        self.update_tls_interest(key);
                        ReadOutcome::Done
                    }
                    Err(failure) => {
                        self.handshake_failed(key, &failure);
                        ReadOutcome::Done
                    }
                };
            }
            if conn.paused || conn.held || self.shared.table.is_paused(conn.info.session) {
                return ReadOutcome::Done;
            }
            match tls.read_into(buf) {
                TlsRead::Data(0) => return ReadOutcome::Done,
                // libssl may hold more decrypted bytes than the socket will
                // signal again: the caller reads on until WouldBlock.
                TlsRead::Data(n) => {
                    if let Some(out) = self.received(key, buf, n, true) {
                        return out;
                    }
                }
                TlsRead::WouldBlock => {
                    self.update_tls_interest(key);
                    return ReadOutcome::Done;
                }
                TlsRead::Eof => {
                    self.close_key(key, false, 0);
                    return ReadOutcome::Done;
                }
                TlsRead::Error(e) => {
                    crate::log::put_code(crate::log::LOG_NOTICE, e.code().0, &format!(
                        "connection #{} from {}:{} closed: {e}",
                        conn.info.session, conn.info.remote_ip, conn.info.remote_port
                    ));
                    self.close_key(key, false, 0);
                    return ReadOutcome::Done;
                }
            }
        }
    }

    /// Logs why a handshake failed and frees the connection: it never had
    /// an onConnect, so it gets no onClose.
    fn handshake_failed(&mut self, key: usize, failure: &HandshakeFailure) {
        let conn = &self.conns[key];
        crate::log::put_code(crate::log::LOG_WARNING, failure.code().0, &format!(
            "bad SSL client[{}:{}], connection #{}: {failure}",
            conn.info.remote_ip, conn.info.remote_port, conn.info.session
        ));
        self.drop_unannounced(key);
    }

    /// Frees connection `key` whose onConnect never ran (a handshake that
    /// failed or never finished): no onClose, the session id stays used.
    pub(super) fn drop_unannounced(&mut self, key: usize) {
        let Some(mut conn) = self.conns.try_remove(key) else { return };
        let _ = self.registry.deregister(&mut conn.stream);
        self.by_session.remove(&conn.info.session);
        self.shared.table.close(conn.info.session);
        let counters = self.shared.stats.counters();
        counters.close_count.fetch_add(1, ORD);
        counters.connection_num.fetch_sub(1, ORD);
    }

    /// Frees the connections whose handshake did not finish in time; how
    /// long until the next one is due (`None`: none is handshaking).
    pub(super) fn handshake_tick(&mut self) -> Option<std::time::Duration> {
        let now = std::time::Instant::now();
        while let Some(&(due, key, session)) = self.handshake_deadlines.front() {
            let pending = self.conns.get(key).is_some_and(|c| c.info.session == session && c.handshaking());
            if !pending {
                self.handshake_deadlines.pop_front();
                continue;
            }
            if due > now {
                return Some(due - now);
            }
            self.handshake_deadlines.pop_front();
            self.handshake_failed(key, &HandshakeFailure::TimedOut);
        }
        None
    }

    /// Encrypts what the session takes of `data` now: how many bytes.
    pub(super) fn send_tls(&mut self, key: usize, data: &[u8]) -> io::Result<usize> {
        let conn = &mut self.conns[key];
        let Some(tls) = conn.tls.as_mut() else { return Ok(0) };
        let mut written = 0;
        if conn.out.is_empty() {
            while written < data.len() {
                match tls.write(&data[written..]) {
                    WriteOutcome::Accepted(n) => written += n,
                    WriteOutcome::WouldBlock => break,
                    WriteOutcome::Error(e) => return Err(io::Error::other(e.to_string())),
                }
            }
        }
        self.update_tls_interest(key);
        Ok(written)
    }

    /// Writes a TLS connection's pending records, then its queue.
    pub(super) fn flush_tls(&mut self, key: usize) -> io::Result<()> {
        let conn = &mut self.conns[key];
        let Some(tls) = conn.tls.as_mut() else { return Ok(()) };
        match tls.flush() {
            Flush::Done => {}
            Flush::WouldBlock => return Ok(()),
            Flush::Error(e) => return Err(io::Error::other(e.to_string())),
        }
        if !tls.is_handshaking() {
            conn.out.write_to_sink(&mut TlsSink(tls))?;
        }
        Ok(())
    }

    /// Registers WRITABLE interest exactly while output is pending.
    pub(super) fn update_tls_interest(&mut self, key: usize) {
        let Some(conn) = self.conns.get_mut(key) else { return };
        let want = conn.output_pending();
        if want != conn.want_write {
            conn.want_write = want;
            let interest = if want { Interest::READABLE | Interest::WRITABLE } else { Interest::READABLE };
            let _ = self.registry.reregister(&mut conn.stream, Token(CONN_TOKEN_BASE + key), interest);
        }
    }
}

/// Sends `close_notify` on a session being closed, as far as the socket
/// takes it at once (the fd closes right after).
pub(super) fn close_session(conn: &mut Connection) {
    if let Some(tls) = conn.tls.as_mut() {
        let _ = tls.close_notify();
    }
}
