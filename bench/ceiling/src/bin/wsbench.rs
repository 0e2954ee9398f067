//! wsbench: the WebSocket load generator of `bench/ws.php` (one thread, mio),
//! cheap enough per message that the server, not the client, is measured.
//!
//! - `wsbench echo PORT CONNS SECONDS`: CONNS connections, each keeping one
//!   64-byte text frame in flight (masked, as a client must); prints
//!   `messages N seconds S` for the measured run.
//! - `wsbench broadcast PORT CONNS ROUNDS`: CONNS connections; connection 0
//!   sends `broadcast` and the server pushes `tick` to each; prints the
//!   time until every connection had it, each round: `broadcast MS ...`.
//!
//! Frames from the server are read by their header, so a server that
//! answers with other sizes is still counted right.

use mio::net::TcpStream;
use mio::{Events, Interest, Poll, Token};
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// The echo payload size (the 64-byte text frames).
const PAYLOAD: usize = 64;
/// What `ws_server.php` answers with `tick` to every connection.
const BROADCAST_REQUEST: &[u8] = b"broadcast";
/// A client must mask; a zero key keeps the payload as is (RFC 6455 allows any key).
const MASK_KEY: [u8; 4] = [0; 4];
/// How long a round may take before the run is declared failed.
const ROUND_TIMEOUT: Duration = Duration::from_secs(30);

/// One client connection.
struct Conn {
    /// The socket, non-blocking after the handshake.
    stream: TcpStream,
    /// Bytes read and not yet taken as whole frames.
    input: Vec<u8>,
    /// Bytes to write when the socket takes them.
    output: Vec<u8>,
}

/// A masked text frame carrying `payload` (under 126 bytes).
fn client_frame(payload: &[u8]) -> Vec<u8> {
    let mut f = vec![0x81, 0x80 | payload.len() as u8];
    f.extend_from_slice(&MASK_KEY);
    f.extend_from_slice(payload);
    f
}

/// Opens a connection and does the handshake (blocking, then non-blocking).
fn open(port: u16) -> io::Result<Conn> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.set_nodelay(true)?;
    s.write_all(
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
          Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    )?;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    let end = loop {
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed during the handshake"));
        }
        head.extend_from_slice(&buf[..n]);
        if let Some(i) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    if !head.starts_with(b"HTTP/1.1 101") {
        return Err(io::Error::other("no 101 answer"));
    }
    s.set_nonblocking(true)?;
    Ok(Conn { stream: TcpStream::from_std(s), input: head[end..].to_vec(), output: Vec::new() })
}

/// The size of the first whole frame in `buf`, if there is one.
fn frame_len(buf: &[u8]) -> Option<usize> {
    if buf.len() < 2 {
        return None;
    }
    let (len, at) = match buf[1] & 0x7f {
        126 if buf.len() >= 4 => (u16::from_be_bytes([buf[2], buf[3]]) as usize, 4),
        127 if buf.len() >= 10 => (u64::from_be_bytes(buf[2..10].try_into().ok()?) as usize, 10),
        126 | 127 => return None,
        n => (n as usize, 2),
    };
    (buf.len() >= at + len).then_some(at + len)
}

impl Conn {
    /// Reads what the socket has; returns how many whole frames arrived.
    fn read_frames(&mut self) -> io::Result<usize> {
        let mut buf = [0u8; 65536];
        loop {
            match self.stream.read(&mut buf) {
                Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "server closed")),
                Ok(n) => self.input.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let mut frames = 0;
        let mut at = 0;
        while let Some(n) = frame_len(&self.input[at..]) {
            at += n;
            frames += 1;
        }
        self.input.drain(..at);
        Ok(frames)
    }

    /// Queues `bytes` and writes what the socket takes.
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.output.extend_from_slice(bytes);
        self.flush()
    }

    /// Writes queued bytes until the socket is full.
    fn flush(&mut self) -> io::Result<()> {
        while !self.output.is_empty() {
            match self.stream.write(&self.output) {
                Ok(n) => {
                    self.output.drain(..n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Opens `n` connections registered with `poll`.
fn open_all(poll: &Poll, port: u16, n: usize) -> io::Result<Vec<Conn>> {
    let mut conns = Vec::with_capacity(n);
    for i in 0..n {
        let mut c = open(port)?;
        poll.registry().register(&mut c.stream, Token(i), Interest::READABLE | Interest::WRITABLE)?;
        conns.push(c);
    }
    Ok(conns)
}

/// Echo: each connection keeps one frame in flight; counts answers.
fn echo(port: u16, n: usize, seconds: f64) -> io::Result<()> {
    let mut poll = Poll::new()?;
    let mut conns = open_all(&poll, port, n)?;
    let frame = client_frame(&[b'x'; PAYLOAD]);
    for c in &mut conns {
        c.send(&frame)?;
    }
    let mut events = Events::with_capacity(1024);
    let start = Instant::now();
    let until = start + Duration::from_secs_f64(seconds);
    let mut messages = 0u64;
    while Instant::now() < until {
        poll.poll(&mut events, Some(Duration::from_millis(100)))?;
        for ev in events.iter() {
            let c = &mut conns[ev.token().0];
            if ev.is_writable() {
                c.flush()?;
            }
            if ev.is_readable() {
                for _ in 0..c.read_frames()? {
                    messages += 1;
                    c.send(&frame)?;
                }
            }
        }
    }
    println!("messages {messages} seconds {:.3}", start.elapsed().as_secs_f64());
    Ok(())
}

/// Broadcast: the time from the request until every connection had its frame.
fn broadcast(port: u16, n: usize, rounds: usize) -> io::Result<()> {
    let mut poll = Poll::new()?;
    let mut conns = open_all(&poll, port, n)?;
    let request = client_frame(BROADCAST_REQUEST);
    let mut events = Events::with_capacity(1024);
    let mut times = Vec::new();
    for _ in 0..rounds {
        let mut waiting: Vec<bool> = vec![true; n];
        let mut left = n;
        let start = Instant::now();
        conns[0].send(&request)?;
        while left > 0 {
            if start.elapsed() > ROUND_TIMEOUT {
                return Err(io::Error::new(io::ErrorKind::TimedOut, format!("{left} of {n} never got the broadcast")));
            }
            poll.poll(&mut events, Some(Duration::from_millis(100)))?;
            for ev in events.iter() {
                let i = ev.token().0;
                if ev.is_writable() {
                    conns[i].flush()?;
                }
                if ev.is_readable() && conns[i].read_frames()? > 0 && waiting[i] {
                    waiting[i] = false;
                    left -= 1;
                }
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.2}")).collect();
    println!("broadcast {}", shown.join(" "));
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = || -> ! {
        eprintln!("usage: wsbench echo PORT CONNS SECONDS | wsbench broadcast PORT CONNS ROUNDS");
        std::process::exit(2)
    };
    if args.len() != 5 {
        usage();
    }
    let port: u16 = args[2].parse().unwrap_or_else(|_| usage());
    let conns: usize = args[3].parse().unwrap_or_else(|_| usage());
    let result = match args[1].as_str() {
        "echo" => echo(port, conns, args[4].parse().unwrap_or_else(|_| usage())),
        "broadcast" => broadcast(port, conns, args[4].parse().unwrap_or_else(|_| usage())),
        _ => usage(),
    };
    if let Err(e) = result {
        eprintln!("wsbench: {e}");
        std::process::exit(1);
    }
}
