//! The write side of a reactor's connections: `send()`, `sendfile()`,
//! `sendwait()`, the output queue's watermarks (onBufferFull /
//! onBufferEmpty) and flushing on WRITABLE.

use super::{BufferEvent, Reactor, CONN_TOKEN_BASE};
use crate::error::ErrorCode;
use crate::session::SessionId;
use crate::stats::now_f64;
use mio::{Interest, Token};
use std::io::{self, Write};
use nix::poll::{PollFd, PollFlags, PollTimeout};
use std::os::fd::AsFd;

/// How long `sendwait()` sleeps at most between looks at its queue (ms).
const SEND_WAIT_POLL_MS: u16 = 1000;

impl Reactor {
    /// Queues `data` for `session`, writing at once what the kernel takes.
    pub fn send(&mut self, session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
        self.send_checked(session, data, true)
    }

    /// `send()` whose `socket_buffer_size` check was made by the sender (a
    /// PROCESS-mode worker): the data is queued whatever the queue's size,
    /// as Swoole's reactor does; only the sender's next send() fails.
    pub(super) fn send_checked(&mut self, session: SessionId, data: &[u8], check_limit: bool) -> Result<(), ErrorCode> {
        if data.is_empty() {
            return Err(ErrorCode::NO_PAYLOAD);
        }
        let key = self.output_key(session)?;
        let (limit, high, _) = self.buffer_limits;
        let conn = &mut self.conns[key];
        // The queue reached `socket_buffer_size`: sends fail (1009) until it
        // drains below it.
        if check_limit && conn.info.send_queued_bytes >= limit {
            crate::output::log_overflow(session);
            return Err(ErrorCode::OUTPUT_BUFFER_OVERFLOW);
        }
        let mut written = 0;
        if conn.tls.is_some() {
            match self.send_tls(key, data) {
                Ok(n) => written = n,
                Err(_) => {
                    self.close_key(key, false, 0);
                    return Err(ErrorCode::SESSION_CLOSED_BY_CLIENT);
                }
            }
        } else if conn.out.is_empty() {
            loop {
                match conn.stream.write(&data[written..]) {
                    Ok(n) => {
                        written += n;
                        if written == data.len() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.close_key(key, false, e.raw_os_error().unwrap_or(0));
                        return Err(ErrorCode::SESSION_CLOSED_BY_CLIENT);
                    }
                }
            }
        }
        let conn = &mut self.conns[key];
        if written < data.len() {
            // Appended even past the limit (Swoole): the *next* send fails.
            conn.out.push_bytes(&data[written..]);
            self.queued_more(key, high);
        }
        let conn = &mut self.conns[key];
        let now = now_f64();
        conn.info.last_send_time = now;
        self.shared.table.touch_send(session, now, conn.info.send_queued_bytes);
        self.count_sent(data.len() as u64);
        Ok(())
    }

    /// The key of `session` when output may be queued on it: open, not
    /// closing once its output is out, past its TLS handshake.
    fn output_key(&self, session: SessionId) -> Result<usize, ErrorCode> {
        let key = self.live_key(session)?;
        let conn = &self.conns[key];
        if conn.close_after_flush {
            return Err(ErrorCode::SESSION_CLOSED_BY_SERVER);
        }
        if conn.handshaking() {
            return Err(crate::tls::error::codes::SSL_NOT_READY);
        }
        Ok(key)
    }

    /// After output was queued on connection `key`: the queue's size,
    /// onBufferFull at the high mark, and WRITABLE interest.
    pub(super) fn queued_more(&mut self, key: usize, high: usize) {
        let conn = &mut self.conns[key];
        let queued = conn.out.queued();
        conn.info.send_queued_bytes = queued;
        if queued >= high && !conn.full {
            conn.full = true;
            self.buffer_events.push((conn.info.session, BufferEvent::Full));
        }
        if !conn.want_write {
            conn.want_write = true;
            let token = Token(CONN_TOKEN_BASE + key);
            let _ = self.registry.reregister(&mut conn.stream, token, Interest::READABLE | Interest::WRITABLE);
        }
    }

    /// `sendfile()`: queues `length` bytes of the file at `path` from
    /// `offset` (0: to its end), sent by the kernel as the socket takes them.
    /// Counted in no `stats()` figure: Swoole's `response_count` and
    /// `total_send_bytes` are `send()`'s alone.
    pub fn sendfile(&mut self, session: SessionId, path: &str, offset: u64, length: u64) -> Result<(), ErrorCode> {
        let key = self.output_key(session)?;
        let (file, len) = crate::output::open_file_range(path, offset, length)?;
        self.conns[key].out.push_file(file, offset, len);
        let (_, high, _) = self.buffer_limits;
        self.queued_more(key, high);
        self.flush(key);
        Ok(())
    }

    /// `sendwait()` (BASE): sends and waits until the kernel took every byte
    /// queued for `session`.
    pub fn send_wait(&mut self, session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
        self.send_checked(session, data, false)?;
        loop {
            let key = self.live_key(session)?;
            if !self.conns[key].output_pending() {
                return Ok(());
            }
            let mut pfd = [PollFd::new(self.conns[key].stream.as_fd(), PollFlags::POLLOUT)];
            let _ = nix::poll::poll(&mut pfd, PollTimeout::from(SEND_WAIT_POLL_MS));
            self.flush(key);
        }
    }

    /// Writes queued output of connection `key` (on WRITABLE).
    pub(crate) fn flush(&mut self, key: usize) {
        let Some(conn) = self.conns.get_mut(key) else { return };
        let written = if conn.tls.is_some() { self.flush_tls(key) } else { conn.out.write_to(&mut conn.stream).map(|_| ()) };
        if let Err(e) = written {
            self.close_key(key, false, e.raw_os_error().unwrap_or(0));
            return;
        }
        let conn = &mut self.conns[key];
        let queued = conn.out.queued();
        conn.info.send_queued_bytes = queued;
        self.shared.table.set_queued(conn.info.session, queued);
        let (_, _, low) = self.buffer_limits;
        if conn.full && queued <= low {
            conn.full = false;
            let session = conn.info.session;
            self.buffer_events.push((session, BufferEvent::Empty));
        }
        let conn = &mut self.conns[key];
        if !conn.output_pending() {
            if conn.close_after_flush {
                self.close_key(key, false, 0);
                return;
            }
            if conn.want_write {
                conn.want_write = false;
                let token = Token(CONN_TOKEN_BASE + key);
                let _ = self.registry.reregister(&mut conn.stream, token, Interest::READABLE);
            }
        }
    }
}
