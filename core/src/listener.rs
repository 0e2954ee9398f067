//! The listening socket: bound when the PHP object is constructed (so port 0
//! resolves to the kernel's choice at once), put into listen state at
//! `start()`, before any fork, so every worker inherits it.

use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

/// Socket types of the constructor's `$sock_type` (Swoole's numbering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SockType {
    Tcp = 1,
    Udp = 2,
    Tcp6 = 3,
    Udp6 = 4,
    UnixStream = 5,
    UnixDgram = 6,
}

impl SockType {
    /// UDP or Unix datagram.
    pub fn is_datagram(self) -> bool {
        matches!(self, SockType::Udp | SockType::Udp6 | SockType::UnixDgram)
    }

    /// An IP socket (TCP or UDP, v4 or v6).
    pub fn is_inet(self) -> bool {
        matches!(self, SockType::Tcp | SockType::Tcp6 | SockType::Udp | SockType::Udp6)
    }

    /// TCP6 or UDP6.
    pub fn is_v6(self) -> bool {
        matches!(self, SockType::Tcp6 | SockType::Udp6)
    }

    /// The first address of `host` in this type's family (v4 or v6).
    pub fn resolve(self, host: &str, port: u16) -> io::Result<SocketAddr> {
        let v6 = self.is_v6();
        (host, port).to_socket_addrs()?.find(|a| a.is_ipv6() == v6).ok_or_else(|| {
            let family = if v6 { "IPv6" } else { "IPv4" };
            io::Error::new(io::ErrorKind::InvalidInput, format!("no {family} address for {host}"))
        })
    }

    /// Whether a raw `$sock_type` carries the `SWOOLE_SSL` flag (a TLS port;
    /// on a datagram port, DTLS, which is refused).
    pub fn wants_ssl(raw: i64) -> bool {
        raw & SSL_FLAG != 0
    }

    /// The type without the `SWOOLE_SSL` flag bits; `None` if unknown.
    pub fn from_raw(raw: i64) -> Option<SockType> {
        Some(match raw & 0xff {
            1 => SockType::Tcp,
            2 => SockType::Udp,
            3 => SockType::Tcp6,
            4 => SockType::Udp6,
            5 => SockType::UnixStream,
            6 => SockType::UnixDgram,
            _ => return None,
        })
    }
}

/// `SWOOLE_SSL`: the flag OR-ed into a socket type to ask for TLS.
pub const SSL_FLAG: i64 = 512;

/// The refusal for a `SWOOLE_SSL` datagram port (DTLS): nothing may serve
/// plaintext to a port that asked for encryption.
pub const DTLS_NOT_IMPLEMENTED: &str =
    "SWOOLE_SSL on a datagram port (DTLS) is not implemented by this extension; refusing to serve plaintext on a port that asked for encryption";

/// Why a listener could not be created.
#[derive(Debug)]
pub enum ListenError {
    /// The OS refused (bind, listen...); carries errno.
    Os { errno: i32, message: String },
    /// The host is not an address or resolvable name.
    BadHost,
    /// A socket type this build does not serve yet.
    Unsupported(SockType),
}

/// A bound (and, after [`BoundListener::listen`], listening) stream socket.
#[derive(Debug)]
pub struct BoundListener {
    /// The socket; owned so it closes with the server object.
    fd: OwnedFd,
    /// The address actually bound (the real port when 0 was asked).
    pub local: SocketAddr,
    /// The constructor's socket type.
    pub sock_type: SockType,
    /// A Unix socket's path (its `local` is then 0.0.0.0:0).
    pub path: Option<String>,
    /// Bound beside a running server's SO_REUSEPORT sockets (its address
    /// was in use): only a server with `enable_reuse_port` may listen on it.
    pub joined: bool,
}

/// Whether a process still serves the Unix socket at `path`: a stale file
/// refuses a connection (ECONNREFUSED), a live one takes it (stream) or
/// accepts being the peer (datagram).
fn unix_socket_alive(path: &str) -> bool {
    use std::os::unix::net::{UnixDatagram, UnixStream};
    UnixStream::connect(path).is_ok() || UnixDatagram::unbound().and_then(|d| d.connect(path)).is_ok()
}

