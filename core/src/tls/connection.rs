//! One TLS session over a non-blocking socket: the state machine the
//! server's edge-triggered loops (and the client) drive.
//!
//! The fd stays the caller's: it registers it, closes it, and calls in on
//! readiness. Every call does what the socket allows and says what it waits
//! for; [`TlsConnection::interest`] says which readiness matters now
//! (writable only while encrypted output is pending).
//!
//! With an edge-triggered loop, keep calling [`TlsConnection::read_into`]
//! until it returns `WouldBlock` (libssl may hold decrypted bytes the
//! socket will not signal again) — including right after the handshake is
//! done, since a client's first data often arrives with its last handshake
//! message.

use super::failure::{HandshakeFailure, SessionError, is_unexpected_eof};
use super::io::FdIo;
use super::peer::{PeerCert, PeerInfo};
use nix::errno::Errno;
use openssl::ssl::{self, Ssl, SslRef, SslStream};
use openssl::x509::X509VerifyResult;
use std::fs::File;
use std::os::fd::RawFd;
use std::os::unix::fs::FileExt;

/// Plaintext one [`TlsConnection::write`] call encrypts at most: what can
/// be pending for the socket stays bounded (four full records).
pub const MAX_WRITE: usize = 64 * 1024;

/// File bytes one [`TlsConnection::write_file`] call reads and encrypts
/// (Swoole's `SW_BUFFER_SIZE_BIG`).
pub const FILE_CHUNK: usize = 64 * 1024;

/// Where a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsState {
    /// The handshake is under way: call [`TlsConnection::handshake`].
    Handshaking,
    /// Application data flows.
    Established,
    /// `close_notify` is queued; flush until closed.
    ShuttingDown,
    /// Nothing more to do: close the fd. libssl's state is freed.
    Closed,
}

/// The readiness a session waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interest {
    /// Readable: the peer's bytes are awaited.
    pub read: bool,
    /// Writable: encrypted bytes are pending for the socket.
    pub write: bool,
}

/// Progress of the handshake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handshake {
    /// Done: the session is established ([`TlsConnection::peer_info`]).
    Done,
    /// Waiting for the socket ([`TlsConnection::interest`] says how).
    Pending,
}

/// What [`TlsConnection::read_into`] got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOutcome {
    /// Plaintext bytes, at the start of the buffer.
    Data(usize),
    /// Nothing until the socket is readable again.
    WouldBlock,
    /// The peer closed the session (with `close_notify` or without).
    Eof,
    /// The session is broken (its libssl state is freed).
    Error(SessionError),
}

/// What [`TlsConnection::write`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    /// This many plaintext bytes were taken (encrypted, sent or pending).
    Accepted(usize),
    /// Nothing was taken: pending output must drain first; wait for writable.
    WouldBlock,
    /// The session is broken (its libssl state is freed).
    Error(SessionError),
}

/// What [`TlsConnection::flush`] and [`TlsConnection::close_notify`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flush {
    /// Nothing is pending (after `close_notify`: the session is closed).
    Done,
    /// Bytes are pending: wait for writable, then flush again.
    WouldBlock,
    /// The socket failed (the session is closed).
    Error(SessionError),
}

/// Which side of the handshake this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Server,
    Client,
}

/// What the server context decided about client certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ClientCertPolicy {
    /// A certificate is asked for and reported (`ssl_client_cert_file`).
    pub(crate) capture: bool,
    /// It must verify (`ssl_verify_peer`): a session that exists passed.
    pub(crate) required: bool,
}

/// A TLS session on a socket fd.
#[derive(Debug)]
pub struct TlsConnection {
    /// libssl's session over the fd; `None` once closed or failed, so that a
    /// dead session holds no memory even if the caller keeps this around.
    stream: Option<SslStream<FdIo>>,
    /// Where the session is.
    state: TlsState,
    /// Server or client side.
    role: Role,
    /// The server's client-certificate policy (server side).
    policy: ClientCertPolicy,
    /// The session, once the handshake is done.
    peer: Option<PeerInfo>,
    /// The peer is gone without `close_notify` (EOF or error): no
    /// `close_notify` is sent to it.
    peer_gone: bool,
    /// The buffer file bytes are read into before encryption.
    file_buf: Vec<u8>,
}

impl TlsConnection {
    /// A session about to handshake over `io` as `role`.
    pub(crate) fn new(mut ssl: Ssl, io: FdIo, role: Role, policy: ClientCertPolicy) -> Result<Self, ssl::Error> {
        match role {
            Role::Server => ssl.set_accept_state(),
            Role::Client => ssl.set_connect_state(),
        }
        let stream = SslStream::new(ssl, io).map_err(ssl::Error::from)?;
        Ok(TlsConnection {
            stream: Some(stream),
            state: TlsState::Handshaking,
            role,
            policy,
            peer: None,
            peer_gone: false,
            file_buf: Vec::new(),
        })
    }

