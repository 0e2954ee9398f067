//! The blocking client behind `Swoole\Client`: connect with a timeout, send,
//! and receive either what arrives or, with framing settings, exactly one
//! packet (the same [`Framing`] the server uses).

use crate::framing::Framing;
use crate::listener::SockType;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::{UnixDatagram, UnixStream};
use std::time::Duration;

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
}

/// `recv()` flags (Swoole\Client::MSG_*).
pub const MSG_PEEK: i64 = 2;
pub const MSG_WAITALL: i64 = 256;

impl Client {
    /// Connects to `host:port` (a path for Unix sockets) within `timeout`.
    pub fn connect(kind: SockType, host: &str, port: u16, timeout: Duration) -> io::Result<Client> {
        let timeout = if timeout.is_zero() { Duration::from_millis(500) } else { timeout };
        let conn = match kind {
            SockType::Tcp | SockType::Tcp6 => {
                let addr = kind.resolve(host, port)?;
                let s = TcpStream::connect_timeout(&addr, timeout)?;
                let _ = s.set_nodelay(true);
                Conn::Tcp(s)
            }
            SockType::Udp | SockType::Udp6 => {
                let s = UdpSocket::bind(if kind.is_v6() { "[::]:0" } else { "0.0.0.0:0" })?;
                s.connect(kind.resolve(host, port)?)?;
                Conn::Udp(s)
            }
            SockType::UnixStream => Conn::Unix(UnixStream::connect(host)?),
            SockType::UnixDgram => {
                let s = UnixDatagram::unbound()?;
                s.connect(host)?;
                Conn::UnixDgram(s)
            }
        };
        let client = Client { conn, buffer: Vec::new() };
        client.set_timeout(Some(timeout))?;
        Ok(client)
    }

    /// Read/write timeout (`None` = block).
    pub fn set_timeout(&self, t: Option<Duration>) -> io::Result<()> {
        // A zero timeval blocks; a non-zero timeout is at least 1 µs (as std rounds).
        let seconds = t.filter(|d| !d.is_zero()).map_or(0.0, |d| d.as_secs_f64().max(1e-6));
        crate::process::set_timeout(self.fd(), seconds)
    }

    pub fn fd(&self) -> RawFd {
        match &self.conn {
            Conn::Tcp(s) => s.as_raw_fd(),
            Conn::Udp(s) => s.as_raw_fd(),
            Conn::Unix(s) => s.as_raw_fd(),
            Conn::UnixDgram(s) => s.as_raw_fd(),
        }
    }

    /// Sends all of `data` (one datagram on datagram sockets).
    pub fn send(&mut self, data: &[u8]) -> io::Result<usize> {
        match &mut self.conn {
            Conn::Tcp(s) => s.write_all(data).map(|_| data.len()),
            Conn::Unix(s) => s.write_all(data).map(|_| data.len()),
            Conn::Udp(s) => s.send(data),
            Conn::UnixDgram(s) => s.send(data),
        }
    }

    /// `sendto()` on a UDP client.
    pub fn send_to(&mut self, host: &str, port: u16, data: &[u8]) -> io::Result<usize> {
        match &self.conn {
            Conn::Udp(s) => {
                let family = if s.local_addr()?.is_ipv6() { SockType::Udp6 } else { SockType::Udp };
                s.send_to(data, family.resolve(host, port)?)
            }
            _ => Err(io::Error::new(io::ErrorKind::Unsupported, "sendto() needs a UDP client")),
        }
    }

    fn read_some(&mut self, buf: &mut [u8], peek: bool) -> io::Result<usize> {
        if peek {
            // SAFETY: recv with MSG_PEEK into our buffer.
            let n = unsafe { libc::recv(self.fd(), buf.as_mut_ptr().cast(), buf.len(), libc::MSG_PEEK) };
            return if n < 0 { Err(io::Error::last_os_error()) } else { Ok(n as usize) };
        }
        match &mut self.conn {
            Conn::Tcp(s) => s.read(buf),
            Conn::Unix(s) => s.read(buf),
            Conn::Udp(s) => s.recv(buf),
            Conn::UnixDgram(s) => s.recv(buf),
        }
    }

    /// `recv($size, $flags)`: one read (or `size` bytes with MSG_WAITALL);
    /// with framing, exactly one packet. An empty result means the peer closed.
    pub fn recv(&mut self, framing: &Framing, size: usize, flags: i64) -> io::Result<Vec<u8>> {
        let size = size.max(1);
        if !framing.is_raw() {
            return self.recv_packet(framing);
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

    fn recv_packet(&mut self, framing: &Framing) -> io::Result<Vec<u8>> {
        let mut chunk = vec![0u8; 65536];
        loop {
            if let Some(n) = framing.check(&self.buffer).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))? {
                return Ok(self.buffer.drain(..n).collect());
            }
            let n = self.read_some(&mut chunk, false)?;
            if n == 0 {
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

    /// Local address as (host, port).
    pub fn local(&self) -> io::Result<(String, u16)> {
        match &self.conn {
            Conn::Tcp(s) => s.local_addr().map(|a| (a.ip().to_string(), a.port())),
            Conn::Udp(s) => s.local_addr().map(|a| (a.ip().to_string(), a.port())),
            _ => Err(io::Error::new(io::ErrorKind::Unsupported, "no IP address on a Unix socket")),
        }
    }

    /// Peer address as (host, port).
    pub fn peer(&self) -> io::Result<(String, u16)> {
        match &self.conn {
            Conn::Tcp(s) => s.peer_addr().map(|a| (a.ip().to_string(), a.port())),
            Conn::Udp(s) => s.peer_addr().map(|a| (a.ip().to_string(), a.port())),
            _ => Err(io::Error::new(io::ErrorKind::Unsupported, "no IP address on a Unix socket")),
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
    fn refused_connection_is_an_error() {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let e = Client::connect(SockType::Tcp, "127.0.0.1", port, Duration::from_millis(500)).err().unwrap();
        assert_eq!(e.raw_os_error(), Some(libc::ECONNREFUSED));
    }
}
