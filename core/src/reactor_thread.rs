//! One reactor thread of a SWOOLE_PROCESS master.
//!
//! It holds the connections the main thread hands it, reads them, cuts the
//! bytes into packets (the port's framing), sends each packet to the event
//! worker `dispatch_mode` picks, and writes to the clients what workers send
//! back through its inbox. It never touches PHP (rule 1): workers run the
//! callbacks, so a worker that crashes or restarts drops no connection.
//!
//! The connection handling is the worker's own [`Reactor`], built with
//! [`Reactor::in_thread`]; only what happens to received bytes differs.

use crate::dispatch::{DispatchMode, Dispatcher};
use crate::inbox::{self, Kind};
use crate::reactor::{BufferEvent, ReadOutcome, Reactor, ReactorConfig, ServerShared, CONN_TOKEN_BASE, INBOX_TOKEN};
use crate::session::SessionId;
use crate::stats::WorkerStatus;
use mio::{Events, Poll, Token, Waker};
use std::io;
use std::net::SocketAddr;
use std::os::fd::RawFd;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Token of the waker the main thread rings after queueing a [`Command`].
const WAKER_TOKEN: Token = Token(3);
/// Events taken per poll.
const EVENTS_PER_POLL: usize = 1024;

/// What the main thread asks of a reactor thread.
enum Command {
    /// Serve this newly accepted connection.
    Adopt(std::net::TcpStream, SocketAddr),
    /// Close every connection and end the thread (the workers are gone).
    Stop,
}

/// How a reactor thread hands packets to workers.
#[derive(Clone)]
pub struct ThreadConfig {
    /// The connection settings (`worker_id` is replaced by the thread's id).
    pub reactor: ReactorConfig,
    /// The listening socket (fd, port), for `getClientInfo()`.
    pub listener: (RawFd, u16),
    /// `dispatch_mode`, shared by every reactor thread (round robin is
    /// server-wide, as in Swoole).
    pub dispatcher: Arc<Dispatcher>,
    /// Deliver onConnect/onClose/onBuffer* even when packets of one
    /// connection may reach different workers (`enable_unsafe_event`).
    pub unsafe_events: bool,
}

/// The main thread's handle on one reactor thread.
pub struct ReactorThread {
    /// Where commands go.
    commands: Sender<Command>,
    /// Wakes the thread's poll after a command.
    waker: Arc<Waker>,
    /// Joined on stop.
    handle: Option<JoinHandle<()>>,
}

