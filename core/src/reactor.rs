//! One worker's event loop state: the listening socket it accepts on, its
//! connections and their write queues.
//!
//! The loop itself lives in [`crate::worker`]; this module holds the state and
//! the small operations on it (accept one, read one chunk, send, close). Each
//! operation is short and never calls back into user code, so the PHP layer
//! can call `send()`/`close()` from inside a callback without re-entering a
//! borrowed state.

use crate::error::ErrorCode;
use crate::framing::{self, Framing};
use crate::inbox::{self, Kind};
pub use crate::shared::ServerShared;
pub use crate::connection::{idle_since, ip_string, target_of, ConnectionInfo};
use crate::connection::Connection;
use crate::session::SessionId;
use crate::stats::now_f64;
use crate::listener::SockType;
use crate::output::Output;
use crate::port::{Peer, PortSocket, PortSpec, Stream};
use mio::{Interest, Registry, Token};
use slab::Slab;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::time::{Duration, Instant};
use crate::proxy::stage::{Awaiting, Deadlines, PortProxy};

mod proxy_stage;

#[path = "reactor_tls.rs"]
mod tls;

pub(crate) use crate::tokens::{CONN_TOKEN_BASE, INBOX_TOKEN, PORT_TOKEN_BASE, RING_TOKEN};
/// Bytes one read may take; one read makes one onReceive (Swoole's raw protocol).
pub const READ_CHUNK: usize = 65536;

/// onBufferFull / onBufferEmpty, queued for after the current callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BufferEvent {
    Full,
    Empty,
}

/// How the loop is stopping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StopMode {
    /// Running normally.
    Running,
    /// Shutdown: close every connection now, then leave the loop.
    Shutdown,
    /// Restart (max_request): stop accepting, let connections finish until the deadline.
    Drain { deadline: Instant },
}

/// Result of reading one chunk from a connection.
pub(crate) enum ReadOutcome {
    /// `n` bytes for `session`; `more` when the read filled the buffer.
    Data { session: SessionId, n: usize, more: bool },
    /// Whole packets (framed modes) for `session`, possibly none yet.
    Frames { session: SessionId, frames: Vec<Vec<u8>>, more: bool },
    /// `session` is connected now (its PROXY header arrived, or its TLS
    /// handshake is done): its onConnect is due, then reading goes on
    /// (data may have come with the header or the handshake).
    Connected { session: SessionId },
    /// Nothing more to read now (or the connection is gone).
    Done,
}

/// Result of accepting one connection.
pub(crate) enum AcceptOutcome {
    Accepted(SessionId),
    /// Accepted, and waiting for its PROXY header before it is connected.
    Awaiting,
    /// Accepted and closed at once (over `max_connection`).
    Refused,
    /// No connection pending.
    Empty,
}

/// One worker's server state, on top of the process's event loop.
pub struct Reactor {
    /// Where sockets are registered: the process's event loop.
    registry: Registry,
    /// The server's ports; a port's socket is here while this process
    /// serves it (not in a reactor thread, not after stopping).
    ports: Vec<PortState>,
    /// Open connections, keyed by slab index (token - CONN_TOKEN_BASE).
    conns: Slab<Connection>,
    /// Session id to slab index.
    by_session: HashMap<SessionId, usize>,
    /// Closed connections whose onClose has not run yet, oldest first.
    closing: Vec<ConnectionInfo>,
    /// Server-wide shared state.
    pub shared: Arc<ServerShared>,
    /// This worker's inbox read end.
    inbox_fd: Option<RawFd>,
    /// This worker's id (the `$reactor_id` of BASE mode).
    pub worker_id: usize,
    /// Refuse connections past this many.
    max_connection: usize,
    /// socket_buffer_size, buffer_high_watermark, buffer_low_watermark.
    pub(crate) buffer_limits: (usize, usize, usize),
    /// `output_buffer_size`: the largest single send() (PROCESS mode).
    pub(crate) output_limit: usize,
    /// onBufferFull/onBufferEmpty due, oldest first.
    buffer_events: Vec<(SessionId, BufferEvent)>,
    /// How long a draining worker waits for its connections.
    pub(crate) max_wait: Duration,
    /// Requests after which this worker restarts (0 = never).
    request_limit: u64,
    /// Requests served so far.
    pub(crate) requests: u64,
    /// The handler counts this delivery's requests itself ([`Reactor::skip_next_count`]).
    skip_count: bool,
    /// Whether and how the loop is stopping.
    pub(crate) stop: StopMode,
    /// A reactor thread of a PROCESS-mode master: closed sessions stay in the
    /// table until a worker's onClose, and no worker's counters move here.
    in_master: bool,
    /// New connections start paused until `confirm()` (`enable_delay_receive`).
    delay_receive: bool,
    /// Connections `resume()`d since the last look: data that arrived while
    /// paused raised no event, so the loop reads them once.
    resumed: Vec<usize>,
    /// Heartbeat: check every `interval`, close what was idle `idle` seconds.
    heartbeat: Option<Heartbeat>,
    /// When the next heartbeat check is due.
    next_heartbeat: Instant,
    /// The "too many connections" line: at most one a second, the rest
    /// counted (a flood must not fill the log).
    refused_log: crate::log::Throttle,
    /// Connections waiting for their PROXY header, until `proxy_protocol_timeout`.
    proxy_deadlines: Deadlines,
    /// TLS connections still handshaking, oldest first, with the moment
    /// their handshake times out (a client that stalls is not kept).
    handshake_deadlines: std::collections::VecDeque<(Instant, usize, SessionId)>,
}

