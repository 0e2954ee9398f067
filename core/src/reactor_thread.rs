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
//! Packets travel to workers over shared-memory rings ([`crate::ring`]),
//! one per (thread, worker); a worker that falls behind never blocks the
//! thread: what does not fit waits in the thread's memory. Workers answer over
//! rings the other way; task workers and user processes through the thread's
//! inbox.

use crate::dispatch::{event_type, DispatchFunc, DispatchMode, Dispatcher, FuncChoice};
use crate::inbox::Kind;
use crate::master_ask::Asker;
use crate::reactor::{BufferEvent, ReadOutcome, Reactor, ReactorConfig, ServerShared, CONN_TOKEN_BASE, INBOX_TOKEN};
use crate::session::SessionId;
use crate::stats::WorkerStatus;
use mio::{Events, Poll, Waker};
use std::io;
use std::net::SocketAddr;
use crate::port::{StdStream, Stream};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::tokens::{BELL_TOKEN, WAKER_TOKEN};
/// How long the thread sleeps at most while records wait for room in a
/// worker's ring.
const BACKED_UP_POLL: Duration = Duration::from_millis(1);
/// Worker messages applied per turn of the thread's loop.
const APPLY_BUDGET: usize = 1024;
/// Events taken per poll.
const EVENTS_PER_POLL: usize = 1024;
/// The first and the longest wait before a connection held for
/// `max_queued_bytes` is looked at again (the wait doubles in between, as
/// Swoole's does).
const HOLD_FIRST_WAIT: Duration = Duration::from_millis(1);
const HOLD_MAX_WAIT: Duration = Duration::from_millis(1024);
/// With `max_queued_bytes` set: past this many bytes queued toward workers
/// server-wide (or `max_queued_bytes`, if larger), every connection that has
/// bytes of its own waiting is held too, so many connections together cannot
/// grow the master without bound either.
const SERVER_QUEUE_LIMIT: usize = 64 << 20;

/// The smallest packet that waits for room in a ring as a view of its
/// connection's input buffer rather than as a copy: a view keeps the whole
/// buffer (a read's worth and more) alive, which for a small packet would be
/// many times its size.
const SHARE_MIN: usize = crate::reactor::READ_CHUNK / 2;

/// What the main thread asks of a reactor thread.
enum Command {
    /// Serve this connection, accepted on port `usize`, whose session the
    /// main thread opened.
    Adopt(StdStream, Option<SocketAddr>, usize, SessionId),
    /// Close every connection and end the thread (the workers are gone).
    Stop,
}

/// How a reactor thread hands packets to workers.
pub struct ThreadConfig {
    /// The connection settings (`worker_id` is replaced by the thread's id).
    pub reactor: ReactorConfig,
    /// The server's ports (no sockets: the main thread accepts), for each
    /// connection's framing and `getClientInfo()`.
    pub ports: Vec<crate::port::PortSpec>,
    /// `dispatch_mode`, shared by every reactor thread (round robin is
    /// server-wide, as in Swoole).
    pub dispatcher: Arc<Dispatcher>,
    /// Deliver onConnect/onClose/onBuffer* even when packets of one
    /// connection may reach different workers (`enable_unsafe_event`).
    pub unsafe_events: bool,
    /// `max_queued_bytes`: a connection is not read while more of its bytes
    /// than this wait for workers (0 = no limit).
    pub max_queued_bytes: usize,
    /// `dispatch_func`: the master's main thread picks each event's worker
    /// (None: `dispatcher` alone does, without asking anyone).
    pub dispatch_func: Option<DispatchFunc>,
}

