//! The client side, for `Swoole\Client` (`SWOOLE_SSL`, `enableSSL()`): a
//! connector built from the client's `ssl_*` settings, a handshake with a
//! timeout over a connected socket, and blocking send/recv over the session.

use super::connection::{ClientCertPolicy, Flush, Handshake, ReadOutcome, Role, TlsConnection, WriteOutcome};
use super::context::{accept, new_builder, set_ciphers, use_certificate};
use super::error::{TlsError, library, reason};
use super::failure::{HandshakeFailure, SessionError};
use super::io::FdIo;
use super::{pem, protocols};
use nix::errno::Errno;
use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use openssl::ssl::{Ssl, SslContext, SslMethod, SslVerifyMode};
use openssl::x509::{X509Ref, X509VerifyResult};
use std::fmt;
use std::net::IpAddr;
use std::os::fd::RawFd;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// `X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT`.
const SELF_SIGNED: i32 = 18;

/// A client's TLS settings (`Swoole\Client::set()`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientTlsSettings {
    /// `ssl_host_name`: the name sent as SNI and, with `ssl_verify_peer`, the
    /// name the server's certificate must carry. Swoole sends no SNI without it.
    pub host_name: Option<String>,
    /// `ssl_verify_peer`: the handshake fails unless the server's
    /// certificate verifies (against `ssl_cafile`/`ssl_capath`, else the
    /// system's CAs) and carries `ssl_host_name`.
    pub verify_peer: bool,
    /// `ssl_allow_self_signed`: a self-signed server certificate passes.
    pub allow_self_signed: bool,
    /// `ssl_cafile`: PEM file of trusted CAs.
    pub cafile: Option<PathBuf>,
    /// `ssl_capath`: directory of hashed CA files (`c_rehash`).
    pub capath: Option<PathBuf>,
    /// `ssl_cert_file`: the client certificate, for servers that ask.
    pub cert_file: Option<PathBuf>,
    /// `ssl_key_file`: its private key.
    pub key_file: Option<PathBuf>,
    /// `ssl_passphrase`: decrypts `ssl_key_file`.
    pub passphrase: Option<String>,
    /// `ssl_protocols` (`SWOOLE_SSL_*` mask; 0: all).
    pub protocols: i64,
    /// `ssl_ciphers` (empty: libssl's default).
    pub ciphers: String,
    /// `ssl_verify_depth` (0: libssl's default).
    pub verify_depth: u32,
}

/// A client context, built once per client from its settings.
pub struct TlsConnector {
    /// The context every session starts from.
    ctx: SslContext,
    /// The settings it was built from (host name, verification).
    settings: ClientTlsSettings,
}

/// Why a client handshake or session failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// The handshake failed (the server's certificate did not verify, ...).
    Handshake(HandshakeFailure),
    /// The established session failed.
    Session(SessionError),
    /// The socket could not be used (`fcntl`, `poll`).
    Socket(Errno),
    /// A send or receive did not finish in time.
    TimedOut,
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Handshake(e) => e.fmt(f),
            ClientError::Session(e) => e.fmt(f),
            ClientError::Socket(e) => write!(f, "socket error: {}", e.desc()),
            ClientError::TimedOut => write!(f, "the TLS session timed out"),
        }
    }
}

impl std::error::Error for ClientError {}

impl ClientError {
    /// Swoole's error code (`errCode`).
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            ClientError::Handshake(e) => e.code(),
            ClientError::Session(e) => e.code(),
            ClientError::Socket(e) => crate::ErrorCode(*e as i32),
            ClientError::TimedOut => crate::ErrorCode(libc::ETIMEDOUT),
        }
    }
}

/// Why `verifyPeerCert()` says no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyFailure {
    /// libssl's `X509_V_ERR_*` code (0 for a host name mismatch).
    pub code: i32,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for VerifyFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the server's certificate does not verify: {}", self.reason)
    }
}

impl TlsConnector {
    /// Builds the context of `settings`, reading the files it names.
    pub fn new(settings: ClientTlsSettings) -> Result<TlsConnector, TlsError> {
        let range = protocols::parse_client(settings.protocols)?;
        let mut builder = new_builder(SslMethod::tls_client(), range)?;
        set_ciphers(&mut builder, &settings.ciphers)?;
        if let Some(cafile) = &settings.cafile {
            for ca in pem::certificates("ssl_cafile", cafile)? {
                builder.cert_store_mut().add_cert(ca).map_err(library("X509_STORE_add_cert"))?;
            }
        }
        if let Some(capath) = &settings.capath {
            check_dir("ssl_capath", capath)?;
            builder.load_verify_locations(None, Some(capath)).map_err(|stack| {
                super::error::bad_file("ssl_capath", capath, "a directory of CA certificates", reason(&stack))
            })?;
        }
        if settings.cafile.is_none() && settings.capath.is_none() {
            builder.set_default_verify_paths().map_err(library("SSL_CTX_set_default_verify_paths"))?;
        }
        match (&settings.cert_file, &settings.key_file) {
            (Some(cert), Some(key)) => {
                use_certificate(&mut builder, cert, key, settings.passphrase.as_deref())?;
            }
            (None, None) => {}
            (cert, _) => {
                let setting = if cert.is_none() { "ssl_cert_file" } else { "ssl_key_file" };
                let why = "a client certificate needs both ssl_cert_file and ssl_key_file";
                return Err(TlsError::Missing { setting, why });
            }
        }
        if settings.verify_depth > 0 {
            builder.set_verify_depth(settings.verify_depth);
        }
        let allow_self_signed = settings.allow_self_signed;
        if settings.verify_peer {
            builder.set_verify_callback(SslVerifyMode::PEER, move |ok, chain| accept(ok, chain, allow_self_signed));
        } else {
            // The chain is still checked (verifyPeerCert() reads the verdict).
            builder.set_verify(SslVerifyMode::NONE);
        }
        Ok(TlsConnector { ctx: builder.build(), settings })
    }