/// `heartbeat_check_interval` / `heartbeat_idle_time`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heartbeat {
    pub interval: Duration,
    /// Seconds without input after which a connection is closed.
    pub idle: f64,
}

impl Heartbeat {
    /// From the settings, as Swoole reads them: the idle time defaults to
    /// twice the interval; with only an idle time, the interval is half of
    /// it (at least a second).
    pub fn from_settings(interval: Option<f64>, idle: Option<f64>) -> Option<Heartbeat> {
        let (interval, idle) = match (interval, idle) {
            (Some(i), idle) if i > 0.0 => (i, idle.filter(|&t| t > 0.0).unwrap_or(i * 2.0)),
            (_, Some(t)) if t > 0.0 => ((t / 2.0).max(1.0), t),
            _ => return None,
        };
        Some(Heartbeat { interval: Duration::from_secs_f64(interval), idle })
    }
}

/// One port as a reactor serves it.
struct PortState {
    sock_type: SockType,
    /// The bound port (0 for Unix sockets) and listening fd, for `getClientInfo()`.
    port: u16,
    raw_fd: RawFd,
    /// How a connection's bytes become onReceive calls.
    framing: Framing,
    /// TCP_NODELAY on accepted connections.
    nodelay: bool,
    /// Keepalive, kernel buffers... of accepted connections.
    options: crate::port::SocketOptions,
    /// The socket, while this process serves it.
    socket: Option<PortSocket>,
    /// `open_proxy_protocol`: connections start with a PROXY header.
    proxy: Option<PortProxy>,
    /// A `SWOOLE_SSL` port's context: each connection handshakes first.
    tls: Option<Arc<crate::tls::TlsAcceptor>>,
}

/// What a worker's reactor needs to be built.
#[derive(Debug, Clone)]
pub struct ReactorConfig {
    /// Output limits: socket_buffer_size, high and low watermarks.
    pub buffer_limits: (usize, usize, usize),
    pub worker_id: usize,
    pub max_connection: usize,
    pub max_wait: Duration,
    pub request_limit: u64,
    /// New connections wait for `confirm()` before they are read.
    pub delay_receive: bool,
    pub heartbeat: Option<Heartbeat>,
    /// `output_buffer_size`: the largest single send() (PROCESS mode).
    pub output_limit: usize,
}

impl Reactor {
    /// Builds the server state of this process around its ports (each a
    /// spec with a dup of the listening socket when this process serves it;
    /// a task worker serves none), on this process's event loop, which from
    /// now on also takes the server's signals.
    pub fn new(ports: Vec<PortSpec>, shared: Arc<ServerShared>, cfg: ReactorConfig) -> io::Result<Reactor> {
        let registry = crate::event_loop::serve_signals()?;
        let inbox_fd = shared.inboxes.read_end(cfg.worker_id);
        if let Some(bell) = shared.links.as_ref().and_then(|l| l.worker_bells.get(cfg.worker_id)) {
            registry.register(&mut mio::unix::SourceFd(&bell.fd()), RING_TOKEN, Interest::READABLE)?;
        }
        Self::build(registry, ports, inbox_fd, shared, cfg, false)
    }

    /// The connection state of reactor thread `cfg.worker_id` of a
    /// PROCESS-mode master, on that thread's poller: it takes connections
    /// the main thread accepted ([`Reactor::adopt`]) and serves its inbox.
    pub fn in_thread(registry: Registry, ports: Vec<PortSpec>, shared: Arc<ServerShared>, cfg: ReactorConfig)
        -> io::Result<Reactor> {
        let inbox_fd = shared.reactors.as_ref().and_then(|r| r.read_end(cfg.worker_id));
        Self::build(registry, ports, inbox_fd, shared, cfg, true)
    }

    fn build(
        registry: Registry,
        specs: Vec<PortSpec>,
        inbox_fd: Option<RawFd>,
        shared: Arc<ServerShared>,
        cfg: ReactorConfig,
        in_master: bool,
    ) -> io::Result<Reactor> {
        let mut ports = Vec::with_capacity(specs.len());
        for (i, spec) in specs.into_iter().enumerate() {
            let socket = match spec.socket {
                Some(fd) => {
                    let mut socket = PortSocket::new(fd, spec.sock_type)?;
                    registry.register(&mut socket, Token(PORT_TOKEN_BASE + i), Interest::READABLE)?;
                    Some(socket)
                }
                None => None,
            };
            ports.push(PortState {
                sock_type: spec.sock_type,
                port: spec.port,
                raw_fd: spec.raw_fd,
                framing: spec.framing,
                nodelay: spec.nodelay,
                options: spec.options,
                socket,
                proxy: spec.proxy,
                tls: spec.tls,
            });
        }
        if let Some(fd) = inbox_fd {
            crate::process::set_blocking(fd, false)?;
            registry.register(&mut mio::unix::SourceFd(&fd), INBOX_TOKEN, Interest::READABLE)?;
        }
        inbox::serve_own(inbox_fd);
        Ok(Reactor {
            inbox_fd,
            ports,
            registry,
            conns: Slab::new(),
            by_session: HashMap::new(),
            closing: Vec::new(),
            shared,
            worker_id: cfg.worker_id,
            max_connection: cfg.max_connection,
            buffer_limits: cfg.buffer_limits,
            output_limit: cfg.output_limit,
            buffer_events: Vec::new(),
            max_wait: cfg.max_wait,
            request_limit: cfg.request_limit,
            requests: 0,
            skip_count: false,
            stop: StopMode::Running,
            in_master,
            delay_receive: cfg.delay_receive,
            resumed: Vec::new(),
            heartbeat: cfg.heartbeat,
            next_heartbeat: Instant::now() + cfg.heartbeat.map_or(Duration::ZERO, |h| h.interval),
            refused_log: crate::log::Throttle::new(crate::log::REFUSED_LOG_PERIOD),
            proxy_deadlines: Deadlines::default(),
            handshake_deadlines: Default::default(),
        })
    }

