//! The listening ports of a server (`$server->ports`): what each one is, and
//! the socket types a port's connections and datagrams come in.
//!
//! Port 0 is the constructor's; `addListener()` adds the others. Each port has
//! its own socket type and framing; the reactor serves them all.

use crate::framing::Framing;
use crate::listener::SockType;
use mio::event::Source;
use mio::{Interest, Registry, Token};
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};

/// Socket options of a port: `open_tcp_keepalive` and its knobs,
/// `tcp_user_timeout` and the kernel buffers for each accepted connection;
/// `tcp_defer_accept` and `tcp_fastopen` for the listening socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocketOptions {
    pub keepalive: bool,
    /// Seconds idle before the first probe, between probes, and probes
    /// before the connection is dropped (Swoole's defaults: 3600, 60, 5).
    pub keep_idle: i32,
    pub keep_interval: i32,
    pub keep_count: i32,
    /// TCP_DEFER_ACCEPT seconds (0: off): accept only once data arrived.
    pub defer_accept: i32,
    /// TCP_FASTOPEN queue length (0: off).
    pub fastopen: i32,
    /// TCP_USER_TIMEOUT milliseconds (0: the kernel's).
    pub user_timeout_ms: i32,
    /// SO_RCVBUF / SO_SNDBUF bytes (0: the kernel's).
    pub recv_buffer: i32,
    pub send_buffer: i32,
}

impl Default for SocketOptions {
    fn default() -> Self {
        SocketOptions {
            keepalive: false,
            keep_idle: 3600,
            keep_interval: 60,
            keep_count: 5,
            defer_accept: 0,
            fastopen: 0,
            user_timeout_ms: 0,
            recv_buffer: 0,
            send_buffer: 0,
        }
    }
}

fn set_int(fd: RawFd, level: i32, name: i32, value: i32) {
    // SAFETY: setsockopt(2) reads our int; the socket is the caller's. libc,
    // not nix: nix has no TCP_DEFER_ACCEPT or (listener) TCP_FASTOPEN option,
    // and one typed call per option would not be shorter.
    unsafe { libc::setsockopt(fd, level, name, (&value as *const i32).cast(), 4) };
}

impl SocketOptions {
    /// Applies the listening socket's options (TCP ports).
    pub fn apply_listener(&self, fd: RawFd) {
        if self.defer_accept > 0 {
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_DEFER_ACCEPT, self.defer_accept);
        }
        if self.fastopen > 0 {
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_FASTOPEN, self.fastopen);
        }
    }

    /// Applies an accepted connection's options (`tcp`: a TCP connection).
    pub fn apply_accepted(&self, fd: RawFd, tcp: bool) {
        if tcp && self.keepalive {
            set_int(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE, 1);
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, self.keep_idle);
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, self.keep_interval);
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_KEEPCNT, self.keep_count);
        }
        if tcp && self.user_timeout_ms > 0 {
            set_int(fd, libc::IPPROTO_TCP, libc::TCP_USER_TIMEOUT, self.user_timeout_ms);
        }
        if self.recv_buffer > 0 {
            set_int(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, self.recv_buffer);
        }
        if self.send_buffer > 0 {
            set_int(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, self.send_buffer);
        }
    }
}

/// What a process needs to serve one port.
#[derive(Debug)]
pub struct PortSpec {
    pub sock_type: SockType,
    /// The bound port (0 for Unix sockets).
    pub port: u16,
    /// How a stream connection's bytes become onReceive calls.
    pub framing: Framing,
    /// TCP_NODELAY on accepted connections.
    pub nodelay: bool,
    /// Options of accepted connections.
    pub options: SocketOptions,
    /// A dup of the listening socket, if this process serves it (a PROCESS
    /// worker serves only the datagram ports; a reactor thread none).
    pub socket: Option<OwnedFd>,
    /// The listening socket's fd number where it is open (`server_fd`).
    pub raw_fd: RawFd,
    /// `open_proxy_protocol`: connections start with a PROXY header.
    pub proxy: Option<crate::proxy::stage::PortProxy>,
    /// A `SWOOLE_SSL` port's context, built before fork: every connection
    /// accepted on it handshakes before onConnect and is encrypted.
    pub tls: Option<std::sync::Arc<crate::tls::TlsAcceptor>>,
}

impl PortSpec {
    /// A port that sets nothing: raw framing, no TCP_NODELAY, the default
    /// socket options, no PROXY protocol, no TLS, and no socket of its own
    /// in this process (`raw_fd` names the listening socket where it is
    /// open, -1 for none). Callers name only what they change, with
    /// `PortSpec { framing, ..PortSpec::plain(..) }`.
    pub fn plain(sock_type: SockType, port: u16, raw_fd: RawFd) -> PortSpec {
        PortSpec {
            sock_type,
            port,
            framing: Framing::Raw,
            nodelay: false,
            options: SocketOptions::default(),
            socket: None,
            raw_fd,
            proxy: None,
            tls: None,
        }
    }

    /// A copy for another process or thread, with or without the socket.
    pub fn try_clone(&self, with_socket: bool) -> io::Result<PortSpec> {
        let socket = match (&self.socket, with_socket) {
            (Some(s), true) => Some(s.try_clone()?),
            _ => None,
        };
        let raw_fd = socket.as_ref().map_or(self.raw_fd, |s| s.as_raw_fd());
        Ok(PortSpec {
            sock_type: self.sock_type,
            port: self.port,
            framing: self.framing.clone(),
            nodelay: self.nodelay,
            options: self.options.clone(),
            socket,
            raw_fd,
            proxy: self.proxy.clone(),
            tls: self.tls.clone(),
        })
    }
}