    /// A session on the connected, non-blocking socket `fd`, for a caller
    /// that drives it from its own event loop.
    pub fn start(&self, fd: RawFd) -> Result<TlsConnection, TlsError> {
        let mut ssl = Ssl::new(&self.ctx).map_err(library("SSL_new"))?;
        let host = self.settings.host_name.as_deref().filter(|h| !h.is_empty());
        // SNI carries names only, never an address (RFC 6066).
        if let Some(name) = host.filter(|h| h.parse::<IpAddr>().is_err()) {
            ssl.set_hostname(name).map_err(library("SSL_set_tlsext_host_name"))?;
        }
        if let (true, Some(host)) = (self.settings.verify_peer, host) {
            let param = ssl.param_mut();
            match host.parse::<IpAddr>() {
                Ok(ip) => param.set_ip(ip),
                Err(_) => param.set_host(host),
            }
            .map_err(library("X509_VERIFY_PARAM_set1_host"))?;
        }
        TlsConnection::new(ssl, FdIo::client(fd), Role::Client, ClientCertPolicy::default())
            .map_err(|e| TlsError::Library { what: "SSL_set_bio", reason: e.to_string() })
    }

    /// Handshakes over the connected socket `fd` within `timeout`. The fd is
    /// made non-blocking and stays so: the session's calls wait with poll.
    pub fn connect(&self, fd: RawFd, timeout: Duration) -> Result<TlsClient, ClientError> {
        set_nonblocking(fd).map_err(ClientError::Socket)?;
        let mut conn = self.start(fd).map_err(|e| {
            ClientError::Handshake(HandshakeFailure::Protocol { reason: e.to_string() })
        })?;
        let deadline = Instant::now() + timeout;
        loop {
            match conn.handshake().map_err(ClientError::Handshake)? {
                Handshake::Done => break,
                Handshake::Pending => {
                    let interest = conn.interest();
                    if !wait(fd, interest.read, interest.write, Some(deadline)).map_err(ClientError::Socket)? {
                        conn.close_notify();
                        return Err(ClientError::Handshake(HandshakeFailure::TimedOut));
                    }
                }
            }
        }
        Ok(TlsClient { conn, fd, host_name: self.settings.host_name.clone() })
    }
}

/// Whether the directory `setting` names can be used.
fn check_dir(setting: &'static str, path: &std::path::Path) -> Result<(), TlsError> {
    match std::fs::read_dir(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(TlsError::FileNotFound { setting, path: path.to_path_buf() })
        }
        Err(e) => Err(TlsError::FileUnreadable { setting, path: path.to_path_buf(), reason: e.to_string() }),
    }
}

/// An established client session over a connected socket.
pub struct TlsClient {
    /// The session.
    conn: TlsConnection,
    /// Its socket (the caller's).
    fd: RawFd,
    /// `ssl_host_name`, checked by `verify_peer_cert()`.
    host_name: Option<String>,
}

impl TlsClient {
    /// The session's protocol and cipher.
    pub fn peer_info(&self) -> Option<&super::peer::PeerInfo> {
        self.conn.peer_info()
    }

    /// `getPeerCert()`: the server's certificate, PEM.
    pub fn peer_cert(&self) -> Option<String> {
        self.conn.peer_certificate_pem()
    }

    /// `verifyPeerCert($allow_self_signed)`: the chain's verdict (a
    /// self-signed certificate passes if allowed), then `ssl_host_name`.
    pub fn verify_peer_cert(&self, allow_self_signed: bool) -> Result<(), VerifyFailure> {
        let result = self.conn.verify_result().unwrap_or(X509VerifyResult::OK);
        if result != X509VerifyResult::OK && !(allow_self_signed && result.as_raw() == SELF_SIGNED) {
            return Err(VerifyFailure { code: result.as_raw(), reason: result.error_string().to_string() });
        }
        let cert = self.conn.ssl().and_then(|s| s.peer_certificate());
        let Some(cert) = cert else {
            return Err(VerifyFailure { code: 0, reason: "the server sent no certificate".into() });
        };
        match self.host_name.as_deref().filter(|h| !h.is_empty()) {
            Some(host) if !names_host(&cert, host) => {
                Err(VerifyFailure { code: 0, reason: format!("the certificate is not for '{host}'") })
            }
            _ => Ok(()),
        }
    }