impl BoundListener {
    /// Binds `host:port` (SO_REUSEADDR, close-on-exec); does not listen yet.
    pub fn bind(host: &str, port: u16, sock_type: SockType) -> Result<BoundListener, ListenError> {
        if !sock_type.is_inet() {
            return Self::bind_unix(host, sock_type);
        }
        let addr = sock_type.resolve(host, port).map_err(|_| ListenError::BadHost)?;
        match Self::bind_addr(addr, sock_type, false) {
            Err(ListenError::Os { errno: libc::EADDRINUSE, message }) if !sock_type.is_datagram() => {
                // The holder may be an instance with enable_reuse_port, which a
                // new one replaces without a gap (start() checks this one sets it too).
                match Self::bind_addr(addr, sock_type, true) {
                    Ok(b) => Ok(BoundListener { joined: true, ..b }),
                    Err(_) => Err(ListenError::Os { errno: libc::EADDRINUSE, message }),
                }
            }
            other => other,
        }
    }

    /// A socket bound to `addr` with SO_REUSEPORT (`enable_reuse_port`: one
    /// per worker, the kernel spreads the connections among them; the
    /// socket already holding `addr` must have SO_REUSEPORT too).
    pub fn bind_shared(addr: SocketAddr, sock_type: SockType) -> Result<BoundListener, ListenError> {
        Self::bind_addr(addr, sock_type, true)
    }

    /// Re-creates this (not yet listening) socket with SO_REUSEPORT, so
    /// workers can bind the same address: the old one is closed first.
    pub fn into_reuse_port(self) -> Result<BoundListener, ListenError> {
        let (local, sock_type) = (self.local, self.sock_type);
        drop(self);
        Self::bind_addr(local, sock_type, true)
    }

    fn bind_addr(addr: SocketAddr, sock_type: SockType, reuse_port: bool) -> Result<BoundListener, ListenError> {
        use nix::sys::socket::{self as nix_socket, sockopt, AddressFamily, SockFlag, SockaddrStorage};
        let family = if addr.is_ipv6() { AddressFamily::Inet6 } else { AddressFamily::Inet };
        let ty = if sock_type.is_datagram() { nix_socket::SockType::Datagram } else { nix_socket::SockType::Stream };
        let fd = nix_socket::socket(family, ty, SockFlag::SOCK_CLOEXEC, None).map_err(errno_error)?;
        // As Swoole: a restarted server binds at once (and, asked, several share the port).
        let _ = nix_socket::setsockopt(&fd, sockopt::ReuseAddr, &true);
        if reuse_port {
            let _ = nix_socket::setsockopt(&fd, sockopt::ReusePort, &true);
        }
        nix_socket::bind(fd.as_raw_fd(), &SockaddrStorage::from(addr)).map_err(errno_error)?;
        let local = nix_socket::getsockname::<SockaddrStorage>(fd.as_raw_fd())
            .ok()
            .and_then(|a| socket_addr_of(&a))
            .ok_or_else(os_error)?;
        Ok(BoundListener { fd, local, sock_type, path: None, joined: false })
    }

    /// Binds a Unix stream or datagram socket at `path`. A stale socket file
    /// left by an earlier server is replaced; a live one (a server still
    /// listening there, which would lose its path) and any other file are
    /// not: bind() then fails with EADDRINUSE, as Swoole's always does.
    fn bind_unix(path: &str, sock_type: SockType) -> Result<BoundListener, ListenError> {
        use std::os::unix::fs::FileTypeExt;
        if path.is_empty() || path.len() >= 108 {
            return Err(ListenError::BadHost);
        }
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_socket()) && !unix_socket_alive(path) {
            let _ = std::fs::remove_file(path);
        }
        let io_err = |e: io::Error| ListenError::Os {
            errno: e.raw_os_error().unwrap_or(0),
            message: crate::error::os_strerror(e.raw_os_error().unwrap_or(0)),
        };
        let fd: OwnedFd = if sock_type == SockType::UnixStream {
            std::os::unix::net::UnixListener::bind(path).map_err(io_err)?.into()
        } else {
            std::os::unix::net::UnixDatagram::bind(path).map_err(io_err)?.into()
        };
        let local = SocketAddr::from(([0, 0, 0, 0], 0));
        Ok(BoundListener { fd, local, sock_type, path: Some(path.to_string()), joined: false })
    }

    /// The bound port (0 for a Unix socket).
    pub fn port(&self) -> u16 {
        self.local.port()
    }

    /// Starts listening with `backlog` (stream sockets) and makes the socket
    /// non-blocking.
    pub fn listen(&self, backlog: i32) -> Result<(), ListenError> {
        // SAFETY: listen(2) on our own socket, plain integers. libc, not
        // nix: nix's Backlog refuses a backlog above libc's SOMAXCONN
        // (4096), where the kernel takes any and caps it at the
        // net.core.somaxconn sysctl, which may be higher (Swoole passes the
        // setting as it is).
        if !self.sock_type.is_datagram() && unsafe { libc::listen(self.fd.as_raw_fd(), backlog) } != 0 {
            return Err(os_error());
        }
        crate::process::set_blocking(&self.fd, false).map_err(|_| os_error())
    }

    pub fn raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// A dup of the socket, whatever its type.
    pub fn try_clone_fd(&self) -> io::Result<OwnedFd> {
        self.fd.try_clone()
    }
}

