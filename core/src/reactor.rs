//! One worker's event loop state: the listening socket it accepts on, its
//! connections and their write queues.
//!
//! The loop itself lives in [`crate::worker_loop`]; this module holds the state and
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
use crate::port::{PortSocket, PortSpec, Stream};
use bytes::{Bytes, BytesMut};
use mio::{Interest, Registry, Token};
use slab::Slab;
use std::io::{self, Read};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::time::{Duration, Instant};
use crate::proxy::stage::{Awaiting, Deadlines, PortProxy};

mod close;
mod datagram;
mod heartbeat;
mod handover;
mod output;
mod peer;
mod proxy_stage;
mod remote;
mod stop;

pub use crate::heartbeat::Heartbeat;
pub use crate::stop_mode::StopMode;

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

/// Result of reading one chunk from a connection.
pub(crate) enum ReadOutcome {
    /// `n` bytes for `session`; `more` when the read filled the buffer.
    Data { session: SessionId, n: usize, more: bool },
    /// Whole packets (framed modes) for `session`, possibly none yet.
    Frames { session: SessionId, frames: Vec<Bytes>, more: bool },
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
    by_session: crate::session::SessionMap<usize>,
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
    /// Requests served so far (`max_request`, `worker_request_count`).
    pub(crate) requests: u64,
    /// Successful sends of this process (`worker_response_count`).
    responses: std::cell::Cell<u64>,
    /// PROCESS worker: requests taken from the reactor threads
    /// (`worker_dispatch_count`).
    dispatches: std::cell::Cell<u64>,
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

/// No limits: unbounded buffers and sends, 100 connections, no heartbeat,
/// worker 0 (a start for tests and tools, which set what they check).
impl Default for ReactorConfig {
    fn default() -> ReactorConfig {
        ReactorConfig {
            buffer_limits: (usize::MAX, usize::MAX, 0),
            worker_id: 0,
            max_connection: 100,
            max_wait: Duration::from_secs(1),
            request_limit: 0,
            delay_receive: false,
            heartbeat: None,
            output_limit: usize::MAX,
        }
    }
}

impl Reactor {
    /// Builds the server state of this process around its ports (each a
    /// spec with a dup of the listening socket when this process serves it;
    /// a task worker serves none), on this process's event loop, which from
    /// now on also takes the server's signals.
    pub fn new(ports: Vec<PortSpec>, shared: Arc<ServerShared>, cfg: ReactorConfig) -> io::Result<Reactor> {
        let registry = crate::event_loop::serve_signals()?;
        if let Some(bell) = shared.links.as_ref().and_then(|l| l.worker_bells.get(cfg.worker_id)) {
            registry.register(&mut mio::unix::SourceFd(&bell.fd()), RING_TOKEN, Interest::READABLE)?;
        }
        Self::build(registry, ports, shared, cfg, false)
    }

    /// The connection state of reactor thread `cfg.worker_id` of a
    /// PROCESS-mode master, on that thread's poller: it takes connections
    /// the main thread accepted ([`Reactor::adopt`]) and serves its inbox.
    pub fn in_thread(registry: Registry, ports: Vec<PortSpec>, shared: Arc<ServerShared>, cfg: ReactorConfig)
        -> io::Result<Reactor> {
        Self::build(registry, ports, shared, cfg, true)
    }