/// Where a datagram came from (and a reply goes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Peer {
    Inet(SocketAddr),
    /// A Unix datagram socket's path ("" when the sender is unnamed).
    Unix(String),
}

/// An accepted connection's socket.
#[derive(Debug)]
pub enum Stream {
    Tcp(mio::net::TcpStream),
    Unix(mio::net::UnixStream),
}

impl Stream {
    /// From a std socket the master accepted (made non-blocking here).
    pub fn from_std(s: StdStream) -> io::Result<Stream> {
        Ok(match s {
            StdStream::Tcp(t) => {
                t.set_nonblocking(true)?;
                Stream::Tcp(mio::net::TcpStream::from_std(t))
            }
            StdStream::Unix(u) => {
                u.set_nonblocking(true)?;
                Stream::Unix(mio::net::UnixStream::from_std(u))
            }
        })
    }

    pub fn set_nodelay(&self) {
        if let Stream::Tcp(t) = self {
            let _ = t.set_nodelay(true);
        }
    }
}

/// `mio::event::Source` for an enum of sockets: each call goes to the
/// variant's socket (`Stream`, `PortSocket`), one match per call as written
/// out by hand.
macro_rules! source_by_variant {
    ($ty:ident: $($variant:ident),+) => {
        impl Source for $ty {
            fn register(&mut self, registry: &Registry, token: Token, interests: Interest) -> io::Result<()> {
                match self {
                    $($ty::$variant(s) => s.register(registry, token, interests),)+
                }
            }

            fn reregister(&mut self, registry: &Registry, token: Token, interests: Interest) -> io::Result<()> {
                match self {
                    $($ty::$variant(s) => s.reregister(registry, token, interests),)+
                }
            }

            fn deregister(&mut self, registry: &Registry) -> io::Result<()> {
                match self {
                    $($ty::$variant(s) => s.deregister(registry),)+
                }
            }
        }
    };
}

/// A connection accepted by the master's main thread, on its way to a reactor thread.
#[derive(Debug)]
pub enum StdStream {
    Tcp(std::net::TcpStream),
    Unix(std::os::unix::net::UnixStream),
}

impl AsRawFd for StdStream {
    fn as_raw_fd(&self) -> RawFd {
        match self {
            StdStream::Tcp(t) => t.as_raw_fd(),
            StdStream::Unix(u) => u.as_raw_fd(),
        }
    }
}

impl AsFd for Stream {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Stream::Tcp(t) => t.as_fd(),
            Stream::Unix(u) => u.as_fd(),
        }
    }
}

impl AsRawFd for Stream {
    fn as_raw_fd(&self) -> RawFd {
        self.as_fd().as_raw_fd()
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(t) => t.read(buf),
            Stream::Unix(u) => u.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(t) => t.write(buf),
            Stream::Unix(u) => u.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

source_by_variant!(Stream: Tcp, Unix);

/// A port's socket as a process serves it.
#[derive(Debug)]
pub enum PortSocket {
    Tcp(mio::net::TcpListener),
    Unix(mio::net::UnixListener),
    Udp(mio::net::UdpSocket),
    UnixDgram(mio::net::UnixDatagram),
}

impl PortSocket {
    /// Wraps a dup of a bound, listening socket of `sock_type` (non-blocking).
    pub fn new(fd: OwnedFd, sock_type: SockType) -> io::Result<PortSocket> {
        crate::process::set_blocking(&fd, false)?;
        Ok(match sock_type {
            SockType::Tcp | SockType::Tcp6 => PortSocket::Tcp(mio::net::TcpListener::from_std(fd.into())),
            SockType::Udp | SockType::Udp6 => PortSocket::Udp(mio::net::UdpSocket::from_std(fd.into())),
            SockType::UnixStream => PortSocket::Unix(mio::net::UnixListener::from_std(fd.into())),
            SockType::UnixDgram => PortSocket::UnixDgram(mio::net::UnixDatagram::from_std(fd.into())),
        })
    }

    /// Accepts one connection (stream ports): the socket and its peer (None for Unix).
    pub fn accept(&self) -> io::Result<Option<(Stream, Option<SocketAddr>)>> {
        match self {
            PortSocket::Tcp(l) => l.accept().map(|(s, a)| Some((Stream::Tcp(s), Some(a)))),
            PortSocket::Unix(l) => l.accept().map(|(s, _)| Some((Stream::Unix(s), None))),
            _ => Ok(None),
        }
    }

    /// Receives one datagram (datagram ports).
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, Peer)> {
        match self {
            PortSocket::Udp(u) => u.recv_from(buf).map(|(n, a)| (n, Peer::Inet(a))),
            PortSocket::UnixDgram(u) => u.recv_from(buf).map(|(n, a)| {
                let path = a.as_pathname().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                (n, Peer::Unix(path))
            }),
            _ => Err(io::Error::from_raw_os_error(libc::EOPNOTSUPP)),
        }
    }

    /// Sends one datagram to `to` (datagram ports of the matching kind).
    pub fn send_to(&self, data: &[u8], to: &Peer) -> io::Result<usize> {
        match (self, to) {
            (PortSocket::Udp(u), Peer::Inet(a)) => u.send_to(data, *a),
            (PortSocket::UnixDgram(u), Peer::Unix(p)) => u.send_to(data, p),
            _ => Err(io::Error::from_raw_os_error(libc::EAFNOSUPPORT)),
        }
    }

    pub fn is_datagram(&self) -> bool {
        matches!(self, PortSocket::Udp(_) | PortSocket::UnixDgram(_))
    }
}

source_by_variant!(PortSocket: Tcp, Unix, Udp, UnixDgram);
