//! The blocking client behind `Swoole\Client`: connect with a timeout, send,
//! and receive either what arrives or, with framing settings, exactly one
//! packet (the same [`Framing`] the server uses, or a length function).
//!
//! A Unix datagram client binds a socket file of its own when it connects,
//! named as Swoole names it, so that the peer can answer; the file is
//! removed when the client is dropped.

use crate::framing::{FrameError, Framing};
/// `package_length_func`'s answer is framing's vocabulary; named here too
/// for the callers that know it as the client's.
pub use crate::framing::Length;
use crate::listener::SockType;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream, UdpSocket};
use nix::sys::socket::{self, sockopt, AddressFamily, MsgFlags, SockFlag, SockType as NixSockType, UnixAddr};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::os::unix::net::{UnixDatagram, UnixStream};
use std::time::Duration;

#[path = "client_tls.rs"]
mod tls;

/// The connected socket.
pub enum Conn {
    Tcp(TcpStream),
    Udp(UdpSocket),
    Unix(UnixStream),
    UnixDgram(UnixDatagram),
}

/// A connected client.
pub struct Client {
    conn: Conn,
    /// Bytes received beyond the packet `recv()` returned (framed mode).
    buffer: Vec<u8>,
    /// The socket file a Unix datagram client bound (removed on drop).
    own_path: Option<String>,
    /// Where the last datagram of a Unix datagram client came from
    /// (`getpeername()`, as Swoole reports it).
    last_sender: String,
    /// The TLS session (`SWOOLE_SSL`, `enableSSL()`): bytes go through it.
    tls: Option<Box<crate::tls::TlsClient>>,
    /// The read/write timeout, which a TLS session's waits keep (its
    /// socket is non-blocking).
    timeout: Option<Duration>,
}

/// `recv()` flags (Swoole\Client::MSG_*).
pub const MSG_PEEK: i64 = 2;
pub const MSG_WAITALL: i64 = 256;

/// The timeout a client gets when none is given (Swoole's 0.5 s).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(500);

/// Chunk size of framed reads.
const READ_CHUNK: usize = 65536;

/// Swoole's name for a Unix datagram client's own socket file.
pub fn own_socket_path(fd: RawFd) -> String {
    format!("/tmp/swoole-client.{}.{fd}.sock", std::process::id())
}

/// A Unix datagram socket bound to its own file and connected to `peer`.
fn bound_unix_dgram(peer: &str) -> io::Result<(UnixDatagram, String)> {
    let fd = socket::socket(AddressFamily::Unix, NixSockType::Datagram, SockFlag::SOCK_CLOEXEC, None)?;
    let sock = UnixDatagram::from(fd);
    let path = own_socket_path(sock.as_raw_fd());
    let _ = std::fs::remove_file(&path);
    socket::bind(sock.as_raw_fd(), &UnixAddr::new(path.as_str())?)?;
    if let Err(e) = sock.connect(peer) {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    Ok((sock, path))
}

/// The path of a Unix socket's address (`getsockname`/`getpeername`); ""
/// for an unnamed or abstract one.
fn unix_name(fd: RawFd, peer: bool) -> io::Result<String> {
    let addr: UnixAddr = if peer { socket::getpeername(fd)? } else { socket::getsockname(fd)? };
    Ok(addr.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default())
}

impl AsFd for Conn {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Conn::Tcp(s) => s.as_fd(),
            Conn::Udp(s) => s.as_fd(),
            Conn::Unix(s) => s.as_fd(),
            Conn::UnixDgram(s) => s.as_fd(),
        }
    }
}

impl Client {
    fn new(conn: Conn, own_path: Option<String>) -> Client {
        Client { conn, buffer: Vec::new(), own_path, last_sender: String::new(), tls: None, timeout: None }
    }

