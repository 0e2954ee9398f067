//! `echo-ceiling`: the benchmark's ceiling, the "no-PHP" echo server.
//!
//! A minimal single-threaded, edge-triggered mio event loop doing the same job
//! as `bench/echo_server.php` (reply `prefix + data` to every read) with
//! nothing else in the way: no PHP, no callbacks, no worker processes. The CPU
//! time it spends per request is the floor `bench/run` compares the extension
//! against.
//!
//! Usage: `echo-ceiling <host> <port> [prefix] [raw|eof|udp]` (prefix
//! defaults to `"Server: "`; port 0 lets the kernel choose). `raw` replies to
//! every read; `eof` to every "\n"-terminated packet (the extension's
//! `open_eof_split`); `udp` to every datagram. Once bound it prints
//! `listening on HOST:PORT` to stdout. It runs until killed (SIGTERM/SIGINT).

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use std::io::{self, ErrorKind, Read, Write};
use std::net::ToSocketAddrs;

const LISTENER: Token = Token(usize::MAX);
const READ_SIZE: usize = 64 * 1024;

struct Conn {
    stream: TcpStream,
    /// Reply bytes the socket did not take yet; non-empty means WRITABLE is registered.
    pending: Vec<u8>,
    /// The peer shut its side: close once `pending` is written.
    eof: bool,
    /// `eof` framing: received bytes not yet a whole packet.
    partial: Vec<u8>,
}

/// What one reply answers.
#[derive(Clone, Copy, PartialEq)]
enum Framing {
    /// Every read.
    Raw,
    /// Every "\n"-terminated packet.
    Eof,
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(host), Some(Ok(port)), None) =
        (args.get(1), args.get(2).map(|p| p.parse()), args.get(5))
    else {
        eprintln!("usage: echo-ceiling <host> <port> [prefix] [raw|eof|udp]");
        std::process::exit(2);
    };
    let prefix = args.get(3).map_or("Server: ", String::as_str).as_bytes();
    let addr = (host.as_str(), port).to_socket_addrs()?.next();
    let addr = addr.ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "bad host"))?;
    let framing = match args.get(4).map(String::as_str) {
        None | Some("raw") => Framing::Raw,
        Some("eof") => Framing::Eof,
        Some("udp") => return udp_echo(addr, prefix),
        Some(other) => {
            eprintln!("unknown mode {other}: raw, eof or udp");
            std::process::exit(2);
        }
    };

    let mut poll = Poll::new()?;
    let registry = poll.registry().try_clone()?;
    let mut listener = TcpListener::bind(addr)?;
    registry.register(&mut listener, LISTENER, Interest::READABLE)?;
    println!("listening on {}", listener.local_addr()?);
    io::stdout().flush()?;

    // Connections indexed by token; closed slots are reused.
    let mut conns: Vec<Option<Conn>> = Vec::new();
    // The reply is built in place: the prefix stays in front, each read lands after it.
    let mut buf = [prefix, &[0u8; READ_SIZE][..]].concat();
    let mut events = Events::with_capacity(1024);
    loop {
        match poll.poll(&mut events, None) {
            Err(e) if e.kind() != ErrorKind::Interrupted => return Err(e),
            _ => {}
        }
        for ev in events.iter() {
            if ev.token() == LISTENER {
                // Edge-triggered: accept until the backlog is empty.
                loop {
                    let mut stream = match listener.accept() {
                        Ok((stream, _)) => stream,
                        Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                        Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                        Err(e) => break eprintln!("accept: {e}"),
                    };
                    let _ = stream.set_nodelay(true);
                    let slot = conns.iter().position(Option::is_none).unwrap_or_else(|| {
                        conns.push(None);
                        conns.len() - 1
                    });
                    registry.register(&mut stream, Token(slot), Interest::READABLE)?;
                    conns[slot] = Some(Conn {
                        stream,
                        pending: Vec::new(),
                        eof: false,
                        partial: Vec::new(),
                    });
                }
                continue;
            }
            let slot = ev.token().0;
            let Some(conn) = conns.get_mut(slot).and_then(Option::as_mut) else {
                continue;
            };
            let was_pending = !conn.pending.is_empty();
            let mut alive = true;
            if ev.is_writable() && was_pending {
                match write_some(&mut conn.stream, &conn.pending) {
                    Ok(n) => drop(conn.pending.drain(..n)),
                    Err(_) => alive = false,
                }
            }
            if alive && !conn.eof {
                alive = echo(conn, &mut buf, prefix.len(), framing);
            }
            if !alive || (conn.eof && conn.pending.is_empty()) {
                // Dropping the stream closes it and removes it from epoll.
                conns[slot] = None;
                continue;
            }
            let now_pending = !conn.pending.is_empty();
            if now_pending != was_pending {
                let interest = match now_pending {
                    true => Interest::READABLE | Interest::WRITABLE,
                    false => Interest::READABLE,
                };
                registry.reregister(&mut conn.stream, Token(slot), interest)?;
            }
        }
    }
}