impl ThreadConfig {
    /// A copy for one more thread.
    pub fn try_clone(&self) -> io::Result<ThreadConfig> {
        Ok(ThreadConfig {
            reactor: self.reactor.clone(),
            ports: self.ports.iter().map(|p| p.try_clone(false)).collect::<io::Result<_>>()?,
            dispatcher: self.dispatcher.clone(),
            unsafe_events: self.unsafe_events,
            max_queued_bytes: self.max_queued_bytes,
            dispatch_func: self.dispatch_func,
        })
    }
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
        Self::spawn_with(id, shared, cfg, None)
    }

    /// Starts reactor thread `id`; with `asker`, its `package_length_func`
    /// ports and its `dispatch_func` (if `cfg` has one) ask the master's main
    /// thread.
    pub fn spawn_with(id: usize, shared: Arc<ServerShared>, cfg: ThreadConfig, asker: Option<Asker>)
        -> io::Result<ReactorThread> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER_TOKEN)?);
        let (commands, inbox) = channel();
        let handle = std::thread::Builder::new().name(format!("reactor#{id}")).spawn(move || {
            if let Some(a) = &asker {
                a.clone().install();
            }
            if let Err(e) = serve(id, poll, inbox, shared, cfg, asker) {
                crate::log::error(&format!("reactor thread #{id} failed: {e}"));
            }
        })?;
        Ok(ReactorThread { commands, waker, handle: Some(handle) })
    }

    /// Hands a newly accepted connection to this thread; false if the
    /// thread is gone (the connection is closed then).
    pub fn adopt(&self, stream: StdStream, peer: Option<SocketAddr>, port: usize, session: SessionId) -> bool {
        if self.commands.send(Command::Adopt(stream, peer, port, session)).is_err() {
            return false;
        }
        let _ = self.waker.wake();
        true
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
    /// Where one read lands.
    buf: Vec<u8>,
    /// The writing ends of the rings to each worker.
    outlets: Vec<crate::ring::Outlet>,
    /// Workers written to since their doorbells last rang.
    touched: Vec<bool>,
    /// The reading ends of the rings from each worker.
    reader: crate::ring::Reader,
    /// `max_queued_bytes` (0 = no limit).
    max_queued: usize,
    /// Connections held because their workers fell behind.
    held: Vec<Held>,
    /// With `dispatch_func`: where each event's worker is asked, and what the
    /// callable takes.
    func: Option<(Asker, DispatchFunc)>,
}

/// A connection whose reading waits until workers took its queued bytes.
struct Held {
    key: usize,
    /// The session `key` held when it was held (the slot may be reused).
    session: SessionId,
    /// The current wait between two looks (doubling up to [`HOLD_MAX_WAIT`]).
    wait: Duration,
    /// When to look again.
    due: Instant,
}

fn serve(
    id: usize,
    mut poll: Poll,
    commands: Receiver<Command>,
    shared: Arc<ServerShared>,
    cfg: ThreadConfig,
    asker: Option<Asker>,
) -> io::Result<()> {
    let registry = poll.registry().try_clone()?;
    let reactor_cfg = ReactorConfig { worker_id: id, request_limit: 0, ..cfg.reactor };
    let reactor = Reactor::in_thread(registry, cfg.ports, shared.clone(), reactor_cfg)?;
    let links = shared.links.as_ref().ok_or_else(|| io::Error::other("PROCESS mode without rings"))?;
    let worker_num = links.worker_num;
    let bell_fd = links.reactor_bells[id].fd();
    poll.registry().register(&mut mio::unix::SourceFd(&bell_fd), BELL_TOKEN, mio::Interest::READABLE)?;
    let mut t = Thread {
        outlets: (0..worker_num).map(|_| Default::default()).collect(),
        touched: vec![false; worker_num],
        reader: crate::ring::Reader::new(worker_num),
        id,
        reactor,
        connection_events: cfg.dispatcher.mode.is_hash() || cfg.unsafe_events,
        dispatcher: cfg.dispatcher,
        shared,
        buf: vec![0u8; crate::reactor::READ_CHUNK],
        max_queued: cfg.max_queued_bytes,
        held: Vec::new(),
        func: asker.zip(cfg.dispatch_func),
    };
    let mut events = Events::with_capacity(EVENTS_PER_POLL);
    loop {
        let mut timeout = t.reactor.heartbeat_tick();
        if let Some(due) = t.held.iter().map(|h| h.due).min() {
            let wait = due.saturating_duration_since(Instant::now());
            timeout = Some(timeout.map_or(wait, |d| d.min(wait)));
        }
        t.deliver_closed();
        if !t.wake_workers() {
            timeout = Some(timeout.map_or(BACKED_UP_POLL, |d| d.min(BACKED_UP_POLL)));
        }
        if !t.ready_to_sleep() {
            timeout = Some(Duration::ZERO);
        }
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
                            Command::Adopt(stream, peer, port, session) => t.adopt(stream, peer, port, session),
                            Command::Stop => {
                                // The workers are gone: what they sent last
                                // (a reply sent after shutdown()) is written
                                // before the connections close.
                                t.drain_workers();
                                t.reactor.begin_stop(true);
                                let _ = t.reactor.take_closed();
                                return Ok(());
                            }
                        }
                    }
                }
                // Sends, closes and pauses of task workers and user processes
                // are applied inside; nothing else is addressed to a reactor thread.
                INBOX_TOKEN => while t.reactor.next_inbox_message().is_some() {},
                // A doorbell needs no reset (ring::Doorbell::fd): waking was its job.
                BELL_TOKEN => {}
                token => {
                    let Some(key) = token.0.checked_sub(CONN_TOKEN_BASE) else { continue };
                    if ev.is_writable() {
                        t.reactor.flush(key);
                    }
                    if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                        t.read_all(key, crate::worker_loop::read_to_end_hint(ev));
                    }
                }
            }
        }
        t.serve_workers();
        t.release_held();
        // What came while paused raised no event acted on: read to the end.
        for key in t.reactor.take_resumed() {
            t.read_all(key, true);
        }
        t.deliver_buffer_events();
        t.deliver_closed();
    }
}