    /// Connects to `host:port` (a path for Unix sockets) within `timeout`,
    /// which then bounds every read and write too.
    pub fn connect(kind: SockType, host: &str, port: u16, timeout: Duration) -> io::Result<Client> {
        let timeout = if timeout.is_zero() { DEFAULT_TIMEOUT } else { timeout };
        let client = match kind {
            SockType::Tcp | SockType::Tcp6 => {
                let addr = kind.resolve(host, port)?;
                let s = TcpStream::connect_timeout(&addr, timeout)?;
                let _ = s.set_nodelay(true);
                Client::new(Conn::Tcp(s), None)
            }
            SockType::Udp | SockType::Udp6 => {
                let mut c = Client::unconnected(kind)?;
                if let Conn::Udp(s) = &c.conn {
                    s.connect(kind.resolve(host, port)?)?;
                }
                c.last_sender.clear();
                c
            }
            SockType::UnixStream => Client::new(Conn::Unix(UnixStream::connect(host)?), None),
            SockType::UnixDgram => {
                let (s, path) = bound_unix_dgram(host)?;
                Client::new(Conn::UnixDgram(s), Some(path))
            }
        };
        let mut client = client;
        client.set_timeout(Some(timeout))?;
        Ok(client)
    }

    /// A datagram client that was never connected (`sendto()` first): UDP
    /// bound to a kernel port, Unix datagram unbound (it cannot be answered,
    /// as in Swoole). The timeout is Swoole's default.
    pub fn unconnected(kind: SockType) -> io::Result<Client> {
        let conn = match kind {
            SockType::Udp | SockType::Udp6 => {
                Conn::Udp(UdpSocket::bind(if kind.is_v6() { "[::]:0" } else { "0.0.0.0:0" })?)
            }
            SockType::UnixDgram => Conn::UnixDgram(UnixDatagram::unbound()?),
            _ => return Err(io::Error::new(io::ErrorKind::Unsupported, "not a datagram socket type")),
        };
        let mut client = Client::new(conn, None);
        client.set_timeout(Some(DEFAULT_TIMEOUT))?;
        Ok(client)
    }

    /// Read/write timeout (`None` = block).
    pub fn set_timeout(&mut self, t: Option<Duration>) -> io::Result<()> {
        self.timeout = t.filter(|d| !d.is_zero());
        // A zero timeval blocks; a non-zero timeout is at least 1 µs (as std rounds).
        let seconds = t.filter(|d| !d.is_zero()).map_or(0.0, |d| d.as_secs_f64().max(1e-6));
        crate::process::set_timeout(&self.conn, seconds)
    }

    /// `open_tcp_nodelay` (TCP only; connect() turns it on).
    pub fn set_nodelay(&self, on: bool) {
        if let Conn::Tcp(s) = &self.conn {
            let _ = s.set_nodelay(on);
        }
    }

    /// `socket_buffer_size`: the kernel's send and receive buffers.
    pub fn set_buffer_size(&self, bytes: usize) {
        let n = bytes.min(i32::MAX as usize);
        let _ = socket::setsockopt(&self.conn, sockopt::SndBuf, &n);
        let _ = socket::setsockopt(&self.conn, sockopt::RcvBuf, &n);
    }

    pub fn fd(&self) -> RawFd {
        self.conn.as_fd().as_raw_fd()
    }

    /// Whether this is a datagram client (sendto() works, sendfile() not).
    pub fn is_datagram(&self) -> bool {
        matches!(self.conn, Conn::Udp(_) | Conn::UnixDgram(_))
    }

    /// Sends all of `data` (one datagram on datagram sockets).
    pub fn send(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.tls.is_some() {
            return self.send_tls(data);
        }
        match &mut self.conn {
            Conn::Tcp(s) => s.write_all(data).map(|_| data.len()),
            Conn::Unix(s) => s.write_all(data).map(|_| data.len()),
            Conn::Udp(s) => s.send(data),
            Conn::UnixDgram(s) => s.send(data),
        }
    }