    pub fn state(&self) -> TlsState {
        self.state
    }

    /// Whether the handshake is still under way: the server's handshake
    /// timeout applies.
    pub fn is_handshaking(&self) -> bool {
        self.state == TlsState::Handshaking
    }

    /// The socket fd (not owned).
    pub fn fd(&self) -> Option<RawFd> {
        self.stream.as_ref().map(|s| s.get_ref().fd())
    }

    /// Encrypted bytes waiting for the socket.
    pub fn pending_output(&self) -> usize {
        self.stream.as_ref().map_or(0, |s| s.get_ref().pending())
    }

    /// The readiness the session waits for now.
    pub fn interest(&self) -> Interest {
        match self.state {
            TlsState::Closed => Interest { read: false, write: false },
            TlsState::ShuttingDown => Interest { read: false, write: true },
            _ => Interest { read: true, write: self.pending_output() > 0 },
        }
    }

    /// The session's protocol, cipher and peer certificate, once established.
    pub fn peer_info(&self) -> Option<&PeerInfo> {
        self.peer.as_ref()
    }

    /// The peer's certificate as PEM (`getPeerCert()`), whatever the policy.
    pub fn peer_certificate_pem(&self) -> Option<String> {
        let cert = self.ssl()?.peer_certificate()?;
        PeerCert::of(&cert, false).map(|c| c.pem)
    }

    /// libssl's verdict on the peer's chain.
    pub(crate) fn verify_result(&self) -> Option<X509VerifyResult> {
        self.ssl().map(|s| s.verify_result())
    }

    pub(crate) fn ssl(&self) -> Option<&SslRef> {
        self.stream.as_ref().map(|s| s.ssl())
    }

    /// Hands libssl `bytes` of the peer's already read from the socket (what
    /// followed a PROXY header), before anything the socket gives next.
    pub fn prepend_input(&mut self, bytes: Vec<u8>) {
        if let Some(stream) = self.stream.as_mut().filter(|_| !bytes.is_empty()) {
            stream.get_mut().prepend(bytes);
        }
    }

    /// Advances the handshake. On failure everything is freed at once and the
    /// state is `Closed`: close the fd and log the reason.
    pub fn handshake(&mut self) -> Result<Handshake, HandshakeFailure> {
        let Some(stream) = self.stream.as_mut().filter(|_| self.state == TlsState::Handshaking) else {
            return match self.state {
                TlsState::Closed => Err(HandshakeFailure::PeerClosed),
                _ => Ok(Handshake::Done),
            };
        };
        clear_errors();
        match stream.do_handshake() {
            Ok(()) => {
                self.state = TlsState::Established;
                let client_cert = client_cert(self.role, self.policy, stream.ssl());
                self.peer = Some(PeerInfo::of(stream.ssl(), client_cert));
                // Session tickets (TLS 1.3) are queued now; what the socket
                // does not take waits for writable.
                if let Err(e) = stream.get_mut().flush_pending() {
                    return Err(self.fail(HandshakeFailure::Socket(e)));
                }
                Ok(Handshake::Done)
            }
            Err(e) if e.code() == ssl::ErrorCode::WANT_READ || e.code() == ssl::ErrorCode::WANT_WRITE => {
                match stream.get_mut().flush_pending() {
                    Ok(_) => Ok(Handshake::Pending),
                    Err(e) => Err(self.fail(HandshakeFailure::Socket(e))),
                }
            }
            Err(e) => {
                let failure = HandshakeFailure::classify(&e, stream.get_ref(), stream.ssl());
                Err(self.fail(failure))
            }
        }
    }

    /// Frees libssl's state and returns `failure`.
    fn fail<E>(&mut self, failure: E) -> E {
        self.stream = None;
        self.state = TlsState::Closed;
        failure
    }

    /// Reads plaintext into `buf`.
    pub fn read_into(&mut self, buf: &mut [u8]) -> ReadOutcome {
        let Some(stream) = self.stream.as_mut().filter(|_| self.state == TlsState::Established) else {
            return ReadOutcome::Error(SessionError::NotEstablished);
        };
        if buf.is_empty() {
            return ReadOutcome::Data(0);
        }
        clear_errors();
        let outcome = match stream.ssl_read(buf) {
            Ok(n) => ReadOutcome::Data(n),
            Err(e) if e.code() == ssl::ErrorCode::WANT_READ || e.code() == ssl::ErrorCode::WANT_WRITE => {
                ReadOutcome::WouldBlock
            }
            Err(e) if e.code() == ssl::ErrorCode::ZERO_RETURN => ReadOutcome::Eof,
            Err(e) if is_unexpected_eof(&e, stream.get_ref()) => {
                self.peer_gone = true;
                ReadOutcome::Eof
            }
            Err(e) => {
                let error = SessionError::classify(&e, stream.get_ref());
                return ReadOutcome::Error(self.fail(error));
            }
        };
        // A read may queue bytes of its own (a TLS 1.3 key update answer).
        if stream.get_ref().pending() > 0 && stream.get_mut().flush_pending().is_err() {
            self.peer_gone = true;
        }
        outcome
    }