impl Thread {
    fn adopt(&mut self, stream: StdStream, peer: Option<SocketAddr>, port: usize, session: SessionId) {
        let Ok(stream) = Stream::from_std(stream) else {
            self.shared.table.close(session);
            self.shared.stats.counters().connection_num.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            return;
        };
        let Some(session) = self.reactor.adopt(stream, peer, port, Some(session)) else { return };
        // A PROXY port's connection is connected once its header arrived (read_all);
        // a TLS connection once its handshake is done.
        if self.connection_events && !self.reactor.awaits_proxy(session) && !self.reactor.is_handshaking(session) {
            self.dispatch(Kind::Connect, session, &[]);
        }
    }

    /// Reads connection `key` until the kernel has nothing more, dispatching
    /// every packet; `to_end` as the worker's (a FIN came with the data).
    fn read_all(&mut self, key: usize, to_end: bool) {
        loop {
            let mut buf = std::mem::take(&mut self.buf);
            let (session, more) = match self.reactor.read(key, &mut buf) {
                ReadOutcome::Data { session, n, more } => {
                    self.dispatch(Kind::Receive, session, &buf[..n]);
                    (Some(session), more || to_end)
                }
                ReadOutcome::Frames { session, frames, more } => {
                    for frame in &frames {
                        if !self.dispatch_frame(session, frame) {
                            // dispatch_func dropped a framed packet: Swoole
                            // closes the connection then (a raw read stays open).
                            self.reactor.close_refused(session);
                            break;
                        }
                    }
                    (Some(session), more || to_end)
                }
                ReadOutcome::Connected { session } => {
                    if self.connection_events {
                        // The client certificate travels with the event (Swoole's way).
                        let pem = self.reactor.client_cert(session).unwrap_or_default();
                        self.dispatch(Kind::Connect, session, pem.as_bytes());
                    }
                    (None, true)
                }
                ReadOutcome::Done => (None, false),
            };
            self.buf = buf;
            if session.is_some_and(|s| self.hold_if_backed_up(key, s)) || !more {
                return;
            }
        }
    }

    /// Whether reading `session` must wait for the workers (`max_queued_bytes`).
    fn backed_up(&self, session: SessionId) -> bool {
        if self.max_queued == 0 {
            return false;
        }
        let own = self.shared.table.recv_queued(session) as usize;
        let total = self.shared.stats.counters().recv_queued_bytes.load(std::sync::atomic::Ordering::Relaxed);
        own > self.max_queued || (own > 0 && total.max(0) as usize > SERVER_QUEUE_LIMIT.max(self.max_queued))
    }

    /// Holds connection `key` if its workers fell behind; true if it did.
    fn hold_if_backed_up(&mut self, key: usize, session: SessionId) -> bool {
        if !self.backed_up(session) || !self.reactor.set_held(key, session, true) {
            return false;
        }
        self.held.push(Held { key, session, wait: HOLD_FIRST_WAIT, due: Instant::now() + HOLD_FIRST_WAIT });
        self.shared.stats.counters().recv_waiting_num.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        true
    }