impl ReactorThread {
    /// Starts reactor thread `id`.
    pub fn spawn(id: usize, shared: Arc<ServerShared>, cfg: ThreadConfig) -> io::Result<ReactorThread> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER_TOKEN)?);
        let (commands, inbox) = channel();
        let handle = std::thread::Builder::new().name(format!("reactor#{id}")).spawn(move || {
            if let Err(e) = serve(id, poll, inbox, shared, cfg) {
                crate::log::error(&format!("reactor thread #{id} failed: {e}"));
            }
        })?;
        Ok(ReactorThread { commands, waker, handle: Some(handle) })
    }

    /// Hands a newly accepted connection to this thread.
    pub fn adopt(&self, stream: std::net::TcpStream, peer: SocketAddr) {
        if self.commands.send(Command::Adopt(stream, peer)).is_ok() {
            let _ = self.waker.wake();
        }
    }

    /// Closes the thread's connections and waits for it to end.
    pub fn stop(mut self) {
        if self.commands.send(Command::Stop).is_ok() {
            let _ = self.waker.wake();
        }
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// The thread's state around its [`Reactor`].
struct Thread {
    id: usize,
    reactor: Reactor,
    shared: Arc<ServerShared>,
    dispatcher: Arc<Dispatcher>,
    /// Whether connection events (connect, close, buffer) go to workers.
    connection_events: bool,
    /// Where one read lands: one datagram's worth, so raw reads are never chunked.
    buf: Vec<u8>,
}

fn serve(id: usize, mut poll: Poll, commands: Receiver<Command>, shared: Arc<ServerShared>, cfg: ThreadConfig)
    -> io::Result<()> {
    let registry = poll.registry().try_clone()?;
    let reactor_cfg = ReactorConfig { worker_id: id, request_limit: 0, ..cfg.reactor };
    let reactor = Reactor::in_thread(registry, cfg.listener, shared.clone(), reactor_cfg)?;
    let mut t = Thread {
        id,
        reactor,
        connection_events: cfg.dispatcher.mode.is_hash() || cfg.unsafe_events,
        dispatcher: cfg.dispatcher,
        shared,
        buf: vec![0u8; inbox::CHUNK],
    };
    let mut events = Events::with_capacity(EVENTS_PER_POLL);
    // The packets of one poll's worth of reads leave in as few datagrams as
    // they fit, right before the thread sleeps again.
    inbox::set_batching(true);
    loop {
        let timeout = t.reactor.heartbeat_tick();
        t.deliver_closed();
        inbox::flush();
        match poll.poll(&mut events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        for ev in events.iter() {
            match ev.token() {
                WAKER_TOKEN => {
                    while let Ok(cmd) = commands.try_recv() {
                        match cmd {
                            Command::Adopt(stream, peer) => t.adopt(stream, peer),
                            Command::Stop => {
                                t.reactor.begin_stop(true);
                                let _ = t.reactor.take_closed();
                                return Ok(());
                            }
                        }
                    }
                }
                // Workers' sends, closes and pauses are applied inside; nothing
                // else is addressed to a reactor thread.
                INBOX_TOKEN => while t.reactor.next_inbox_message().is_some() {},
                token => {
                    let Some(key) = token.0.checked_sub(CONN_TOKEN_BASE) else { continue };
                    if ev.is_writable() {
                        t.reactor.flush(key);
                    }
                    if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                        t.read_all(key);
                    }
                }
            }
        }
        for key in t.reactor.take_resumed() {
            t.read_all(key);
        }
        t.deliver_buffer_events();
        t.deliver_closed();
    }
}

impl Thread {
    fn adopt(&mut self, stream: std::net::TcpStream, peer: SocketAddr) {
        if stream.set_nonblocking(true).is_err() {
            return;
        }
        let Some(session) = self.reactor.adopt(mio::net::TcpStream::from_std(stream), peer) else { return };
        if self.connection_events {
            self.dispatch(Kind::Connect, session, &[]);
        }
    }

    /// Reads connection `key` until the kernel has nothing more, dispatching
    /// every packet.
    fn read_all(&mut self, key: usize) {
        loop {
            let mut buf = std::mem::take(&mut self.buf);
            let more = match self.reactor.read(key, &mut buf) {
                ReadOutcome::Data { session, n, more } => {
                    self.dispatch(Kind::Receive, session, &buf[..n]);
                    more
                }
                ReadOutcome::Frames { session, frames, more } => {
                    for frame in &frames {
                        self.dispatch(Kind::Receive, session, frame);
                    }
                    more
                }
                ReadOutcome::Done => false,
            };
            self.buf = buf;
            if !more {
                return;
            }
        }
    }

    /// Sends a connection event to the worker `dispatch_mode` picks.
    fn dispatch(&self, kind: Kind, session: SessionId, payload: &[u8]) {
        let with_ip = self.dispatcher.mode == DispatchMode::IpMod;
        let Some(target) = self.reactor.dispatch_target(session, with_ip) else { return };
        self.send_to_worker(kind, session, &target, payload);
    }

    fn send_to_worker(&self, kind: Kind, session: SessionId, target: &crate::dispatch::Target, payload: &[u8]) {
        self.send_to_worker_aux(kind, session, target, self.id as u16, payload)
    }

    fn send_to_worker_aux(&self, kind: Kind, session: SessionId, target: &crate::dispatch::Target, aux: u16, payload: &[u8]) {
        let stats = &self.shared.stats;
        let worker = self.dispatcher.choose(target, |w| {
            stats.worker(w).is_some_and(|s| s.status.load(std::sync::atomic::Ordering::Relaxed) == WorkerStatus::Idle as u32)
        });
        // The inbox outlives any one worker process: a worker that is being
        // replaced finds these messages when it starts.
        if let Err(e) = self.shared.inboxes.send_aux(worker, kind, session, aux, payload) {
            crate::log::warning(&format!("reactor thread #{}: dispatch to worker #{worker} failed: {e}", self.id));
        }
    }

    /// onBufferFull/onBufferEmpty to the connection's worker.
    fn deliver_buffer_events(&mut self) {
        for (session, ev) in self.reactor.take_buffer_events() {
            if self.connection_events {
                let kind = if ev == BufferEvent::Full { Kind::BufferFull } else { Kind::BufferEmpty };
                self.dispatch(kind, session, &[]);
            }
        }
    }

    /// onClose to the connection's worker, which frees the session's slot
    /// after it; without connection events the slot is freed here.
    fn deliver_closed(&mut self) {
        for info in self.reactor.take_closed() {
            if self.connection_events {
                let with_ip = self.dispatcher.mode == DispatchMode::IpMod;
                let target = crate::reactor::target_of(&info, with_ip, self.shared.table.uid(info.session));
                let aux = if info.closed_by_server { crate::worker::CLOSED_BY_SERVER_AUX } else { self.id as u16 };
                self.send_to_worker_aux(Kind::Closed, info.session, &target, aux, &[]);
            } else {
                self.shared.table.close(info.session);
            }
        }
    }
}