    /// Sends all of `data` within `timeout` (`None`: no limit).
    pub fn send_all(&mut self, data: &[u8], timeout: Option<Duration>) -> Result<usize, ClientError> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut sent = 0;
        while sent < data.len() || self.conn.pending_output() > 0 {
            let outcome = if sent < data.len() {
                self.conn.write(&data[sent..])
            } else {
                match self.conn.flush() {
                    Flush::Done => break,
                    Flush::WouldBlock => WriteOutcome::WouldBlock,
                    Flush::Error(e) => WriteOutcome::Error(e),
                }
            };
            match outcome {
                WriteOutcome::Accepted(n) => sent += n,
                WriteOutcome::WouldBlock => self.wait(false, true, deadline)?,
                WriteOutcome::Error(e) => return Err(ClientError::Session(e)),
            }
        }
        Ok(sent)
    }

    /// Receives what arrives into `buf` within `timeout`; 0: the server closed.
    pub fn recv(&mut self, buf: &mut [u8], timeout: Option<Duration>) -> Result<usize, ClientError> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            match self.conn.read_into(buf) {
                ReadOutcome::Data(n) => return Ok(n),
                ReadOutcome::Eof => return Ok(0),
                ReadOutcome::WouldBlock => self.wait(true, false, deadline)?,
                ReadOutcome::Error(e) => return Err(ClientError::Session(e)),
            }
        }
    }

    /// Sends `close_notify` (waiting at most `timeout` for the socket); the
    /// caller closes the fd after.
    pub fn close(&mut self, timeout: Duration) {
        let deadline = Some(Instant::now() + timeout);
        while self.conn.close_notify() == Flush::WouldBlock {
            if !matches!(wait(self.fd, false, true, deadline), Ok(true)) {
                break;
            }
        }
    }

    fn wait(&self, read: bool, write: bool, deadline: Option<Instant>) -> Result<(), ClientError> {
        match wait(self.fd, read, write, deadline) {
            Ok(true) => Ok(()),
            Ok(false) => Err(ClientError::TimedOut),
            Err(e) => Err(ClientError::Socket(e)),
        }
    }
}

/// Whether `cert` is for `host` (a name, or an IP address).
fn names_host(cert: &X509Ref, host: &str) -> bool {
    let ip = host.parse::<IpAddr>().ok();
    let sans = cert.subject_alt_names();
    if let Some(sans) = &sans {
        let mut any_dns = false;
        for san in sans {
            if let (Some(ip), Some(bytes)) = (ip, san.ipaddress()) {
                let matched = match ip {
                    IpAddr::V4(v4) => bytes == v4.octets(),
                    IpAddr::V6(v6) => bytes == v6.octets(),
                };
                if matched {
                    return true;
                }
            }
            if let Some(dns) = san.dnsname() {
                any_dns = true;
                if ip.is_none() && super::sni::matches(dns, host) {
                    return true;
                }
            }
        }
        if any_dns || ip.is_some() {
            return false;
        }
    }
    // No DNS names: the common name, as libssl and Swoole fall back to.
    ip.is_none()
        && cert
            .subject_name()
            .entries_by_nid(openssl::nid::Nid::COMMONNAME)
            .filter_map(|e| e.data().to_string().ok())
            .any(|cn| super::sni::matches(&cn, host))
}

/// Sets `O_NONBLOCK` on `fd`.
fn set_nonblocking(fd: RawFd) -> Result<(), Errno> {
    // The caller's fd is open for the whole call.
    crate::fd::borrowed(fd, |fd| {
        let flags = OFlag::from_bits_truncate(fcntl(fd, FcntlArg::F_GETFL)?);
        fcntl(fd, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
        Ok(())
    })
    .map_err(|e| Errno::from_raw(e.raw_os_error().unwrap_or(libc::EBADF)))
}

/// Waits until `fd` is readable (`read`) or writable (`write`), or the
/// deadline passes: `Ok(false)` on timeout.
pub(crate) fn wait(fd: RawFd, read: bool, write: bool, deadline: Option<Instant>) -> Result<bool, Errno> {
    let mut flags = PollFlags::empty();
    if read {
        flags |= PollFlags::POLLIN;
    }
    if write {
        flags |= PollFlags::POLLOUT;
    }
    loop {
        let timeout = match deadline {
            None => PollTimeout::NONE,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Ok(false);
                }
                PollTimeout::try_from(left.max(Duration::from_millis(1))).unwrap_or(PollTimeout::MAX)
            }
        };
        // The caller's fd is open for the whole call.
        let polled = crate::fd::borrowed(fd, |fd| Ok(poll(&mut [PollFd::new(fd, flags)], timeout)))
            .unwrap_or(Err(Errno::EBADF));
        match polled {
            Ok(0) => continue,
            Ok(_) => return Ok(true),
            Err(Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
}