    /// Encrypts up to [`MAX_WRITE`] bytes of `data`.
    pub fn write(&mut self, data: &[u8]) -> WriteOutcome {
        let Some(stream) = self.stream.as_mut().filter(|_| self.state == TlsState::Established) else {
            return WriteOutcome::Error(SessionError::NotEstablished);
        };
        match stream.get_mut().flush_pending() {
            Ok(true) => {}
            Ok(false) => return WriteOutcome::WouldBlock,
            Err(e) => return WriteOutcome::Error(self.fail(SessionError::Socket(e))),
        }
        if data.is_empty() {
            return WriteOutcome::Accepted(0);
        }
        let chunk = &data[..data.len().min(MAX_WRITE)];
        clear_errors();
        match stream.ssl_write(chunk) {
            Ok(n) => WriteOutcome::Accepted(n),
            Err(e) if e.code() == ssl::ErrorCode::WANT_READ || e.code() == ssl::ErrorCode::WANT_WRITE => {
                WriteOutcome::WouldBlock
            }
            Err(e) => {
                let error = SessionError::classify(&e, stream.get_ref());
                WriteOutcome::Error(self.fail(error))
            }
        }
    }

    /// `sendfile()` over TLS: reads up to [`FILE_CHUNK`] bytes of `file` at
    /// `offset` (at most `len`) and encrypts them. `Accepted(n)`: `n` file
    /// bytes are done; `Accepted(0)` with `len > 0`: the file ended early.
    pub fn write_file(&mut self, file: &File, offset: u64, len: u64) -> WriteOutcome {
        if self.state != TlsState::Established {
            return WriteOutcome::Error(SessionError::NotEstablished);
        }
        if self.pending_output() > 0 {
            match self.flush() {
                Flush::Done => {}
                Flush::WouldBlock => return WriteOutcome::WouldBlock,
                Flush::Error(e) => return WriteOutcome::Error(e),
            }
        }
        let want = len.min(FILE_CHUNK as u64) as usize;
        let mut buf = std::mem::take(&mut self.file_buf);
        buf.resize(want, 0);
        let outcome = match read_full_at(file, &mut buf, offset) {
            Ok(0) => WriteOutcome::Accepted(0),
            Ok(n) => self.write(&buf[..n]),
            Err(e) => WriteOutcome::Error(self.fail(SessionError::Socket(e))),
        };
        self.file_buf = buf;
        outcome
    }

    /// Writes pending encrypted bytes.
    pub fn flush(&mut self) -> Flush {
        let Some(stream) = self.stream.as_mut() else { return Flush::Done };
        match stream.get_mut().flush_pending() {
            Ok(true) if self.state == TlsState::ShuttingDown => {
                self.fail(());
                Flush::Done
            }
            Ok(true) => Flush::Done,
            Ok(false) => Flush::WouldBlock,
            Err(e) => Flush::Error(self.fail(SessionError::Socket(e))),
        }
    }

    /// Closes the session: queues `close_notify` (unless the handshake is not
    /// done or the peer is gone) and flushes. `Done`: close the fd now;
    /// `WouldBlock`: flush on writable until `Done` (or give up and close).
    pub fn close_notify(&mut self) -> Flush {
        match self.state {
            TlsState::Closed => return Flush::Done,
            TlsState::ShuttingDown => return self.flush(),
            TlsState::Handshaking => {
                self.fail(());
                return Flush::Done;
            }
            TlsState::Established if self.peer_gone => {
                self.fail(());
                return Flush::Done;
            }
            TlsState::Established => {}
        }
        if let Some(stream) = self.stream.as_mut() {
            clear_errors();
            // An error here (the peer is gone) only means nothing is sent.
            let _ = stream.shutdown();
        }
        self.state = TlsState::ShuttingDown;
        self.flush()
    }
}

/// Empties this thread's libssl error queue: `SSL_get_error` reads it, and
/// a stale entry left by anything else would pass for this session's error.
fn clear_errors() {
    let _ = openssl::error::ErrorStack::get();
}

/// The client certificate a server reports, as its policy says.
fn client_cert(role: Role, policy: ClientCertPolicy, ssl: &SslRef) -> Option<PeerCert> {
    if role != Role::Server || !policy.capture {
        return None;
    }
    let verified = policy.required || ssl.verify_result() == X509VerifyResult::OK;
    let cert = ssl.peer_certificate()?;
    PeerCert::of(&cert, verified)
}

/// Reads `buf.len()` bytes of `file` at `offset`, or fewer at its end.
fn read_full_at(file: &File, buf: &mut [u8], offset: u64) -> Result<usize, Errno> {
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))),
        }
    }
    Ok(done)
}