    /// `sendto()`: one datagram to `host:port` (UDP, UDP6) or to the socket
    /// file `host` (Unix datagram). A peer whose queue stays full past the
    /// timeout gives `EAGAIN`.
    pub fn send_to(&mut self, host: &str, port: u16, data: &[u8]) -> io::Result<usize> {
        match &self.conn {
            Conn::Udp(s) => {
                let family = if s.local_addr()?.is_ipv6() { SockType::Udp6 } else { SockType::Udp };
                s.send_to(data, family.resolve(host, port)?)
            }
            Conn::UnixDgram(s) => s.send_to(data, host),
            _ => Err(io::Error::new(io::ErrorKind::Unsupported, "sendto() needs a datagram client")),
        }
    }

    /// Sends `length` bytes of the file at `path` from `offset` (0 = to the
    /// end) with `sendfile(2)`. A range outside the file is `InvalidInput`,
    /// an empty file `UnexpectedEof`.
    pub fn send_file(&mut self, path: &str, offset: u64, length: u64) -> io::Result<u64> {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        if size == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cannot send empty file"));
        }
        let end = if length == 0 { size } else { offset.saturating_add(length) };
        if offset >= size || end > size {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "length or offset is invalid"));
        }
        if self.tls.is_some() {
            return self.send_file_tls(&file, offset, end);
        }
        let mut off = offset as libc::off_t;
        let mut left = end - offset;
        while left > 0 {
            let n = match nix::sys::sendfile::sendfile(&self.conn, &file, Some(&mut off), left.min(1 << 30) as usize) {
                Ok(n) => n,
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(e.into()),
            };
            if n == 0 {
                break;
            }
            left -= n as u64;
        }
        Ok(end - offset - left)
    }

    fn read_some(&mut self, buf: &mut [u8], peek: bool) -> io::Result<usize> {
        if self.tls.is_some() {
            return self.read_tls(buf, peek);
        }
        if peek {
            return Ok(socket::recv(self.fd(), buf, MsgFlags::MSG_PEEK)?);
        }
        match &mut self.conn {
            Conn::Tcp(s) => s.read(buf),
            Conn::Unix(s) => s.read(buf),
            Conn::Udp(s) => s.recv(buf),
            Conn::UnixDgram(s) => {
                let (n, from) = s.recv_from(buf)?;
                self.last_sender = from.as_pathname().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                Ok(n)
            }
        }
    }

    /// `recv($size, $flags)`: one read (or `size` bytes with MSG_WAITALL);
    /// with framing, exactly one packet. An empty result means the peer closed.
    pub fn recv(&mut self, framing: &Framing, size: usize, flags: i64) -> io::Result<Vec<u8>> {
        let size = size.max(1);
        match framing {
            Framing::Raw => {}
            // A client's recv() returns one packet, up to and including the
            // first EOF, with or without open_eof_split (as Swoole's).
            Framing::Eof { eof, max, .. } => {
                let one = Framing::Eof { eof: eof.clone(), split: true, max: *max };
                return self.recv_framed(&mut |buf| one.check(buf).map(|n| n.map_or(Length::NeedMore, Length::Packet)));
            }
            framed => return self.recv_framed(&mut |buf| framed.check(buf).map(|n| n.map_or(Length::NeedMore, Length::Packet))),
        }
        let peek = flags & MSG_PEEK != 0;
        // Bytes left over from framed reads come first, under the same flags.
        if peek && !self.buffer.is_empty() {
            return Ok(self.buffer[..size.min(self.buffer.len())].to_vec());
        }
        let mut out: Vec<u8> = self.buffer.drain(..size.min(self.buffer.len())).collect();
        if !out.is_empty() && flags & MSG_WAITALL == 0 {
            return Ok(out);
        }
        let mut buf = vec![0u8; size - out.len()];
        if flags & MSG_WAITALL != 0 {
            let mut got = 0;
            while got < buf.len() {
                let n = self.read_some(&mut buf[got..], false)?;
                if n == 0 {
                    break;
                }
                got += n;
            }
            out.extend_from_slice(&buf[..got]);
            return Ok(out);
        }
        let n = self.read_some(&mut buf, peek)?;
        buf.truncate(n);
        Ok(buf)
    }

    /// One packet whose length `length_of` finds in the buffered bytes
    /// (`package_length_func`), at most `max` bytes long.
    pub fn recv_by_length(&mut self, max: usize, length_of: &mut dyn FnMut(&[u8]) -> Length) -> io::Result<Vec<u8>> {
        self.recv_framed(&mut |buf| match length_of(buf) {
            Length::Packet(n) if n > max => Err(FrameError::TooLarge { length: n as u64, max }),
            Length::Invalid => Err(FrameError::Malformed),
            other => Ok(other),
        })
    }

    /// Reads until `check` finds a whole packet at the front of the buffer.
    /// A framing error drops the buffered bytes (the stream cannot be cut
    /// any more) and is an `InvalidData` error carrying the [`FrameError`];
    /// the peer closing before a whole packet gives an empty packet.
    fn recv_framed(&mut self, check: &mut dyn FnMut(&[u8]) -> Result<Length, FrameError>) -> io::Result<Vec<u8>> {
        let mut chunk = vec![0u8; READ_CHUNK];
        // Once the packet's length is known, only more bytes are awaited.
        let mut known: Option<usize> = None;
        loop {
            if known.is_none() && !self.buffer.is_empty() {
                match check(&self.buffer) {
                    Ok(Length::Packet(n)) if n > 0 => known = Some(n),
                    Ok(Length::Failed) => {
                        self.buffer.clear();
                        return Err(io::Error::other("the length function failed"));
                    }
                    Ok(_) => {}
                    Err(e) => {
                        self.buffer.clear();
                        return Err(io::Error::new(io::ErrorKind::InvalidData, e));
                    }
                }
            }
            if let Some(n) = known.filter(|&n| n <= self.buffer.len()) {
                return Ok(self.buffer.drain(..n).collect());
            }
            let n = self.read_some(&mut chunk, false)?;
            if n == 0 {
                self.buffer.clear();
                return Ok(Vec::new());
            }
            self.buffer.extend_from_slice(&chunk[..n]);
        }
    }

    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        match &self.conn {
            Conn::Tcp(s) => s.shutdown(how),
            Conn::Unix(s) => s.shutdown(how),
            Conn::UnixDgram(s) => s.shutdown(how),
            Conn::Udp(_) => Err(io::Error::new(io::ErrorKind::Unsupported, "shutdown() needs a stream socket")),
        }
    }

    /// Local address as (host, port): a Unix socket's path (or "") and 0.
    pub fn local(&self) -> io::Result<(String, u16)> {
        match &self.conn {
            Conn::Tcp(s) => s.local_addr().map(|a| (a.ip().to_string(), a.port())),
            Conn::Udp(s) => s.local_addr().map(|a| (a.ip().to_string(), a.port())),
            _ => unix_name(self.fd(), false).map(|p| (p, 0)),
        }
    }

    /// Peer address as (host, port): a Unix stream peer's path, or the path
    /// the last datagram of a Unix datagram client came from ("" before).
    pub fn peer(&self) -> io::Result<(String, u16)> {
        match &self.conn {
            Conn::Tcp(s) => s.peer_addr().map(|a| (a.ip().to_string(), a.port())),
            Conn::Udp(s) => s.peer_addr().map(|a| (a.ip().to_string(), a.port())),
            Conn::Unix(_) => unix_name(self.fd(), true).map(|p| (p, 0)),
            Conn::UnixDgram(_) => Ok((self.last_sender.clone(), 0)),
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.close_tls();
        if let Some(path) = self.own_path.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn framed_recv_returns_one_packet_at_a_time() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            s.write_all(b"one\r\ntwo\r\nthr").unwrap();
            s.write_all(b"ee\r\n").unwrap();
        });
        let mut c = Client::connect(SockType::Tcp, "127.0.0.1", port, Duration::from_secs(2)).unwrap();
        let f = Framing::Eof { eof: b"\r\n".to_vec(), split: true, max: 1024 };
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"one\r\n");
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"two\r\n");
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"three\r\n");
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"", "closed");
        // Leftovers of a framed read obey PEEK and WAITALL in raw mode.
        c.buffer = b"0123456789".to_vec();
        assert_eq!(c.recv(&Framing::Raw, 4, MSG_PEEK).unwrap(), b"0123");
        assert_eq!(c.recv(&Framing::Raw, 10, MSG_WAITALL).unwrap(), b"0123456789");
        t.join().unwrap();
    }

    #[test]
    fn eof_check_without_split_still_returns_one_packet() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            s.write_all(b"a\nb\nc").unwrap();
        });
        let mut c = Client::connect(SockType::Tcp, "127.0.0.1", port, Duration::from_secs(2)).unwrap();
        let f = Framing::Eof { eof: b"\n".to_vec(), split: false, max: 1024 };
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"a\n");
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"b\n");
        assert_eq!(c.recv(&f, 0, 0).unwrap(), b"", "closed with a partial packet");
        t.join().unwrap();
    }

    #[test]
    fn length_function_packets_keep_their_leftovers() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            s.write_all(&[3, b'a', b'b', 4, b'c']).unwrap();
            std::thread::sleep(Duration::from_millis(50));
            s.write_all(&[b'd', b'e', 200, 0]).unwrap();
            std::thread::sleep(Duration::from_millis(50));
        });
        let mut c = Client::connect(SockType::Tcp, "127.0.0.1", port, Duration::from_secs(2)).unwrap();
        let mut calls = 0;
        let mut first_byte = |b: &[u8]| {
            calls += 1;
            Length::Packet(b[0] as usize)
        };
        assert_eq!(c.recv_by_length(100, &mut first_byte).unwrap(), [3, b'a', b'b']);
        assert_eq!(c.recv_by_length(100, &mut first_byte).unwrap(), [4, b'c', b'd', b'e']);
        let e = c.recv_by_length(100, &mut first_byte).unwrap_err();
        let frame = e.get_ref().and_then(|i| i.downcast_ref::<FrameError>()).copied();
        assert_eq!(frame, Some(FrameError::TooLarge { length: 200, max: 100 }));
        assert!(calls >= 3);
        t.join().unwrap();
    }

    #[test]
    fn unix_dgram_client_binds_its_own_file_and_removes_it() {
        let dir = std::env::temp_dir().join(format!("swoole-core-client-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let server_path = dir.join("srv.sock");
        let _ = std::fs::remove_file(&server_path);
        let server = UnixDatagram::bind(&server_path).unwrap();
        let path = server_path.to_str().unwrap();
        let mut c = Client::connect(SockType::UnixDgram, path, 0, Duration::from_secs(1)).unwrap();
        let own = own_socket_path(c.fd());
        assert!(std::path::Path::new(&own).exists());
        assert_eq!(c.local().unwrap(), (own.clone(), 0));
        c.send(b"hi").unwrap();
        let mut buf = [0u8; 16];
        let (n, from) = server.recv_from(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"hi");
        server.send_to(b"back", from.as_pathname().unwrap()).unwrap();
        assert_eq!(c.recv(&Framing::Raw, 16, 0).unwrap(), b"back");
        assert_eq!(c.peer().unwrap(), (path.to_string(), 0));
        drop(c);
        assert!(!std::path::Path::new(&own).exists(), "removed with the client");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn refused_connection_is_an_error() {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let e = Client::connect(SockType::Tcp, "127.0.0.1", port, Duration::from_millis(500)).err().unwrap();
        assert_eq!(e.raw_os_error(), Some(libc::ECONNREFUSED));
    }
}
