//! The byte pipe under libssl: a non-blocking socket fd, plus the encrypted
//! bytes the socket did not take yet.
//!
//! libssl never sees a blocked write: what the kernel refuses is kept here
//! and flushed when the socket is writable again, so a record is never
//! half-written from libssl's point of view and `SSL_write` never has to be
//! retried with the same buffer. Writes to it are bounded by the caller
//! ([`super::connection::MAX_WRITE`] of plaintext per call), so the pending
//! bytes are too.

use nix::errno::Errno;
use nix::sys::socket::{MsgFlags, recv, send};
use std::io::{self, Read, Write};
use std::os::fd::RawFd;

/// The first byte of every TLS record a client opens with (a handshake record).
const TLS_HANDSHAKE_RECORD: u8 = 0x16;

/// A socket fd (not owned: the server closes it) seen as a byte stream.
#[derive(Debug)]
pub(crate) struct FdIo {
    /// The connection's socket, non-blocking.
    fd: RawFd,
    /// Encrypted bytes libssl wrote that the socket has not taken yet.
    pending: Vec<u8>,
    /// Server side, before the first byte: check that the peer speaks TLS.
    check_first_byte: bool,
    /// The first bytes of a peer that does not speak TLS.
    pub(crate) not_tls: Option<Vec<u8>>,
    /// The peer closed its side (a read returned 0).
    pub(crate) eof: bool,
    /// The last hard socket error, for the failure report.
    pub(crate) error: Option<Errno>,
    /// Bytes of the peer read from the socket before the session began (what
    /// followed a PROXY header in the same read), handed to libssl first.
    early: Vec<u8>,
}

impl FdIo {
    /// The pipe of a connection accepted on a TLS port.
    pub(crate) fn server(fd: RawFd) -> FdIo {
        FdIo { fd, pending: Vec::new(), check_first_byte: true, not_tls: None, eof: false, error: None, early: Vec::new() }
    }

    /// The pipe of a client connection.
    pub(crate) fn client(fd: RawFd) -> FdIo {
        FdIo { check_first_byte: false, ..FdIo::server(fd) }
    }

    /// Puts `bytes` (already read from the socket) before what the socket
    /// gives next.
    pub(crate) fn prepend(&mut self, bytes: Vec<u8>) {
        if self.early.is_empty() {
            self.early = bytes;
        } else {
            self.early.splice(0..0, bytes);
        }
    }

    /// Fills `buf` from the socket, or from [`FdIo::early`] first.
    fn recv_some(&mut self, buf: &mut [u8]) -> Result<usize, Errno> {
        if self.early.is_empty() {
            return recv(self.fd, buf, MsgFlags::empty());
        }
        let n = self.early.len().min(buf.len());
        buf[..n].copy_from_slice(&self.early[..n]);
        self.early.drain(..n);
        Ok(n)
    }

    pub(crate) fn fd(&self) -> RawFd {
        self.fd
    }

    /// Bytes waiting for the socket.
    pub(crate) fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Writes pending bytes: `Ok(true)` when none are left, `Ok(false)` when
    /// the socket is full.
    pub(crate) fn flush_pending(&mut self) -> Result<bool, Errno> {
        let mut written = 0;
        let result = loop {
            if written == self.pending.len() {
                break Ok(true);
            }
            match send(self.fd, &self.pending[written..], MsgFlags::MSG_NOSIGNAL) {
                Ok(n) => written += n,
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => break Ok(false),
                Err(e) => {
                    self.error = Some(e);
                    break Err(e);
                }
            }
        };
        self.pending.drain(..written);
        if self.pending.is_empty() && self.pending.capacity() > RETAINED {
            self.pending = Vec::new();
        }
        result
    }
}

/// Capacity the pending buffer keeps once empty (a handshake flight, or a
/// few records); anything larger is given back.
const RETAINED: usize = 64 * 1024;

impl Read for FdIo {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.recv_some(buf) {
                Ok(0) if buf.is_empty() => return Ok(0),
                Ok(0) => {
                    self.eof = true;
                    return Ok(0);
                }
                Ok(n) => {
                    if std::mem::take(&mut self.check_first_byte) && buf[0] != TLS_HANDSHAKE_RECORD {
                        self.not_tls = Some(buf[..n.min(16)].to_vec());
                        return Err(io::Error::new(io::ErrorKind::InvalidData, "not a TLS record"));
                    }
                    return Ok(n);
                }
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => return Err(io::ErrorKind::WouldBlock.into()),
                Err(e) => {
                    self.error = Some(e);
                    return Err(e.into());
                }
            }
        }
    }
}

impl Write for FdIo {
    /// Takes all of `buf`: what the socket refuses waits in `pending`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut written = 0;
        if self.pending.is_empty() {
            while written < buf.len() {
                match send(self.fd, &buf[written..], MsgFlags::MSG_NOSIGNAL) {
                    Ok(n) => written += n,
                    Err(Errno::EINTR) => {}
                    Err(Errno::EAGAIN) => break,
                    Err(e) => {
                        self.error = Some(e);
                        return Err(e.into());
                    }
                }
            }
        }
        self.pending.extend_from_slice(&buf[written..]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use std::os::unix::net::UnixStream;

    #[test]
    fn bytes_read_before_the_session_come_first_and_are_checked_as_tls() {
        let (ours, mut peer) = UnixStream::pair().unwrap();
        let mut io = FdIo::server(ours.as_raw_fd());
        io.prepend(vec![TLS_HANDSHAKE_RECORD, 1, 2]);
        peer.write_all(b"after").unwrap();
        let mut buf = [0u8; 2];
        assert_eq!(io.read(&mut buf).unwrap(), 2);
        assert_eq!(buf, [TLS_HANDSHAKE_RECORD, 1]);
        let mut buf = [0u8; 16];
        assert_eq!(io.read(&mut buf).unwrap(), 1);
        assert_eq!(buf[0], 2);
        let n = io.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"after");

        let (ours, _peer) = UnixStream::pair().unwrap();
        let mut io = FdIo::server(ours.as_raw_fd());
        io.prepend(b"GET / HTTP/1.1\r\n".to_vec());
        assert!(io.read(&mut buf).is_err(), "plain text after a PROXY header is no TLS");
        assert_eq!(io.not_tls.as_deref(), Some(&b"GET / HTTP/1.1\r\n"[..]));
    }
}