/// Reads until the socket is drained or EOF, replying `prefix + data` to each
/// read (the first `plen` bytes of `buf` hold the prefix). A read shorter than
/// the buffer drained the socket: edge-triggered epoll reports the next
/// arrival, so no extra read that would only return WouldBlock is made (the
/// extension's loop follows the same rule). Returns false on a socket error.
fn echo(conn: &mut Conn, buf: &mut [u8], plen: usize, framing: Framing) -> bool {
    loop {
        let n = match conn.stream.read(&mut buf[plen..]) {
            Ok(0) => {
                conn.eof = true;
                return true;
            }
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return e.kind() == ErrorKind::WouldBlock,
        };
        let drained = plen + n < buf.len();
        if framing == Framing::Raw {
            if !reply(conn, &buf[..plen + n]) {
                return false;
            }
        } else {
            // One reply per whole packet; the rest waits for its "\n". Only
            // the new bytes are searched (with memchr, as the extension does).
            let searched = conn.partial.len();
            conn.partial.extend_from_slice(&buf[plen..plen + n]);
            let mut start = 0;
            while let Some(end) = newline(&conn.partial[start..], searched.saturating_sub(start)) {
                let mut r = Vec::with_capacity(plen + end + 1);
                r.extend_from_slice(&buf[..plen]);
                r.extend_from_slice(&conn.partial[start..start + end + 1]);
                if !reply(conn, &r) {
                    return false;
                }
                start += end + 1;
            }
            conn.partial.drain(..start);
        }
        if drained {
            return true;
        }
    }
}

/// The first "\n" in `hay` at or after `from`.
fn newline(hay: &[u8], from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    // SAFETY: searching `rest`, a live slice.
    let hit = unsafe { libc::memchr(rest.as_ptr().cast(), b'\n' as i32, rest.len()) };
    (!hit.is_null()).then(|| from + (hit as usize - rest.as_ptr() as usize))
}

/// Sends one reply, queued behind what is already pending; false on error.
fn reply(conn: &mut Conn, data: &[u8]) -> bool {
    if !conn.pending.is_empty() {
        // Keep replies in order behind what is already queued.
        conn.pending.extend_from_slice(data);
        return true;
    }
    match write_some(&mut conn.stream, data) {
        Ok(done) => {
            conn.pending.extend_from_slice(&data[done..]);
            true
        }
        Err(_) => false,
    }
}

/// The UDP ceiling: `prefix + datagram` back to each sender, blocking.
fn udp_echo(addr: std::net::SocketAddr, prefix: &[u8]) -> io::Result<()> {
    let sock = std::net::UdpSocket::bind(addr)?;
    println!("listening on {}", sock.local_addr()?);
    io::stdout().flush()?;
    let mut buf = [prefix, &[0u8; READ_SIZE][..]].concat();
    loop {
        let (n, from) = match sock.recv_from(&mut buf[prefix.len()..]) {
            Ok(got) => got,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let _ = sock.send_to(&buf[..prefix.len() + n], from);
    }
}

/// Writes as much of `data` as the socket takes; returns how much it took.
fn write_some(stream: &mut TcpStream, data: &[u8]) -> io::Result<usize> {
    let mut done = 0;
    while done < data.len() {
        match stream.write(&data[done..]) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => done += n,
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}
