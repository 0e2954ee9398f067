//! `SWOOLE_IPC_SOCKET`: a worker's side of the pool's listening socket.
//!
//! A client connects and sends one request: a 4-byte big-endian length, then
//! that many bytes. `onMessage` gets the bytes; what `write()` collected goes
//! back framed the same way (nothing when it collected nothing), and the
//! connection is closed: one request per connection, as in Swoole. A length
//! of 0 or above `max_package_size` closes the connection at once.
//!
//! Swoole's worker serves one connection at a time with blocking reads; this
//! one reads any number at once (check-then-parse over each connection's
//! buffer), so a slow client holds up nobody.

use crate::event_loop::Flow;
use crate::pool::{loop_add, loop_del, loop_mod};
use std::collections::HashMap;
use nix::errno::Errno;
use nix::sys::socket::{self, MsgFlags, SockFlag};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

pub use crate::tokens::POOL_LISTENER_TOKEN as LISTENER_TOKEN;
use crate::tokens::POOL_CONN_TOKEN_BASE as CONN_TOKEN_BASE;
/// The request's length prefix.
const HEADER: usize = 4;
/// Connections one readiness event accepts at most (the registration is
/// level-triggered: the rest come at the next turn).
const ACCEPT_BATCH: usize = 16;

/// One client connection.
struct Conn {
    fd: OwnedFd,
    /// What arrived so far (never more than the request).
    input: Vec<u8>,
    /// The framed answer, once the request was handled.
    output: Vec<u8>,
    /// How much of `output` went out.
    sent: usize,
}

/// What a connection's bytes say so far.
#[derive(Debug, PartialEq, Eq)]
enum Request {
    /// Read up to this many bytes in all.
    Want(usize),
    /// The whole request is in.
    Complete(usize),
    /// A length of 0 or above the limit.
    Invalid,
}

/// Check-then-parse: what `input` holds of a request.
fn parse(input: &[u8], max: usize) -> Request {
    if input.len() < HEADER {
        return Request::Want(HEADER);
    }
    let len = u32::from_be_bytes([input[0], input[1], input[2], input[3]]) as usize;
    if len == 0 || len > max {
        return Request::Invalid;
    }
    if input.len() < HEADER + len { Request::Want(HEADER + len) } else { Request::Complete(len) }
}

/// Handles one complete request (the bytes after the length prefix): the
/// worker's `onMessage`, with what its `write()` calls collected as the
/// answer (empty: none).
pub type Serve<'a> = dyn FnMut(&[u8]) -> (Flow, Vec<u8>) + 'a;

/// The worker's listening socket and connections.
pub struct SocketServer {
    /// The pool's listening socket (shared by every worker; not ours to close).
    listener: RawFd,
    /// Whether the listener is in the loop (not after stop).
    accepting: bool,
    /// The connections, by key.
    conns: HashMap<usize, Conn>,
    /// The next connection key.
    next: usize,
    /// The largest request (`max_package_size`).
    max: usize,
}

fn send_some(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    loop {
        // No SIGPIPE on a closed peer.
        match socket::send(fd, data, MsgFlags::MSG_NOSIGNAL | MsgFlags::MSG_DONTWAIT) {
            Ok(n) => return Ok(n),
            Err(Errno::EINTR) => continue,
            Err(Errno::EAGAIN) => return Ok(0),
            Err(e) => return Err(e.into()),
        }
    }
}

impl SocketServer {
    /// Puts the listening socket into this worker's loop.
    pub fn new(listener: RawFd, max: usize) -> io::Result<SocketServer> {
        loop_add(listener, LISTENER_TOKEN, false)?;
        Ok(SocketServer { listener, accepting: true, conns: HashMap::new(), next: 0, max })
    }

    /// Stops taking connections (they go to the other workers); the ones
    /// held are finished.
    pub fn stop_accepting(&mut self) {
        if std::mem::replace(&mut self.accepting, false) {
            loop_del(self.listener);
        }
    }

    /// No connection in progress.
    pub fn is_idle(&self) -> bool {
        self.conns.is_empty()
    }

    /// A readiness event for the listener or a connection.
    pub fn on_event(&mut self, token: mio::Token, event: &mio::event::Event, serve: &mut Serve<'_>) -> Flow {
        if token == LISTENER_TOKEN {
            if self.accepting {
                self.accept();
            }
            return Flow::Continue;
        }
        let Some(key) = token.0.checked_sub(CONN_TOKEN_BASE) else { return Flow::Continue };
        let Some(conn) = self.conns.get_mut(&key) else { return Flow::Continue };
        if !conn.output.is_empty() {
            if event.is_error() || event.is_write_closed() {
                self.close(key);
            } else {
                self.flush(key);
            }
            return Flow::Continue;
        }
        self.read(key, serve)
    }