    /// Looks at the held connections that are due: reads again those whose
    /// workers caught up, waits twice as long for the others.
    fn release_held(&mut self) {
        let now = Instant::now();
        let mut i = 0;
        while i < self.held.len() {
            let (key, session, due) = (self.held[i].key, self.held[i].session, self.held[i].due);
            if due > now {
                i += 1;
                continue;
            }
            if self.reactor.exists(session) && self.backed_up(session) {
                let h = &mut self.held[i];
                h.wait = (h.wait * 2).min(HOLD_MAX_WAIT);
                h.due = now + h.wait;
                i += 1;
                continue;
            }
            self.held.swap_remove(i);
            self.shared.stats.counters().recv_waiting_num.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            if self.reactor.set_held(key, session, false) {
                // What arrived meanwhile raised events that were not acted on.
                self.read_all(key, true);
            }
        }
    }

    /// Sends a connection event to the worker `dispatch_mode` (or
    /// `dispatch_func`) picks; false if none took it.
    fn dispatch(&mut self, kind: Kind, session: SessionId, payload: &[u8]) -> bool {
        let Some(worker) = self.route(kind, session, payload) else { return false };
        self.send_to(worker, kind, session, self.id as u16, payload);
        true
    }

    /// [`Thread::dispatch`] of a packet cut from the connection's input
    /// buffer: if it must wait for room in the ring, it waits as a view of
    /// that buffer, not as a copy.
    fn dispatch_frame(&mut self, session: SessionId, frame: &bytes::Bytes) -> bool {
        if frame.len() < SHARE_MIN {
            return self.dispatch(Kind::Receive, session, frame);
        }
        let Some(worker) = self.route(Kind::Receive, session, frame) else { return false };
        let aux = self.id as u16;
        self.write_ring(worker, |outlet, ring| outlet.send_shared(ring, Kind::Receive, aux, session, frame));
        true
    }

    /// The worker for an event of `session` (none if the connection is
    /// gone or `dispatch_func` dropped the event); a packet's bytes are
    /// counted as queued toward workers.
    fn route(&mut self, kind: Kind, session: SessionId, payload: &[u8]) -> Option<usize> {
        let with_ip = self.dispatcher.mode == DispatchMode::IpMod;
        let target = self.reactor.dispatch_target(session, with_ip)?;
        let worker = self.pick(kind, session, payload, &target)?;
        if kind == Kind::Receive {
            // Counted before the worker can see it (it takes it off first thing).
            let len = payload.len() as i64;
            self.shared.table.queue_recv(session, len);
            let counters = self.shared.stats.counters();
            counters.recv_queued_bytes.fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        }
        Some(worker)
    }

    /// The worker `dispatch_func` names for an event (asking the master's
    /// main thread; None: it dropped the event), or the one `dispatch_mode`
    /// picks when there is no `dispatch_func` or it falls back.
    fn pick(&self, kind: Kind, session: SessionId, payload: &[u8], target: &crate::dispatch::Target) -> Option<usize> {
        let Some((asker, func)) = &self.func else { return Some(self.choose(target)) };
        let event = match kind {
            Kind::Connect => event_type::CONNECT,
            Kind::Closed => event_type::CLOSE,
            Kind::BufferFull => event_type::BUFFER_FULL,
            Kind::BufferEmpty => event_type::BUFFER_EMPTY,
            _ => event_type::RECEIVE,
        };
        match asker.worker(session, event, func.with_data.then_some(payload)) {
            FuncChoice::Worker(w) => Some(w).filter(|&w| w < self.outlets.len()),
            FuncChoice::Discard => None,
            FuncChoice::Fallback => Some(self.choose(target)),
        }
    }

    /// The worker for `target` (an idle one, where `dispatch_mode` lets it choose).
    fn choose(&self, target: &crate::dispatch::Target) -> usize {
        let stats = &self.shared.stats;
        self.dispatcher.choose(target, |w| {
            stats.worker(w).is_some_and(|s| s.status.load(std::sync::atomic::Ordering::Relaxed) == WorkerStatus::Idle as u32)
        })
    }