    /// This process's worker slot for per-worker counters (none in a
    /// master's reactor thread).
    fn own_slot(&self) -> Option<&crate::stats::WorkerSlot> {
        if self.in_master { None } else { self.shared.stats.worker(self.worker_id) }
    }

    /// One response of `bytes` sent (`stats()`: server-wide, and this
    /// worker's own count).
    fn count_sent(&self, bytes: u64) {
        let counters = self.shared.stats.counters();
        counters.total_send_bytes.fetch_add(bytes, ORD);
        counters.response_count.fetch_add(1, ORD);
        if let Some(w) = self.own_slot() {
            w.response_count.fetch_add(1, ORD);
        }
    }

    /// `n` requests received, counted like [`Reactor::count_sent`].
    fn count_requests(&self, n: u64) {
        self.shared.stats.counters().request_count.fetch_add(n, ORD);
        if let Some(w) = self.own_slot() {
            w.request_count.fetch_add(n, ORD);
        }
    }

    fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Receives one datagram of datagram port `port` into `buf`: (length, sender).
    pub(crate) fn recv_packet(&mut self, port: usize, buf: &mut [u8]) -> Option<(usize, Peer)> {
        let socket = self.ports.get(port)?.socket.as_ref()?;
        let got = socket.recv_from(buf).ok()?;
        self.shared.stats.counters().total_recv_bytes.fetch_add(got.0 as u64, ORD);
        self.count_requests(1);
        Some(got)
    }

    /// `sendto()` / `send($address)`: a datagram from the datagram port whose
    /// fd is `server_socket`, or else the first one of `to`'s kind (and IP
    /// version).
    pub fn send_to(&mut self, to: &Peer, data: &[u8], server_socket: Option<RawFd>) -> Result<(), ErrorCode> {
        let fits = |p: &PortState| match to {
            Peer::Inet(a) => matches!(p.sock_type, SockType::Udp | SockType::Udp6) && p.sock_type.is_v6() == a.is_ipv6(),
            Peer::Unix(_) => p.sock_type == SockType::UnixDgram,
        };
        let port = match server_socket {
            Some(fd) => self.ports.iter().find(|p| p.raw_fd == fd && p.socket.as_ref().is_some_and(PortSocket::is_datagram)),
            None => self.ports.iter().find(|p| p.socket.is_some() && fits(p)),
        };
        let Some(socket) = port.and_then(|p| p.socket.as_ref()) else { return Err(ErrorCode::WRONG_OPERATION) };
        match socket.send_to(data, to) {
            Ok(_) => {
                self.count_sent(data.len() as u64);
                Ok(())
            }
            Err(_) => Err(ErrorCode::SYSTEM_CALL_FAIL),
        }
    }

    /// The server socket (fd, port) of port `port`, as onPacket reports it.
    pub fn server_socket(&self, port: usize) -> (RawFd, u16) {
        self.ports.get(port).map_or((-1, 0), |p| (p.raw_fd, p.port))
    }

    /// Whether this process serves a Unix datagram port (`send()` takes a
    /// path as `$fd` then).
    pub fn has_unix_dgram_port(&self) -> bool {
        self.ports.iter().any(|p| p.sock_type == SockType::UnixDgram && p.socket.is_some())
    }

    /// Whether port `port` is a datagram port (UDP, Unix datagram).
    pub fn port_is_datagram(&self, port: usize) -> bool {
        self.ports.get(port).is_some_and(|p| p.sock_type.is_datagram())
    }

    /// The port a session came in on.
    pub fn port_of(&self, session: SessionId) -> Option<usize> {
        match self.by_session.get(&session) {
            Some(&k) => Some(self.conns[k].port),
            None => self.closing.iter().find(|i| i.session == session).map(|i| i.port),
        }
    }

    /// Accepts one pending connection on stream port `port`.
    pub(crate) fn accept_one(&mut self, port: usize) -> AcceptOutcome {
        let Some(socket) = self.ports.get(port).and_then(|p| p.socket.as_ref()) else { return AcceptOutcome::Empty };
        let (stream, peer) = match socket.accept() {
            Ok(Some(pair)) => pair,
            Ok(None) => return AcceptOutcome::Empty,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return AcceptOutcome::Refused,
            Err(_) => return AcceptOutcome::Empty,
        };
        let counters = self.shared.stats.counters();
        if self.conns.len() >= self.max_connection {
            counters.abort_count.fetch_add(1, ORD);
            let from = peer.map_or_else(|| "a Unix socket".to_string(), |p| p.to_string());
            crate::log::connection_refused(&mut self.refused_log, self.max_connection, &from);
            return AcceptOutcome::Refused;
        }
        match self.adopt(stream, peer, port, None) {
            Some(session) if self.awaits_proxy(session) => AcceptOutcome::Awaiting,
            Some(session) => AcceptOutcome::Accepted(session),
            None => AcceptOutcome::Refused,
        }
    }

