//! A [`Client`] over TLS (`SWOOLE_SSL`, `enableSSL()`): the handshake on the
//! connected socket, then every send, receive and `sendfile()` through the
//! session, within the client's timeout.

use super::Client;
use crate::tls::{ClientError, TlsConnector, VerifyFailure};
use std::io;
use std::time::Duration;

/// How long closing waits for the socket to take `close_notify`.
const CLOSE_NOTIFY_WAIT: Duration = Duration::from_millis(100);
/// File bytes read and encrypted per step of a `sendfile()` over TLS.
const FILE_STEP: usize = 64 * 1024;

/// A TLS failure as the `io::Error` the PHP layer reports: the OS error of
/// the socket, `EAGAIN` for a timeout (as a plain socket's), otherwise
/// `ECONNRESET` (the session cannot go on).
fn io_error(e: ClientError) -> io::Error {
    use crate::tls::SessionError;
    match e {
        ClientError::TimedOut => io::Error::from_raw_os_error(libc::EAGAIN),
        ClientError::Socket(errno) | ClientError::Session(SessionError::Socket(errno)) => {
            io::Error::from_raw_os_error(errno as i32)
        }
        _ => io::Error::from_raw_os_error(libc::ECONNRESET),
    }
}

impl Client {
    /// Handshakes over the connected stream within the client's timeout.
    /// On failure the session is gone and the client stays plaintext.
    pub fn start_tls(&mut self, connector: &TlsConnector) -> Result<(), ClientError> {
        if self.is_datagram() {
            return Err(ClientError::Socket(nix::errno::Errno::EPROTONOSUPPORT));
        }
        let timeout = self.timeout.unwrap_or(super::DEFAULT_TIMEOUT);
        let session = connector.connect(self.fd(), timeout)?;
        self.tls = Some(Box::new(session));
        Ok(())
    }

    /// Whether bytes go through a TLS session.
    pub fn is_tls(&self) -> bool {
        self.tls.is_some()
    }

    /// `getPeerCert()`: the server's certificate (PEM).
    pub fn peer_cert(&self) -> Option<String> {
        self.tls.as_ref()?.peer_cert()
    }

    /// `verifyPeerCert()`; `None` without a TLS session.
    pub fn verify_peer_cert(&self, allow_self_signed: bool) -> Option<Result<(), VerifyFailure>> {
        Some(self.tls.as_ref()?.verify_peer_cert(allow_self_signed))
    }

    pub(super) fn send_tls(&mut self, data: &[u8]) -> io::Result<usize> {
        let timeout = self.timeout;
        let tls = self.tls.as_mut().expect("send_tls on a TLS client");
        tls.send_all(data, timeout).map_err(io_error)
    }

    /// `sendfile()` over TLS: the file is read and encrypted in steps.
    pub(super) fn send_file_tls(&mut self, file: &std::fs::File, offset: u64, end: u64) -> io::Result<u64> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0u8; FILE_STEP];
        let mut at = offset;
        while at < end {
            let want = ((end - at) as usize).min(FILE_STEP);
            let n = file.read_at(&mut buf[..want], at)?;
            if n == 0 {
                break;
            }
            self.send_tls(&buf[..n])?;
            at += n as u64;
        }
        Ok(at - offset)
    }

    /// One read of plaintext; a peek keeps what it read for the next recv().
    pub(super) fn read_tls(&mut self, buf: &mut [u8], peek: bool) -> io::Result<usize> {
        let timeout = self.timeout;
        let tls = self.tls.as_mut().expect("read_tls on a TLS client");
        let n = tls.recv(buf, timeout).map_err(io_error)?;
        if peek {
            self.buffer.extend_from_slice(&buf[..n]);
        }
        Ok(n)
    }

    /// Sends `close_notify` (briefly) before the socket closes.
    pub(super) fn close_tls(&mut self) {
        if let Some(mut tls) = self.tls.take() {
            tls.close(CLOSE_NOTIFY_WAIT);
        }
    }
}