    /// Writes a message to worker `worker`'s ring.
    fn send_to(&mut self, worker: usize, kind: Kind, session: SessionId, aux: u16, payload: &[u8]) {
        self.write_ring(worker, |outlet, ring| outlet.send(ring, kind, aux, session, payload));
    }

    /// Writes to worker `worker`'s ring through its outlet with `send` (a
    /// copy of a slice, or a view of a frame), and marks the worker to wake.
    fn write_ring(&mut self, worker: usize, send: impl FnOnce(&mut crate::ring::Outlet, crate::ring::Ring<'_>)) {
        let Some(links) = self.shared.links.as_ref() else { return };
        // The ring outlives any one worker process: a worker that is being
        // replaced finds these messages when it starts.
        send(&mut self.outlets[worker], links.to_worker(self.id, worker));
        self.touched[worker] = true;
    }

    /// Before sleeping: writes what waited for room and wakes the workers
    /// written to. False while records still wait.
    fn wake_workers(&mut self) -> bool {
        let Some(links) = self.shared.links.as_ref() else { return true };
        let mut drained = true;
        for w in 0..self.outlets.len() {
            if self.outlets[w].is_backed_up() {
                drained &= self.outlets[w].pump(links.to_worker(self.id, w));
                self.touched[w] = true;
            }
            if std::mem::take(&mut self.touched[w]) {
                links.worker_bells[w].ring();
            }
        }
        drained
    }

    /// Applies what workers sent over the rings (sends, closes, pauses).
    fn serve_workers(&mut self) {
        let Some(links) = self.shared.links.as_ref() else { return };
        links.reactor_bells[self.id].awake();
        let id = self.id;
        // A budget per turn keeps the sockets served while workers write on;
        // what is left makes the next poll not sleep (ready_to_sleep).
        // Each message is applied where it lies in the ring: a send is
        // written from there to the socket.
        let (reader, reactor) = (&mut self.reader, &mut self.reactor);
        for _ in 0..APPLY_BUDGET {
            if reader.next_with(|w| links.to_reactor(w, id), |msg| reactor.apply_ref(msg)).is_none() {
                break;
            }
        }
    }

    /// Applies everything the workers, task workers and user processes left
    /// for this thread (rings and inbox), at shutdown.
    fn drain_workers(&mut self) {
        while self.reactor.next_inbox_message().is_some() {}
        let shared = self.shared.clone();
        let Some(links) = shared.links.as_ref() else { return };
        let id = self.id;
        // Bounded: a message a killed worker left half-written never completes.
        for _ in 0..64 {
            if self.reader.all_empty(|w| links.to_reactor(w, id)) {
                break;
            }
            self.serve_workers();
        }
    }

    /// Arms the doorbell before a sleep; false if a worker wrote meanwhile
    /// (the thread must not sleep then).
    fn ready_to_sleep(&mut self) -> bool {
        let Some(links) = self.shared.links.as_ref() else { return true };
        links.reactor_bells[self.id].prepare_sleep();
        let id = self.id;
        if self.reader.all_empty(|w| links.to_reactor(w, id)) {
            return true;
        }
        links.reactor_bells[self.id].awake();
        false
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
            if let Some(i) = self.held.iter().position(|h| h.session == info.session) {
                self.held.swap_remove(i);
                self.shared.stats.counters().recv_waiting_num.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            }
            if self.connection_events {
                let with_ip = self.dispatcher.mode == DispatchMode::IpMod;
                let target = crate::reactor::target_of(&info, with_ip, self.shared.table.uid(info.session));
                let aux = if info.closed_by_server { crate::worker::CLOSED_BY_SERVER_AUX } else { self.id as u16 };
                match self.pick(Kind::Closed, info.session, &[], &target) {
                    Some(worker) => self.send_to(worker, Kind::Closed, info.session, aux, &[]),
                    // dispatch_func dropped it: no worker frees the slot.
                    None => self.shared.table.close(info.session),
                }
            } else {
                self.shared.table.close(info.session);
            }
        }
    }
}

#[cfg(test)]
#[path = "reactor_thread_tests.rs"]
mod tests;