    /// Serves a connection accepted here or, in a master, by the main thread
    /// (which opened its session already and counted it).
    pub fn adopt(&mut self, mut stream: Stream, peer: Option<SocketAddr>, port: usize, opened: Option<SessionId>)
        -> Option<SessionId> {
        let (sock_type, server_fd, server_port) = match self.ports.get(port) {
            Some(p) => (p.sock_type, p.raw_fd, p.port),
            None => return None,
        };
        let proxy = self.ports[port].proxy.as_ref();
        if proxy.is_some_and(|p| !p.admits(peer)) {
            let from = peer.map_or_else(String::new, |p| p.to_string());
            self.proxy_refused(&format!("{from} is not in proxy_protocol_trusted, connection refused"));
            if let Some(session) = opened {
                self.shared.table.close(session);
                self.shared.stats.counters().connection_num.fetch_sub(1, ORD);
            }
            return None;
        }
        let awaiting = proxy.map(|p| Awaiting::new(p.timeout));
        if self.ports[port].nodelay {
            stream.set_nodelay();
        }
        self.ports[port].options.apply_accepted(stream.as_raw_fd(), matches!(stream, Stream::Tcp(_)));
        let tls = match self.ports[port].tls.as_ref().map(|a| a.accept(stream.as_raw_fd())) {
            None => None,
            Some(Ok(t)) => Some(Box::new(t)),
            Some(Err(e)) => {
                crate::log::put_code(crate::log::LOG_WARNING, crate::tls::error::codes::SSL_CREATE_SESSION_FAILED.0,
                    &format!("a TLS session for a new connection cannot be made: {e}"));
                if let Some(s) = opened {
                    self.shared.table.close(s);
                    self.shared.stats.counters().connection_num.fetch_sub(1, ORD);
                }
                return None;
            }
        };
        let session = opened.unwrap_or_else(|| self.shared.table.open(&self.shared.sessions, self.worker_id));
        let counted = opened.is_some();
        let key = self.conns.vacant_key();
        if self.registry().register(&mut stream, Token(CONN_TOKEN_BASE + key), Interest::READABLE).is_err() {
            self.shared.table.close(session);
            if counted {
                self.shared.stats.counters().connection_num.fetch_sub(1, ORD);
            }
            return None;
        }
        let now = now_f64();
        let socket_fd = stream.as_raw_fd();
        let remote = peer.unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], 0)));
        self.shared.table.publish(session, socket_fd, (server_fd, server_port), remote, now);
        self.shared.table.set_port(session, port);
        let info = ConnectionInfo {
            session,
            uid: 0,
            port,
            server_port,
            server_fd,
            socket_fd,
            socket_type: sock_type as i32,
            remote_port: remote.port(),
            remote_ip: if peer.is_some() { ip_string(&remote) } else { String::new() },
            reactor_id: self.worker_id as i32,
            connect_time: now,
            last_recv_time: 0.0,
            last_send_time: 0.0,
            last_dispatch_time: 0.0,
            close_errno: 0,
            recv_queued_bytes: 0,
            send_queued_bytes: 0,
            closed_by_server: false,
            proxy: None,
            ssl_client_cert: None,
        };
        if let Some(a) = &awaiting {
            self.proxy_deadlines.push(a.deadline, key, session);
        }
        self.conns.insert(Connection {
            stream,
            port,
            info,
            out: Output::default(),
            inbuf: Vec::new(),
            scanned: 0,
            close_after_flush: false,
            want_write: false,
            full: false,
            // The header is read first; `enable_delay_receive` holds what follows.
            paused: self.delay_receive && awaiting.is_none(),
            held: false,
            proxy: awaiting,
            replay: Vec::new(),
            tls,
        });
        self.by_session.insert(session, key);
        if self.conns[key].tls.is_some() {
            self.handshake_deadlines.push_back((Instant::now() + tls::HANDSHAKE_TIMEOUT, key, session));
            self.shared.table.set_handshaking(session, true);
        }
        if !counted {
            let counters = self.shared.stats.counters();
            counters.accept_count.fetch_add(1, ORD);
            counters.connection_num.fetch_add(1, ORD);
        }
        Some(session)
    }

    /// Reads one chunk from connection `key` into `buf`.
    pub(crate) fn read(&mut self, key: usize, buf: &mut [u8]) -> ReadOutcome {
        if self.conns.get(key).is_some_and(|c| c.tls.is_some()) {
            return self.read_tls(key, buf);
        }
        loop {
            let Some(conn) = self.conns.get_mut(key) else { return ReadOutcome::Done };
            // pause() from another process holds before its message comes.
            if conn.paused || conn.held || self.shared.table.is_paused(conn.info.session) {
                return ReadOutcome::Done;
            }
            let got = if conn.replay.is_empty() {
                conn.stream.read(buf)
            } else {
                // What came after the PROXY header (at most one read's worth).
                let n = conn.replay.len();
                buf[..n].copy_from_slice(&conn.replay);
                conn.replay.clear();
                Ok(n)
            };
            if conn.proxy.is_some() {
                match self.proxy_input(key, got.map(|n| &buf[..n])) {
                    Some(outcome) => return outcome,
                    None => continue,
                }
            }
            match got {
                Ok(0) => {
                    self.close_key(key, false, 0);
                    return ReadOutcome::Done;
                }
                Ok(n) => {
                    if let Some(out) = self.received(key, buf, n, n == buf.len()) {
                        return out;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return ReadOutcome::Done,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.close_key(key, false, e.raw_os_error().unwrap_or(0));
                    return ReadOutcome::Done;
                }
            }
        }
    }

    /// Bookkeeping for `n` bytes read from connection `key` into `buf`,
    /// and what they make (one chunk, or the whole packets they complete);
    /// `None` when the connection is closing and input is discarded.
    fn received(&mut self, key: usize, buf: &[u8], n: usize, more: bool) -> Option<ReadOutcome> {
        let conn = self.conns.get_mut(key)?;
        if conn.close_after_flush {
            return None; // closing: input is discarded
        }
        let now = now_f64();
        conn.info.last_recv_time = now;
        conn.info.last_dispatch_time = now;
        let session = conn.info.session;
        self.shared.table.touch_recv(session, now);
        let counters = self.shared.stats.counters();
        counters.total_recv_bytes.fetch_add(n as u64, ORD);
        let framing = &self.ports[conn.port].framing;
        if framing.is_raw() {
            self.count_requests(1);
            return Some(ReadOutcome::Data { session, n, more });
        }
        conn.inbuf.extend_from_slice(&buf[..n]);
        match framing::take_frames_from(framing, &mut conn.inbuf, &mut conn.scanned) {
            Ok(frames) => {
                conn.info.recv_queued_bytes = conn.inbuf.len();
                self.count_requests(frames.len() as u64);
                Some(ReadOutcome::Frames { session, frames, more })
            }
            Err(e) => {
                // Only this connection is refused; nothing reaches PHP.
                let (ip, port) = (&conn.info.remote_ip, conn.info.remote_port);
                let line = match e {
                    // Swoole's words for a package_length_func's refusal.
                    framing::FrameError::Rejected { .. } => format!(
                        "Protocol::recv_with_length_protocol() (ERRNO {}): {e}, remote_addr=<{ip}:{port}>",
                        e.code()
                    ),
                    _ => format!(
                        "Worker::read(): {e} (error {}), connection #{session} from {ip}:{port} closed",
                        e.code()
                    ),
                };
                crate::log::put_code(crate::log::LOG_WARNING, e.code(), &line);
                self.close_key(key, true, 0);
                Some(ReadOutcome::Done)
            }
        }
    }

    /// Queues `data` for `session`, writing at once what the kernel takes.
    pub fn send(&mut self, session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
        self.send_checked(session, data, true)
    }

    /// `send()` whose `socket_buffer_size` check was made by the sender (a
    /// PROCESS-mode worker): the data is queued whatever the queue's size,
    /// as Swoole's reactor does; only the sender's next send() fails.
    fn send_checked(&mut self, session: SessionId, data: &[u8], check_limit: bool) -> Result<(), ErrorCode> {
        if data.is_empty() {
            return Err(ErrorCode::NO_PAYLOAD);
        }
        let key = self.live_key(session)?;
        let (limit, high, _) = self.buffer_limits;
        let conn = &mut self.conns[key];
        if conn.close_after_flush {
            return Err(ErrorCode::SESSION_CLOSED_BY_SERVER);
        }
        if conn.handshaking() {
            return Err(crate::tls::error::codes::SSL_NOT_READY);
        }
        // The queue reached `socket_buffer_size`: sends fail (1009) until it
        // drains below it.
        if check_limit && conn.info.send_queued_bytes >= limit {
            return Err(ErrorCode::OUTPUT_BUFFER_OVERFLOW);
        }
        let mut written = 0;
        if conn.tls.is_some() {
            match self.send_tls(key, data) {
                Ok(n) => written = n,
                Err(_) => {
                    self.close_key(key, false, 0);
                    return Err(ErrorCode::SESSION_CLOSED_BY_CLIENT);
                }
            }
        } else if conn.out.is_empty() {
            loop {
                match conn.stream.write(&data[written..]) {
                    Ok(n) => {
                        written += n;
                        if written == data.len() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.close_key(key, false, e.raw_os_error().unwrap_or(0));
                        return Err(ErrorCode::SESSION_CLOSED_BY_CLIENT);
                    }
                }
            }
        }
        let conn = &mut self.conns[key];
        if written < data.len() {
            // Appended even past the limit (Swoole): the *next* send fails.
            conn.out.push_bytes(&data[written..]);
            self.queued_more(key, high);
        }
        let conn = &mut self.conns[key];
        let now = now_f64();
        conn.info.last_send_time = now;
        self.shared.table.touch_send(session, now, conn.info.send_queued_bytes);
        self.count_sent(data.len() as u64);
        Ok(())
    }

    /// After output was queued on connection `key`: the queue's size,
    /// onBufferFull at the high mark, and WRITABLE interest.
    fn queued_more(&mut self, key: usize, high: usize) {
        let conn = &mut self.conns[key];
        let queued = conn.out.queued();
        conn.info.send_queued_bytes = queued;
        if queued >= high && !conn.full {
            conn.full = true;
            self.buffer_events.push((conn.info.session, BufferEvent::Full));
        }
        if !conn.want_write {
            conn.want_write = true;
            let token = Token(CONN_TOKEN_BASE + key);
            let _ = self.registry.reregister(&mut conn.stream, token, Interest::READABLE | Interest::WRITABLE);
        }
    }

    /// `sendfile()`: queues `length` bytes of the file at `path` from
    /// `offset` (0: to its end), sent by the kernel as the socket takes them.
    pub fn sendfile(&mut self, session: SessionId, path: &str, offset: u64, length: u64) -> Result<(), ErrorCode> {
        let key = self.live_key(session)?;
        if self.conns[key].close_after_flush {
            return Err(ErrorCode::SESSION_CLOSED_BY_SERVER);
        }
        if self.conns[key].handshaking() {
            return Err(crate::tls::error::codes::SSL_NOT_READY);
        }
        let (file, len) = crate::output::open_file_range(path, offset, length)?;
        self.conns[key].out.push_file(file, offset, len);
        let (_, high, _) = self.buffer_limits;
        self.queued_more(key, high);
        self.flush(key);
        self.count_sent(len);
        Ok(())
    }

    /// `sendwait()` (BASE): sends and waits until the kernel took every byte
    /// queued for `session`.
    pub fn send_wait(&mut self, session: SessionId, data: &[u8]) -> Result<(), ErrorCode> {
        self.send_checked(session, data, false)?;
        loop {
            let key = self.live_key(session)?;
            if !self.conns[key].output_pending() {
                return Ok(());
            }
            let mut pfd = libc::pollfd { fd: self.conns[key].stream.as_raw_fd(), events: libc::POLLOUT, revents: 0 };
            // SAFETY: one pollfd of ours.
            unsafe { libc::poll(&mut pfd, 1, 1000) };
            self.flush(key);
        }
    }

    /// Writes queued output of connection `key` (on WRITABLE).
    pub(crate) fn flush(&mut self, key: usize) {
        let Some(conn) = self.conns.get_mut(key) else { return };
        let written = if conn.tls.is_some() { self.flush_tls(key) } else { conn.out.write_to(&mut conn.stream).map(|_| ()) };
        if let Err(e) = written {
            self.close_key(key, false, e.raw_os_error().unwrap_or(0));
            return;
        }
        let conn = &mut self.conns[key];
        let queued = conn.out.queued();
        conn.info.send_queued_bytes = queued;
        self.shared.table.set_queued(conn.info.session, queued);
        let (_, _, low) = self.buffer_limits;
        if conn.full && queued <= low {
            conn.full = false;
            let session = conn.info.session;
            self.buffer_events.push((session, BufferEvent::Empty));
        }
        let conn = &mut self.conns[key];
        if !conn.output_pending() {
            if conn.close_after_flush {
                self.close_key(key, false, 0);
                return;
            }
            if conn.want_write {
                conn.want_write = false;
                let token = Token(CONN_TOKEN_BASE + key);
                let _ = self.registry.reregister(&mut conn.stream, token, Interest::READABLE);
            }
        }
    }

    /// Closes `session` from the server side. Pending output is sent first
    /// unless `reset`, which drops it and sends RST.
    pub fn close(&mut self, session: SessionId, reset: bool) -> Result<(), ErrorCode> {
        let key = self.live_key(session)?;
        let conn = &mut self.conns[key];
        if conn.close_after_flush {
            return Err(ErrorCode::SESSION_CLOSED_BY_SERVER);
        }
        conn.info.closed_by_server = true;
        if reset {
            let linger = libc::linger { l_onoff: 1, l_linger: 0 };
            // SAFETY: setting SO_LINGER on our own socket.
            unsafe {
                libc::setsockopt(
                    conn.stream.as_raw_fd(),
                    libc::SOL_SOCKET,
                    libc::SO_LINGER,
                    (&linger as *const libc::linger).cast(),
                    std::mem::size_of::<libc::linger>() as libc::socklen_t,
                );
            }
        } else if conn.output_pending() {
            conn.close_after_flush = true;
            return Ok(());
        }
        self.close_key(key, reset, 0);
        Ok(())
    }

    /// Removes connection `key` and queues its onClose.
    fn close_key(&mut self, key: usize, reset: bool, errno: i32) {
        if self.conns.get(key).is_some_and(Connection::handshaking) {
            // No onConnect ran: no onClose either.
            return self.drop_unannounced(key);
        }
        let Some(mut conn) = self.conns.try_remove(key) else { return };
        if !reset {
            tls::close_session(&mut conn);
        }
        let _ = self.registry.deregister(&mut conn.stream);
        self.by_session.remove(&conn.info.session);
        if self.in_master {
            // A worker's onClose may still ask getClientInfo(): it frees the slot.
            self.shared.table.mark_closing(conn.info.session);
        } else {
            self.shared.table.close(conn.info.session);
        }
        conn.info.close_errno = errno;
        let counters = self.shared.stats.counters();
        counters.close_count.fetch_add(1, ORD);
        counters.connection_num.fetch_sub(1, ORD);
        self.closing.push(conn.info);
        // `conn.stream` drops here: the socket is closed.
    }

    /// The buffer events due since the last call.
    pub fn take_buffer_events(&mut self) -> Vec<(SessionId, BufferEvent)> {
        std::mem::take(&mut self.buffer_events)
    }

    /// Every closed connection whose onClose has not run, oldest first (a
    /// master's reactor thread hands them to workers).
    pub fn take_closed(&mut self) -> Vec<ConnectionInfo> {
        std::mem::take(&mut self.closing)
    }

    /// The oldest closed connection whose onClose has not run, and whether
    /// the server closed it.
    pub(crate) fn next_closed(&self) -> Option<(SessionId, bool)> {
        self.closing.first().map(|i| (i.session, i.closed_by_server))
    }

    /// Whether buffer events or onClose calls are due (one cheap check on
    /// the hot path, after every callback).
    pub(crate) fn has_pending(&self) -> bool {
        !self.buffer_events.is_empty() || !self.closing.is_empty()
    }

    /// Forgets the oldest closed connection once its onClose ran.
    pub(crate) fn closed_delivered(&mut self) {
        if !self.closing.is_empty() {
            self.closing.remove(0);
        }
    }

    fn live_key(&self, session: SessionId) -> Result<usize, ErrorCode> {
        match self.by_session.get(&session) {
            Some(&k) => Ok(k),
            None if self.closing.iter().any(|i| i.session == session) => Err(ErrorCode::SESSION_CLOSING),
            None => Err(ErrorCode::SESSION_NOT_EXIST),
        }
    }

    /// Applies what other processes sent to this inbox (sends, closes,
    /// pauses) up to the next message for PHP (a pipe message, a task, a
    /// result, a connection event), which it returns; `None` when the inbox
    /// is empty.
    pub fn next_inbox_message(&mut self) -> Option<inbox::Message> {
        self.inbox_fd?;
        loop {
            if let Some(msg) = self.apply(inbox::next_own()?) {
                return Some(msg);
            }
        }
    }

    /// Carries out a request another process sent about a connection held
    /// here (send, close, pause, resume); any other message is handed back.
    pub fn apply(&mut self, msg: inbox::Message) -> Option<inbox::Message> {
        // Fire-and-forget: the session may have closed meanwhile.
        let _ = match msg.kind {
            // The sender checked the queue's limit (a worker) or has none to check.
            Kind::Send => self.send_checked(msg.session, &msg.payload, !self.in_master),
            Kind::Close => self.close(msg.session, false),
            Kind::Reset => self.close(msg.session, true),
            Kind::SendFile => match crate::inbox::SendFileRequest::decode(&msg.payload) {
                Some(r) => self.sendfile(msg.session, &r.path, r.offset, r.length),
                None => Ok(()),
            },
            Kind::Pause => self.set_paused(msg.session, true),
            Kind::Resume => self.set_paused(msg.session, false),
            Kind::PipeMessage
            | Kind::Task
            | Kind::Finish
            | Kind::Connect
            | Kind::Receive
            | Kind::Closed
            | Kind::BufferFull
            | Kind::BufferEmpty
            | Kind::Command
            | Kind::CommandReply
            | Kind::Shutdown => return Some(msg),
        };
        None
    }

    /// In a PROCESS-mode event worker: its id, to write to its rings.
    /// A stopping worker writes through the inbox instead: its successor
    /// (already running) is the rings' one writer from then on.
    pub fn ring_writer(&self) -> Option<usize> {
        let links = self.shared.links.as_ref()?;
        (!self.in_master && self.stop == StopMode::Running && self.worker_id < links.worker_num).then_some(self.worker_id)
    }

    /// `pause()` / `resume()` of a connection held here.
    pub fn set_paused(&mut self, session: SessionId, paused: bool) -> Result<(), ErrorCode> {
        let key = self.live_key(session)?;
        self.shared.table.set_paused(session, paused);
        let conn = &mut self.conns[key];
        if conn.paused != paused {
            conn.paused = paused;
            if !paused {
                self.resumed.push(key);
            }
        }
        Ok(())
    }

    /// Holds (or releases) reading of connection `key` while it still is
    /// `session`'s (`max_queued_bytes`); false if it is not.
    pub(crate) fn set_held(&mut self, key: usize, session: SessionId, held: bool) -> bool {
        match self.conns.get_mut(key).filter(|c| c.info.session == session) {
            Some(conn) => {
                conn.held = held;
                true
            }
            None => false,
        }
    }

    /// Connections resumed since the last call (to be read once now).
    pub fn take_resumed(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.resumed)
    }

    /// Sessions held here that took no input for `idle` seconds and are not
    /// `protect()`ed (one not read for `max_queued_bytes` is not idle: its
    /// client sent more than the workers took yet).
    pub fn idle_sessions(&self, idle: f64) -> Vec<SessionId> {
        let now = now_f64();
        self.conns
            .iter()
            // A connection still waiting for its PROXY header has its own timeout.
            .filter(|(_, c)| !c.close_after_flush && !c.held && c.proxy.is_none())
            .filter(|(_, c)| idle_since(c.info.last_recv_time, c.info.connect_time, now) >= idle)
            .map(|(_, c)| c.info.session)
            .filter(|&s| !self.shared.table.is_protected(s))
            .collect()
    }

    /// Runs the heartbeat check if it is due: closes every connection found
    /// idle (their onClose follows). Returns how long until the next check.
    pub fn heartbeat_tick(&mut self) -> Option<Duration> {
        let proxy = self.proxy_tick();
        match (self.heartbeat_check(), proxy) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The heartbeat and TLS handshake part of [`Reactor::heartbeat_tick`].
    fn heartbeat_check(&mut self) -> Option<Duration> {
        let handshakes = self.handshake_tick();
        let Some(hb) = self.heartbeat else { return handshakes };
        let now = Instant::now();
        if now >= self.next_heartbeat {
            for s in self.idle_sessions(hb.idle) {
                let _ = self.close(s, false);
            }
            self.next_heartbeat = now + hb.interval;
        }
        let wait = self.next_heartbeat - now;
        Some(handshakes.map_or(wait, |h| h.min(wait)))
    }

    /// Whether the worker is stopping gracefully (reload, max_request): it
    /// finishes its connections and onWorkerExit runs each loop round.
    pub(crate) fn draining(&self) -> bool {
        matches!(self.stop, StopMode::Drain { .. })
    }

    /// Whether the worker is stopping (its remaining inbox is its successor's).
    pub fn stopping(&self) -> bool {
        self.stop != StopMode::Running
    }

    /// Whether `session` is open in this worker.
    pub fn exists(&self, session: SessionId) -> bool {
        self.by_session.get(&session).is_some_and(|&k| {
            let c = &self.conns[k];
            !c.close_after_flush && c.proxy.is_none() && !c.handshaking()
        })
    }

    /// `getClientInfo()`: an open connection, or one whose onClose is running.
    pub fn info(&self, session: SessionId) -> Option<ConnectionInfo> {
        let mut info = match self.by_session.get(&session) {
            Some(&k) if self.conns[k].handshaking() => return None,
            Some(&k) => self.conns[k].info.clone(),
            None => self.closing.iter().find(|i| i.session == session).cloned()?,
        };
        info.uid = self.shared.table.uid(session);
        if info.ssl_client_cert.is_none() {
            info.ssl_client_cert = self.client_cert(session);
        }
        Some(info)
    }

    /// Open sessions of this worker, ascending.
    pub fn sessions(&self) -> Vec<SessionId> {
        // (Not those still waiting for their PROXY header or handshaking: not connected yet.)
        let connected = |k: usize| self.conns[k].proxy.is_none() && !self.conns[k].handshaking();
        let mut v: Vec<SessionId> = self.by_session.iter().filter(|&(_, &k)| connected(k)).map(|(&s, _)| s).collect();
        v.sort_unstable();
        v
    }

    /// Starts stopping: `Shutdown` closes every connection now; otherwise the
    /// worker stops accepting and drains until `max_wait_time`.
    pub fn begin_stop(&mut self, shutdown: bool) {
        for p in &mut self.ports {
            if let Some(mut socket) = p.socket.take() {
                let _ = self.registry.deregister(&mut socket);
            }
        }
        // The doorbell is the successor's from now on: an edge this worker
        // consumed would be lost to it.
        if let Some(bell) = self.shared.links.as_ref().and_then(|l| l.worker_bells.get(self.worker_id)) {
            if !self.in_master {
                let _ = self.registry.deregister(&mut mio::unix::SourceFd(&bell.fd()));
            }
        }
        if shutdown {
            self.stop = StopMode::Shutdown;
            let keys: Vec<usize> = self.conns.iter().map(|(k, _)| k).collect();
            for k in keys {
                self.close_key(k, false, 0);
            }
        } else if self.stop == StopMode::Running {
            self.stop = StopMode::Drain { deadline: Instant::now() + self.max_wait };
            if let Some(w) = self.shared.stats.worker(self.worker_id) {
                w.exiting.store(1, ORD);
            }
            // Ask the supervisor (our parent) to start a replacement now.
            // SAFETY: signalling our parent process.
            unsafe { libc::kill(libc::getppid(), libc::SIGCHLD) };
        }
    }

    /// What `dispatch_mode` looks at for `session` (its address only when
    /// `with_ip`: parsing it is the one cost here).
    pub fn dispatch_target(&self, session: SessionId, with_ip: bool) -> Option<crate::dispatch::Target> {
        let &key = self.by_session.get(&session)?;
        Some(target_of(&self.conns[key].info, with_ip, self.shared.table.uid(session)))
    }

    /// Counts a request a reactor thread dispatched here (PROCESS mode) in
    /// this worker's `worker_request_count`, and takes its `len` bytes off
    /// the queue `max_queued_bytes` limits (before the callback: a worker
    /// that dies in it must not leave them counted).
    pub(crate) fn count_received(&self, session: SessionId, len: usize) {
        if let Some(w) = self.own_slot() {
            w.request_count.fetch_add(1, ORD);
        }
        self.shared.table.queue_recv(session, -(len as i64));
        self.shared.stats.counters().recv_queued_bytes.fetch_sub(len as i64, ORD);
    }

    /// Counts one handled request (or task); starts draining at the limit.
    pub fn count_request(&mut self) {
        if std::mem::take(&mut self.skip_count) {
            return;
        }
        self.requests += 1;
        if self.request_limit > 0 && self.requests >= self.request_limit && self.stop == StopMode::Running {
            self.begin_stop(false);
        }
    }

    /// The delivery being handled is not one request: its handler counts
    /// the requests in it with [`Reactor::count_request`] (HTTP: one read
    /// may hold several pipelined requests, or part of one).
    pub fn skip_next_count(&mut self) {
        self.skip_count = true;
    }

    /// Whether the loop should end now, and the poll timeout otherwise.
    /// `loop_busy`: the process's event loop still has timers or fds, which
    /// a draining worker waits for too (until `max_wait_time`), as Swoole.
    pub(crate) fn poll_plan(&mut self, loop_busy: bool) -> (bool, Option<Duration>) {
        match self.stop {
            StopMode::Running => {
                let mut timeout = self.heartbeat_tick();
                // Refused connections held back from the log: their summary.
                let now = Instant::now();
                crate::log::refused_summary(&mut self.refused_log, self.max_connection, now);
                if let Some(due) = self.refused_log.next_due() {
                    let wait = due.saturating_duration_since(now);
                    timeout = Some(timeout.map_or(wait, |t| t.min(wait)));
                }
                (false, timeout)
            }
            StopMode::Shutdown => (self.closing.is_empty(), Some(Duration::ZERO)),
            StopMode::Drain { deadline } => {
                if self.conns.is_empty() && self.closing.is_empty() && !loop_busy {
                    return (true, None);
                }
                let now = Instant::now();
                if now >= deadline {
                    crate::log::warning("worker exit timeout, forced termination");
                    self.begin_stop(true);
                    return (false, Some(Duration::ZERO));
                }
                (false, Some(deadline - now))
            }
        }
    }
}

/// Memory ordering for statistics counters: no other data depends on them.
const ORD: std::sync::atomic::Ordering = std::sync::atomic::Ordering::Relaxed;