    fn accept(&mut self) {
        for _ in 0..ACCEPT_BATCH {
            let raw = match socket::accept4(self.listener, SockFlag::SOCK_NONBLOCK | SockFlag::SOCK_CLOEXEC) {
                Ok(raw) => raw,
                // Another worker took it, or nothing is waiting.
                Err(Errno::EAGAIN | Errno::EINTR | Errno::ECONNABORTED) => return,
                Err(e) => {
                    crate::log::warning(&format!("accept() failed: {}", io::Error::from(e)));
                    return;
                }
            };
            // SAFETY: accept4 just made this descriptor, and nothing else
            // has its number: it is ours to own (nix's accept4 returns a
            // number, not an OwnedFd).
            let fd = unsafe { OwnedFd::from_raw_fd(raw) };
            let key = self.next;
            self.next += 1;
            if loop_add(fd.as_raw_fd(), mio::Token(CONN_TOKEN_BASE + key), false).is_ok() {
                self.conns.insert(key, Conn { fd, input: Vec::new(), output: Vec::new(), sent: 0 });
            }
        }
    }

    /// A complete request goes to `serve` and its answer out.
    fn read(&mut self, key: usize, serve: &mut Serve<'_>) -> Flow {
        let Some(len) = self.fill(key) else { return Flow::Continue };
        let Some(conn) = self.conns.get(&key) else { return Flow::Continue };
        let (flow, reply) = serve(&conn.input[HEADER..HEADER + len]);
        if flow == Flow::Abort {
            return Flow::Abort;
        }
        if reply.is_empty() {
            self.close(key);
            return Flow::Continue;
        }
        if let Some(conn) = self.conns.get_mut(&key) {
            conn.input = Vec::new();
            conn.output.reserve(HEADER + reply.len());
            conn.output.extend_from_slice(&(reply.len() as u32).to_be_bytes());
            conn.output.extend_from_slice(&reply);
        }
        self.flush(key);
        Flow::Continue
    }

    /// Reads what the request still lacks (never more): its length once it
    /// is complete; `None` while more must come or after closing it (EOF
    /// early, an error, a bad length).
    fn fill(&mut self, key: usize) -> Option<usize> {
        let max = self.max;
        let conn = self.conns.get_mut(&key)?;
        let close = loop {
            let want = match parse(&conn.input, max) {
                Request::Want(n) => n,
                Request::Complete(len) => return Some(len),
                Request::Invalid => break true,
            };
            let have = conn.input.len();
            conn.input.resize(want, 0);
            let got = socket::recv(conn.fd.as_raw_fd(), &mut conn.input[have..], MsgFlags::empty());
            if let Ok(n @ 1..) = got {
                conn.input.truncate(have + n);
                continue;
            }
            conn.input.truncate(have);
            break !matches!(got, Err(Errno::EAGAIN | Errno::EINTR));
        };
        if close {
            self.close(key);
        }
        None
    }

    /// Sends what the answer still has; closes when it is all out.
    fn flush(&mut self, key: usize) {
        let Some(conn) = self.conns.get_mut(&key) else { return };
        match send_some(conn.fd.as_raw_fd(), &conn.output[conn.sent..]) {
            Ok(n) => conn.sent += n,
            Err(_) => {
                self.close(key);
                return;
            }
        }
        if conn.sent == conn.output.len() {
            self.close(key);
        } else {
            let _ = loop_mod(conn.fd.as_raw_fd(), mio::Token(CONN_TOKEN_BASE + key), true);
        }
    }

    fn close(&mut self, key: usize) {
        if let Some(conn) = self.conns.remove(&key) {
            loop_del(conn.fd.as_raw_fd());
        }
    }
}

impl Drop for SocketServer {
    fn drop(&mut self) {
        self.stop_accepting();
        let keys: Vec<usize> = self.conns.keys().copied().collect();
        for k in keys {
            self.close(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_checked_before_they_are_parsed() {
        assert_eq!(parse(b"", 10), Request::Want(4));
        assert_eq!(parse(b"\0\0", 10), Request::Want(4));
        assert_eq!(parse(b"\0\0\0\x03ab", 10), Request::Want(7));
        assert_eq!(parse(b"\0\0\0\x03abc", 10), Request::Complete(3));
        assert_eq!(parse(b"\0\0\0\0", 10), Request::Invalid, "empty request");
        assert_eq!(parse(b"\0\0\0\x0b", 10), Request::Invalid, "over the limit");
    }
}