    /// Serves `specs` and the inbox of `cfg.worker_id`: a reactor thread's
    /// (`in_master`) or a worker's.
    fn build(
        registry: Registry,
        specs: Vec<PortSpec>,
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
        let inboxes = if in_master { shared.reactors.as_ref() } else { Some(&shared.inboxes) };
        let inbox = inboxes.and_then(|i| i.read_fd(cfg.worker_id));
        if let Some(end) = inbox {
            crate::process::set_blocking(&end, false)?;
            registry.register(&mut mio::unix::SourceFd(&end.as_raw_fd()), INBOX_TOKEN, Interest::READABLE)?;
        }
        let inbox_fd = inbox.map(|end| end.as_raw_fd());
        inbox::serve_own(inbox_fd);
        Ok(Reactor {
            inbox_fd,
            ports,
            registry,
            conns: Slab::new(),
            by_session: Default::default(),
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
            responses: Default::default(),
            dispatches: Default::default(),
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

    /// One `send()` of `bytes` on a stream connection (`stats()`:
    /// server-wide, and, in a worker, its own count). Neither sendfile() nor
    /// sendto() counts, as in Swoole.
    fn count_sent(&self, bytes: u64) {
        let counters = self.shared.stats.counters();
        counters.total_send_bytes.fetch_add(bytes, ORD);
        counters.response_count.fetch_add(1, ORD);
        if !self.in_master {
            self.count_response();
        }
    }

    /// A send this worker handed to a reactor thread (PROCESS mode), for
    /// `worker_response_count`.
    pub fn count_response(&self) {
        self.responses.set(self.responses.get() + 1);
    }

    /// Whether this is a task worker's reactor (its id follows the event
    /// workers').
    pub fn is_task_worker(&self) -> bool {
        self.worker_id >= self.shared.stats.worker_num()
    }

    /// This process's own counts (`stats()`' `worker_*` keys).
    pub fn own_counts(&self) -> crate::stats::OwnCounts {
        crate::stats::OwnCounts { requests: self.requests, responses: self.responses.get(), dispatches: self.dispatches.get() }
    }

    fn registry(&self) -> &Registry {
        &self.registry
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
            self.await_header(a, key, session);
        }
        self.conns.insert(Connection {
            stream,
            port,
            info,
            out: Output::default(),
            inbuf: BytesMut::new(),
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
        if self.conns.get(key).is_some_and(|c| c.tls.is_some() && c.proxy.is_none()) {
            return self.read_tls(key, buf);
        }
        loop {
            let Some(conn) = self.conns.get_mut(key) else { return ReadOutcome::Done };
            // pause() from another process holds before its message comes.
            if conn.paused || conn.held || self.shared.table.is_paused(conn.info.session) {
                return ReadOutcome::Done;
            }
            // Framed input goes straight into the connection's buffer (no
            // copy through `buf`); what the PROXY stage, a replay or a
            // closing connection reads still goes through `buf`.
            let in_place = conn.replay.is_empty()
                && conn.proxy.is_none()
                && !conn.close_after_flush
                && !self.ports[conn.port].framing.is_raw();
            let got = if in_place {
                read_into_spare(conn.stream.as_raw_fd(), &mut conn.inbuf, buf.len())
            } else if conn.replay.is_empty() {
                conn.stream.read(buf)
            } else {
                // What came after the PROXY header (at most one read's worth).
                let n = conn.replay.len();
                buf[..n].copy_from_slice(&conn.replay);
                conn.replay.clear();
                Ok(n)
            };
            if conn.proxy.is_some() {
                match self.proxy_input(key, got, buf) {
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
                    let more = n == buf.len();
                    let out = if in_place { self.took_input(key, n, more) } else { self.received(key, buf, n, more) };
                    if let Some(out) = out {
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
        if !self.ports[conn.port].framing.is_raw() {
            conn.inbuf.extend_from_slice(&buf[..n]);
        }
        self.took_input(key, n, more)
    }

    /// [`Reactor::received`] once the bytes are where they belong: in
    /// `buf` (raw mode: one onReceive), or at the end of the connection's
    /// input buffer (framed modes), which whole packets leave as views of
    /// its memory.
    fn took_input(&mut self, key: usize, n: usize, more: bool) -> Option<ReadOutcome> {
        let conn = self.conns.get_mut(key)?;
        let now = now_f64();
        conn.info.last_recv_time = now;
        conn.info.last_dispatch_time = now;
        let session = conn.info.session;
        self.shared.table.touch_recv(session, now);
        let counters = self.shared.stats.counters();
        counters.total_recv_bytes.fetch_add(n as u64, ORD);
        let framing = &self.ports[conn.port].framing;
        if framing.is_raw() {
            return Some(ReadOutcome::Data { session, n, more });
        }
        match framing::take_frames_from(framing, &mut conn.inbuf, &mut conn.scanned) {
            Ok(frames) => {
                conn.info.recv_queued_bytes = conn.inbuf.len();
                if !more {
                    release_spare(&mut conn.inbuf);
                }
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

    fn live_key(&self, session: SessionId) -> Result<usize, ErrorCode> {
        match self.by_session.get(&session) {
            Some(&k) if self.conns[k].proxy.is_none() => Ok(k), // (a PROXY header still due: none yet)
            _ if self.closing.iter().any(|i| i.session == session) => Err(ErrorCode::SESSION_CLOSING),
            _ => Err(ErrorCode::SESSION_NOT_EXIST),
        }
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
            Some(&k) if self.conns[k].unannounced() => return None,
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

    /// What `dispatch_mode` looks at for `session` (its address only when
    /// `with_ip`: parsing it is the one cost here).
    pub fn dispatch_target(&self, session: SessionId, with_ip: bool) -> Option<crate::dispatch::Target> {
        let &key = self.by_session.get(&session)?;
        Some(target_of(&self.conns[key].info, with_ip, self.shared.table.uid(session)))
    }

    /// Counts a request a reactor thread dispatched here (PROCESS mode:
    /// `dispatch_count`, `worker_dispatch_count`), and takes its `len`
    /// bytes off the queue `max_queued_bytes` limits (before the callback: a
    /// worker that dies in it must not leave them counted).
    pub(crate) fn count_received(&self, session: SessionId, len: usize) {
        self.dispatches.set(self.dispatches.get() + 1);
        let counters = self.shared.stats.counters();
        counters.dispatch_count.fetch_add(1, ORD);
        self.shared.table.queue_recv(session, -(len as i64));
        counters.recv_queued_bytes.fetch_sub(len as i64, ORD);
    }

}

/// Memory ordering for statistics counters: no other data depends on them.
const ORD: std::sync::atomic::Ordering = std::sync::atomic::Ordering::Relaxed;

/// Spare room a drained connection's input buffer may keep beyond twice
/// what it holds: a client that stops mid-packet pins no read-sized block.
const SPARE_KEPT: usize = 4096;

/// After a read that drained the socket: an empty buffer is let go (the
/// packets just taken keep their memory until handled), and a partial
/// packet moves to a buffer of its own size, so idle connections cost what
/// they hold, not a read's worth each.
fn release_spare(inbuf: &mut BytesMut) {
    if inbuf.is_empty() {
        *inbuf = BytesMut::new();
    } else if inbuf.capacity() > 2 * inbuf.len() + SPARE_KEPT {
        *inbuf = BytesMut::from(&inbuf[..]);
    }
}

/// Reads once from `fd` into the spare capacity of `inbuf`, at most `chunk`
/// bytes (reserved first): the kernel writes straight into the buffer
/// packets are taken from, with no zeroing and no copy.
fn read_into_spare(fd: RawFd, inbuf: &mut BytesMut, chunk: usize) -> io::Result<usize> {
    inbuf.reserve(chunk);
    let spare = inbuf.spare_capacity_mut();
    let len = chunk.min(spare.len());
    // SAFETY: `read` writes at most `len` bytes into `spare`, memory `inbuf`
    // owns and has reserved; `set_len` then covers exactly the bytes it
    // wrote (nix has no read into uninitialised memory).
    unsafe {
        let n = libc::read(fd, spare.as_mut_ptr().cast(), len);
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        inbuf.set_len(inbuf.len() + n as usize);
        Ok(n as usize)
    }
}

#[cfg(test)]
mod tests;