fn os_error() -> ListenError {
    let e = io::Error::last_os_error();
    let errno = e.raw_os_error().unwrap_or(0);
    ListenError::Os { errno, message: crate::error::os_strerror(errno) }
}

/// A failed nix call as the [`ListenError`] Swoole's words need.
fn errno_error(e: nix::errno::Errno) -> ListenError {
    ListenError::Os { errno: e as i32, message: crate::error::os_strerror(e as i32) }
}

/// The IP address and port of a socket address the kernel gave back.
fn socket_addr_of(a: &nix::sys::socket::SockaddrStorage) -> Option<SocketAddr> {
    if let Some(v4) = a.as_sockaddr_in() {
        return Some(SocketAddr::V4(std::net::SocketAddrV4::from(*v4)));
    }
    a.as_sockaddr_in6().map(|v6| SocketAddr::V6(std::net::SocketAddrV6::from(*v6)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_zero_gets_a_real_port_and_a_second_bind_fails() {
        let a = BoundListener::bind("127.0.0.1", 0, SockType::Tcp).unwrap();
        a.listen(16).unwrap();
        assert_ne!(a.local.port(), 0);
        match BoundListener::bind("127.0.0.1", a.local.port(), SockType::Tcp) {
            Err(ListenError::Os { errno, message }) => {
                assert_eq!(errno, libc::EADDRINUSE);
                assert_eq!(message, "Address already in use");
            }
            other => panic!("expected EADDRINUSE, got {other:?}"),
        }
    }

    #[test]
    fn ipv6_binds_report_their_address_and_reuse_port_shares_one() {
        let Ok(a) = BoundListener::bind("::1", 0, SockType::Tcp6) else { return }; // no IPv6 here
        assert_eq!(a.local.ip(), std::net::IpAddr::V6(std::net::Ipv6Addr::LOCALHOST));
        assert_ne!(a.local.port(), 0);
        let shared = a.into_reuse_port().unwrap();
        let port = shared.local.port();
        let again = BoundListener::bind_addr(shared.local, SockType::Tcp6, true).unwrap();
        assert_eq!(again.local.port(), port, "SO_REUSEPORT: a second socket on the same port");
        shared.listen(8).unwrap();
        again.listen(8).unwrap();
    }

    #[test]
    fn bad_host_and_unsupported_type() {
        assert!(matches!(BoundListener::bind("not an address", 0, SockType::Tcp), Err(ListenError::BadHost)));
        assert!(matches!(BoundListener::bind("", 0, SockType::UnixDgram), Err(ListenError::BadHost)));
        let udp = BoundListener::bind("127.0.0.1", 0, SockType::Udp).unwrap();
        udp.listen(16).unwrap();
        assert_ne!(udp.local.port(), 0);
    }
}

#[cfg(test)]
mod unix_tests {
    use super::*;

    #[test]
    fn unix_sockets_bind_and_a_stale_file_is_replaced() {
        let path = std::env::temp_dir().join(format!("swoole-listener-{}.sock", std::process::id()));
        let p = path.to_str().unwrap();
        let a = BoundListener::bind(p, 0, SockType::UnixStream).unwrap();
        a.listen(8).unwrap();
        assert_eq!((a.port(), a.path.as_deref()), (0, Some(p)));
        drop(a); // the file stays behind, as after a crash
        let b = BoundListener::bind(p, 0, SockType::UnixDgram).unwrap();
        assert_eq!(b.sock_type, SockType::UnixDgram);
        drop(b);
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"not a socket").unwrap();
        assert!(matches!(BoundListener::bind(p, 0, SockType::UnixStream), Err(ListenError::Os { .. })));
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_live_unix_socket_keeps_its_path() {
        let path = std::env::temp_dir().join(format!("swoole-listener-live-{}.sock", std::process::id()));
        let p = path.to_str().unwrap();
        let _ = std::fs::remove_file(&path);
        for (first, second) in [(SockType::UnixStream, SockType::UnixStream), (SockType::UnixDgram, SockType::UnixStream)] {
            let a = BoundListener::bind(p, 0, first).unwrap();
            a.listen(8).unwrap();
            let refused = BoundListener::bind(p, 0, second);
            assert!(matches!(refused, Err(ListenError::Os { errno: 98, .. })), "{first:?} then {second:?}");
            drop(a);
            std::fs::remove_file(&path).unwrap();
        }
    }
}
