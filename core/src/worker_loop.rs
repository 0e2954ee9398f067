//! A server worker's [`LoopHandler`]: accept, read, onReceive/onClose,
//! datagrams, its inbox and (PROCESS mode) its rings, on the process's
//! [`crate::event_loop`]. The worker's state lives in [`crate::worker_context`]'s
//! thread-local slot; the loop borrows it only for short, callback-free
//! operations.

use crate::event_loop::{self, Flow, LoopEnd, LoopHandler, Plan};
use crate::message::Kind;
use crate::reactor::{AcceptOutcome, ReadOutcome, ServerShared, READ_CHUNK};
use crate::signals::Signal;
use crate::stats::WorkerStatus;
use crate::tokens::{CONN_TOKEN_BASE, INBOX_TOKEN, PORT_TOKEN_BASE, RING_TOKEN};
use crate::session::SessionId;
use crate::worker_context::{current_server, request_stop, with, CLIENT_CERTS};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The server callbacks a worker's loop drives (the PHP event handlers, in
/// production), on top of the loop's own (timers, fds, signals, defer).
pub trait EventHandler: LoopHandler {
    fn on_connect(&mut self, session: SessionId, reactor_id: i32) -> Flow;
    fn on_receive(&mut self, session: SessionId, reactor_id: i32, data: &[u8]) -> Flow;
    /// PROCESS mode: a packet for the next [`EventHandler::on_receive_staged`],
    /// seen where it lies in the ring from the reactor thread. The handler
    /// copies it into its own value (the PHP string onReceive gets, made
    /// once) and runs no user code here: the ring's reader moves past the
    /// packet as soon as this returns, before the callback runs, so a
    /// worker killed in onReceive loses that packet only. False when the
    /// handler takes no packet this way (then `on_receive` gets a copy).
    fn stage_receive(&mut self, _session: SessionId, _data: &[u8]) -> bool {
        false
    }
    /// onReceive of the packet [`EventHandler::stage_receive`] took.
    fn on_receive_staged(&mut self, _session: SessionId, _reactor_id: i32) -> Flow {
        Flow::Continue
    }
    fn on_close(&mut self, session: SessionId, reactor_id: i32) -> Flow;
    /// A datagram arrived on datagram port `port` (UDP or Unix), whose
    /// socket is (`server_fd`, `server_port`).
    fn on_packet(&mut self, _port: usize, _data: &[u8], _from: &crate::port::Peer, _server: (i32, u16)) -> Flow {
        Flow::Continue
    }
    /// A connection's send queue reached the high watermark (`full`) or fell
    /// to the low one.
    fn on_buffer(&mut self, _session: SessionId, _reactor_id: i32, _full: bool) -> Flow {
        Flow::Continue
    }
    /// A message for PHP arrived in this worker's inbox (a pipe message, a
    /// task, a task's result).
    fn on_message(&mut self, _msg: crate::inbox::Message) -> Flow {
        Flow::Continue
    }
    /// Before the worker sleeps: the handler's own deadlines (a half-received
    /// HTTP head's) act when due; returns how long until the next one.
    fn deadlines(&mut self) -> Option<std::time::Duration> {
        None
    }
    /// The worker is stopping gracefully (onWorkerExit): called each loop
    /// round until its connections, timers and fds are gone (or
    /// `max_wait_time` passed); the place to clear timers.
    fn on_worker_exit(&mut self) -> Flow {
        Flow::Continue
    }
    /// The server is shutting down (a SIGTERM that is no reload): the
    /// place for onBeforeShutdown where the server runs it in a worker
    /// (BASE mode's worker 0). Timers it creates still run before the
    /// worker stops (bounded by `max_wait_time`).
    fn on_before_shutdown(&mut self) -> Flow {
        Flow::Continue
    }
}

/// onClose's `$reactor_id` when the server closed the connection (Swoole's -1).
pub const CLOSED_BY_SERVER: i32 = -1;
/// How a reactor thread says so in a Closed message's `aux`.
pub const CLOSED_BY_SERVER_AUX: u16 = u16::MAX;

/// Runs the current worker's loop until it stops or a callback aborts.
pub fn run(handler: &mut dyn EventHandler) -> LoopEnd {
    let worker_id = with(|r| r.worker_id).expect("worker::run without a reactor");
    let task_worker = with(|r| r.is_task_worker()).unwrap_or(false);
    let rings = with(|r| r.ring_writer()).flatten().and_then(|_| current_server()).and_then(|s| {
        let reactors = s.links.as_ref()?.reactor_num;
        Some((s.clone(), crate::ring::Reader::new(reactors)))
    });
    let mut server =
        ServerLoop {
            handler,
            buf: vec![0u8; READ_CHUNK],
            worker_id,
            aborted: false,
            task_worker,
            last_message: None,
            rings,
            ring_copy: Vec::new(),
            linger: Vec::new(),
            linger_until: None,
        };
    let end = event_loop::run(&mut server);
    // Messages read while a send waited for room, not handled because a
    // callback failed, go back to this worker's inbox: its successor serves them.
    if let Some(shared) = current_server() {
        for msg in crate::inbox::take_own_ready() {
            let _ = shared.inboxes.send_aux(worker_id, msg.kind, msg.session, msg.aux, &msg.payload);
        }
    }
    match end {
        _ if server.aborted => LoopEnd::Aborted,
        end => end,
    }
}

/// The worker's [`LoopHandler`]: server sockets here, everything else passed on.
struct ServerLoop<'a> {
    handler: &'a mut dyn EventHandler,
    /// Where one read lands before onReceive gets it.
    buf: Vec<u8>,
    worker_id: usize,
    /// A callback aborted inside `plan()` (onClose), which cannot say so.
    aborted: bool,
    /// A task worker: it serves only its inbox.
    task_worker: bool,
    /// When the inbox last had work (a task worker polls without sleeping
    /// for a moment after that: the next task of a busy source is close).
    last_message: Option<std::time::Instant>,
    /// A PROCESS-mode event worker: the server whose reactor threads write
    /// to this worker's rings, and the reading ends of those rings.
    rings: Option<(Arc<ServerShared>, crate::ring::Reader)>,
    /// Where a ring message the handler does not stage is copied (reused
    /// from one message to the next).
    ring_copy: Vec<u8>,
    /// Timers created by `on_before_shutdown`: a stopping worker waits for
    /// them (Swoole's loop still runs there)...
    linger: Vec<crate::timer::TimerId>,
    /// ... until this deadline (`max_wait_time`) at the latest.
    linger_until: Option<std::time::Instant>,
}

/// A message taken off a ring, before it is handled.
enum Taken {
    /// A packet the handler holds as its own value ([`EventHandler::stage_receive`]).
    Staged { session: SessionId, aux: u16, len: usize },
    /// Any other message, its payload copied into [`ServerLoop::ring_copy`].
    Copied { kind: Kind, session: SessionId, aux: u16 },
}

/// Ring messages a worker handles before its loop looks at everything else.
const RING_BUDGET: usize = 256;

/// How long a task worker keeps polling its inbox without sleeping after a
/// task: sequential `taskwait()`s then skip a sleep and wake-up each.
const TASK_WORKER_SPIN: std::time::Duration = std::time::Duration::from_micros(50);

impl ServerLoop<'_> {
    /// Whether timers of onBeforeShutdown are still due (and time is left).
    fn lingering(&mut self) -> bool {
        if self.linger_until.is_some_and(|t| std::time::Instant::now() >= t) {
            self.linger.clear();
        }
        self.linger.retain(|id| event_loop::timer_exists(*id));
        !self.linger.is_empty()
    }

    fn reactor_id(&self) -> i32 {
        self.worker_id as i32
    }

    fn set_status(&self, s: WorkerStatus) {
        let id = self.worker_id;
        with(|r| r.shared.stats.set_status(id, s));
    }

    /// Runs a server callback with the worker marked busy, then any onClose due.
    fn busy(&mut self, f: impl FnOnce(&mut dyn EventHandler) -> Flow) -> Flow {
        self.set_status(WorkerStatus::Busy);
        let flow = f(&mut *self.handler);
        self.set_status(WorkerStatus::Idle);
        if flow == Flow::Abort {
            return Flow::Abort;
        }
        deliver_pending(&mut *self.handler, self.worker_id as i32)
    }

    /// Handles up to [`RING_BUDGET`] messages the reactor threads put on
    /// this worker's rings, fewer if they run dry or the worker stops (the
    /// rest is its successor's). The budget lets signals, timers and the
    /// inbox have their turn under a steady load. A SIGTERM not handled yet
    /// stops the batch too: each message may block (`taskwait()`), and a
    /// worker still busy after `max_wait_time` is killed without onWorkerStop.
    fn serve_rings(&mut self) -> Flow {
        let Some((shared, mut reader)) = self.rings.take() else { return Flow::Continue };
        let links = shared.links.as_ref().expect("rings exist in PROCESS mode");
        let w = self.worker_id;
        let stopping = || crate::signals::terminate_seen() || with(|r| r.stopping()).unwrap_or(true);
        if !stopping() {
            links.worker_bells[w].awake();
        }
        let mut flow = Flow::Continue;
        for _ in 0..RING_BUDGET {
            // A stopping worker still finishes a message it has begun to read
            // (its successor could not use the tail).
            if stopping() && !reader.has_partial() {
                break;
            }
            // Taken off the ring first (a packet staged as the handler's own
            // value, anything else copied into the reused buffer), handled after.
            let (handler, copy) = (&mut *self.handler, &mut self.ring_copy);
            let taken = reader.next_with(|r| links.to_worker(r, w), |m| {
                if m.kind == Kind::Receive && handler.stage_receive(m.session, m.payload) {
                    return Taken::Staged { session: m.session, aux: m.aux, len: m.payload.len() };
                }
                copy.clear();
                copy.extend_from_slice(m.payload);
                Taken::Copied { kind: m.kind, session: m.session, aux: m.aux }
            });
            flow = match taken {
                None => break,
                Some(Taken::Staged { session, aux, len }) => {
                    self.busy(|h| counted_receive(session, len, || h.on_receive_staged(session, reactor_id_of(aux))))
                }
                Some(Taken::Copied { kind, session, aux }) => {
                    let msg = crate::message::Message { kind, session, aux, payload: std::mem::take(&mut self.ring_copy) };
                    let mut spare = None;
                    let flow = self.busy(|h| {
                        let (flow, buf) = deliver_reusing(h, msg);
                        spare = buf;
                        flow
                    });
                    self.ring_copy = spare.unwrap_or_default();
                    flow
                }
            };
            if flow == Flow::Abort {
                break;
            }
        }
        self.rings = Some((shared, reader));
        flow
    }

    /// Before sleeping: arms this worker's doorbell; if messages arrived
    /// meanwhile, serves a budget of them and says the loop must not sleep.
    fn rings_before_sleep(&mut self) -> (Flow, bool) {
        let Some((shared, reader)) = self.rings.as_ref() else { return (Flow::Continue, false) };
        let links = shared.links.as_ref().expect("rings exist in PROCESS mode");
        let w = self.worker_id;
        if with(|r| r.stopping()).unwrap_or(true) {
            // The doorbell is the successor's; only a half-read message is ours.
            return if reader.has_partial() { (self.serve_rings(), true) } else { (Flow::Continue, false) };
        }
        links.worker_bells[w].prepare_sleep();
        if reader.all_empty(|r| links.to_worker(r, w)) {
            return (Flow::Continue, false);
        }
        (self.serve_rings(), true)
    }

    /// Handles what the inbox holds (the messages read already first).
    fn serve_inbox(&mut self) -> Flow {
        self.last_message = Some(std::time::Instant::now());
        while let Some(msg) = with(|r| r.next_inbox_message()).flatten() {
            if self.busy(|h| deliver_message(h, msg)) == Flow::Abort {
                return Flow::Abort;
            }
            // A worker past its max_request (or reloading) leaves the rest
            // to its successor, once it holds no message it has read.
            if with(|r| r.stopping()).unwrap_or(true) && !crate::inbox::own_has_pending() {
                break;
            }
        }
        let rid = self.reactor_id();
        deliver_pending(&mut *self.handler, rid)
    }

    /// enable_reuse_port: another instance takes the port, so what is queued
    /// is accepted here and the connections are finished, not closed
    /// (`crate::reuse_port`). Whether it is so.
    fn hand_over(&mut self) -> bool {
        let ports = with(|r| r.shared_listeners()).unwrap_or_default();
        for &port in &ports {
            let _ = self.accept_all(port);
            with(|r| r.leave_group(port));
        }
        !ports.is_empty()
    }

    fn accept_all(&mut self, port: usize) -> Flow {
        let rid = self.reactor_id();
        loop {
            match with(|r| r.accept_one(port)).unwrap_or(AcceptOutcome::Empty) {
                // A TLS connection's onConnect comes once its handshake is done.
                AcceptOutcome::Accepted(session) if with(|r| r.is_handshaking(session)).unwrap_or(false) => {}
                AcceptOutcome::Accepted(session) => {
                    if self.busy(|h| h.on_connect(session, rid)) == Flow::Abort {
                        return Flow::Abort;
                    }
                }
                // onConnect waits for the PROXY header (read_all).
                AcceptOutcome::Awaiting | AcceptOutcome::Refused => continue,
                AcceptOutcome::Empty => return Flow::Continue,
            }
        }
    }

    /// Every datagram waiting on datagram port `port`, one onPacket each.
    fn receive_packets(&mut self, port: usize) -> Flow {
        loop {
            let mut buf = std::mem::take(&mut self.buf);
            let got = with(|r| r.recv_packet(port, &mut buf)).flatten();
            let flow = match got {
                Some((n, from)) => {
                    let server = with(|r| r.server_socket(port)).unwrap_or((-1, 0));
                    let flow = self.busy(|h| h.on_packet(port, &buf[..n], &from, server));
                    with(|r| r.count_packet());
                    (flow == Flow::Abort).then_some(Flow::Abort)
                }
                None => Some(Flow::Continue),
            };
            self.buf = buf;
            if let Some(flow) = flow {
                return flow;
            }
        }
    }

    /// Reads connection `key` until the kernel has nothing more. A short
    /// read means drained, except with `to_end` (see [`read_to_end_hint`]):
    /// then reading goes on until the kernel says so (EOF, an error, EAGAIN).
    fn read_all(&mut self, key: usize, to_end: bool) -> Flow {
        let rid = self.reactor_id();
        loop {
            let mut buf = std::mem::take(&mut self.buf);
            let outcome = with(|r| r.read(key, &mut buf)).unwrap_or(ReadOutcome::Done);
            let flow = match outcome {
                ReadOutcome::Data { session, n, more } => {
                    let flow = self.busy(|h| h.on_receive(session, rid, &buf[..n]));
                    with(|r| r.count_request());
                    if flow == Flow::Continue && (more || to_end) { None } else { Some(flow) }
                }
                ReadOutcome::Frames { session, frames, more } => {
                    let mut flow = Flow::Continue;
                    for frame in frames {
                        flow = self.busy(|h| h.on_receive(session, rid, &frame));
                        with(|r| r.count_request());
                        if flow == Flow::Abort {
                            break;
                        }
                    }
                    if flow == Flow::Continue && (more || to_end) { None } else { Some(flow) }
                }
                // What followed the header or came with the handshake is read next.
                ReadOutcome::Connected { session } => {
                    let flow = self.busy(|h| h.on_connect(session, rid));
                    if flow == Flow::Continue { None } else { Some(flow) }
                }
                ReadOutcome::Done => Some(Flow::Continue),
            };
            self.buf = buf;
            if let Some(flow) = flow {
                return flow;
            }
        }
    }
}

impl LoopHandler for ServerLoop<'_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        // (A SIGINT that `Process::signal()` claimed is the user's.)
        match crate::side_loop::server_signal(signo) {
            Some(Signal::Terminate) => {
                // A reload lets the worker finish its connections; a
                // shutdown closes them now.
                let reload = with(|r| r.shared.stats.worker(r.worker_id).is_some_and(|w| w.reload.swap(0, Ordering::SeqCst) == 1));
                let reload = reload.unwrap_or(false);
                if !reload && self.linger_until.is_none() {
                    let before = event_loop::timer_ids().into_iter().max();
                    if self.handler.on_before_shutdown() == Flow::Abort {
                        return Flow::Abort;
                    }
                    self.linger = event_loop::timer_ids().into_iter().filter(|id| Some(*id) > before).collect();
                    let max_wait = with(|r| r.max_wait).unwrap_or_default();
                    self.linger_until = Some(std::time::Instant::now() + max_wait);
                }
                let handed_over = !reload && self.hand_over();
                let shutdown = !reload && !handed_over;
                if shutdown && self.task_worker {
                    // A task worker stops at once, its timers dropped (Swoole's).
                    with(|r| r.stop_now());
                } else {
                    request_stop(shutdown);
                }
                Flow::Continue
            }
            Some(Signal::ReopenLog) => {
                crate::log::reopen();
                Flow::Continue
            }
            _ => self.handler.on_signal(signo),
        }
    }

    fn on_user_fd(&mut self, fd: std::os::fd::RawFd, readable: bool, writable: bool) -> Flow {
        self.busy(|h| h.on_user_fd(fd, readable, writable))
    }

    fn on_timer(&mut self, due: crate::timer::Due) -> Flow {
        self.busy(|h| h.on_timer(due))
    }

    fn on_defer(&mut self) -> Flow {
        self.busy(|h| h.on_defer())
    }

    fn on_cycle(&mut self) -> Flow {
        self.handler.on_cycle()
    }

    fn on_other(&mut self, token: mio::Token, ev: &mio::event::Event) -> Flow {
        if token == RING_TOKEN {
            // (The doorbell needs no reset: see ring::Doorbell::fd.)
            if self.serve_rings() == Flow::Abort {
                return Flow::Abort;
            }
            let rid = self.reactor_id();
            return deliver_pending(&mut *self.handler, rid);
        }
        if let Some(port) = token.0.checked_sub(PORT_TOKEN_BASE).filter(|_| token.0 < CONN_TOKEN_BASE) {
            if with(|r| r.port_is_datagram(port)).unwrap_or(false) {
                return self.receive_packets(port);
            }
            return self.accept_all(port);
        }
        if token == INBOX_TOKEN {
            return self.serve_inbox();
        }
        let Some(key) = token.0.checked_sub(CONN_TOKEN_BASE) else { return Flow::Continue };
        if ev.is_writable() {
            with(|r| r.flush(key));
        }
        if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
            return self.read_all(key, read_to_end_hint(ev));
        }
        let rid = self.reactor_id();
        deliver_pending(&mut *self.handler, rid)
    }

    fn plan(&mut self) -> Plan {
        let rid = self.reactor_id();
        // resume()/confirm() in a callback: read what arrived while paused.
        for key in with(|r| r.take_resumed()).unwrap_or_default() {
            // What came while paused raised no event we acted on: a FIN or an
            // error among it is only seen by reading to the end.
            if self.read_all(key, true) == Flow::Abort {
                self.aborted = true;
                return Plan { done: true, timeout: None, keep_alive: true };
            }
        }
        if deliver_pending(&mut *self.handler, rid) == Flow::Abort {
            self.aborted = true;
            return Plan { done: true, timeout: None, keep_alive: true };
        }
        // A send() that waited for room in another inbox read this one's
        // messages meanwhile: the socket is empty now, so epoll (edge-
        // triggered) will not report them. Handle them before sleeping.
        if crate::inbox::own_has_ready() && self.serve_inbox() == Flow::Abort {
            self.aborted = true;
            return Plan { done: true, timeout: None, keep_alive: true };
        }
        let (flow, more_in_rings) = self.rings_before_sleep();
        if flow == Flow::Abort {
            self.aborted = true;
            return Plan { done: true, timeout: None, keep_alive: true };
        }
        let mut loop_busy = false;
        if with(|r| r.draining()).unwrap_or(false) {
            // Timers and fds keep a draining worker, and so does a message it
            // has begun to read from its rings.
            let busy = |this: &Self| event_loop::has_work() || this.rings.as_ref().is_some_and(|(_, r)| r.has_partial());
            // As Swoole's: onWorkerExit only while something keeps the loop
            // (connections too; again on each turn until it lets go), never
            // for a worker that can leave at once.
            if (busy(self) || with(|r| r.holds_connections()).unwrap_or(false))
                && self.handler.on_worker_exit() == Flow::Abort
            {
                self.aborted = true;
                return Plan { done: true, timeout: None, keep_alive: true };
            }
            loop_busy = busy(self);
        }
        let (mut done, mut timeout) = with(|r| r.poll_plan(loop_busy)).unwrap_or((true, None));
        if let Some(next) = self.handler.deadlines().filter(|_| !done) {
            timeout = Some(timeout.map_or(next, |t| t.min(next)));
        }
        if done && self.lingering() {
            // onBeforeShutdown's timers run first; the timerfd wakes the loop.
            done = false;
            timeout = self.linger_until.map(|t| t.saturating_duration_since(std::time::Instant::now()));
        }
        if more_in_rings {
            timeout = Some(std::time::Duration::ZERO);
        }
        if with(|r| r.has_pending()).unwrap_or(false) || crate::inbox::own_has_ready() {
            // The heartbeat just closed connections: their onClose is due now
            // (or a callback just above read more of the inbox while it sent).
            timeout = Some(std::time::Duration::ZERO);
        }
        if self.task_worker && self.last_message.is_some_and(|t| t.elapsed() < TASK_WORKER_SPIN) {
            timeout = Some(std::time::Duration::ZERO);
        }
        Plan { done, timeout, keep_alive: true }
    }
}

/// Whether a connection's readiness event asks for reading past a short
/// read: the peer's FIN (or an error, RST) came with it. Under
/// edge-triggered epoll a short read otherwise means drained, soundly: any
/// arrival after epoll collected the event makes a new one. But a FIN that
/// came *with* the data is in this event only: stopping at the data's short
/// read would leave the connection in CLOSE-WAIT forever, with no onClose.
pub(crate) fn read_to_end_hint(ev: &mio::event::Event) -> bool {
    ev.is_read_closed() || ev.is_error()
}

/// Hands one inbox message to the handler: in PROCESS mode the connection
/// events a reactor thread dispatched here, otherwise a pipe message, a task
/// or a task's result.
fn deliver_message(handler: &mut dyn EventHandler, msg: crate::inbox::Message) -> Flow {
    deliver_reusing(handler, msg).0
}

/// [`deliver_message`], handing back the payload buffer when the handler
/// did not take the message (a connection event), for the ring reader to
/// read its next message into.
fn deliver_reusing(handler: &mut dyn EventHandler, msg: crate::inbox::Message) -> (Flow, Option<Vec<u8>>) {
    let reactor_id = reactor_id_of(msg.aux);
    let flow = match msg.kind {
        Kind::Connect => {
            if !msg.payload.is_empty() {
                let pem = String::from_utf8_lossy(&msg.payload).into_owned();
                CLIENT_CERTS.with(|c| c.borrow_mut().insert(msg.session, pem));
            }
            handler.on_connect(msg.session, reactor_id)
        }
        Kind::Receive => counted_receive(msg.session, msg.payload.len(), || handler.on_receive(msg.session, reactor_id, &msg.payload)),
        Kind::Closed => {
            let flow = handler.on_close(msg.session, reactor_id);
            // The session's slot was kept for this onClose; free it now.
            if let Some(shared) = current_server() {
                shared.table.close(msg.session);
            }
            CLIENT_CERTS.with(|c| c.borrow_mut().remove(&msg.session));
            flow
        }
        Kind::BufferFull | Kind::BufferEmpty => handler.on_buffer(msg.session, reactor_id, msg.kind == Kind::BufferFull),
        _ => return (handler.on_message(msg), None),
    };
    (flow, Some(msg.payload))
}

/// Runs `on_receive` for a packet of `len` bytes on `session`, counted as
/// received before and as a request after (the stats and `max_request`).
fn counted_receive(session: SessionId, len: usize, on_receive: impl FnOnce() -> Flow) -> Flow {
    with(|r| r.count_received(session, len));
    let flow = on_receive();
    with(|r| r.count_request());
    flow
}

/// The `$reactor_id` a connection event's `aux` carries.
fn reactor_id_of(aux: u16) -> i32 {
    if aux == CLOSED_BY_SERVER_AUX { CLOSED_BY_SERVER } else { aux as i32 }
}

/// Runs onBufferFull/onBufferEmpty due, then onClose for every connection
/// closed since the last call.
fn deliver_pending(handler: &mut dyn EventHandler, reactor_id: i32) -> Flow {
    if !with(|r| r.has_pending()).unwrap_or(false) {
        return Flow::Continue;
    }
    for (session, ev) in with(|r| r.take_buffer_events()).unwrap_or_default() {
        let full = ev == crate::reactor::BufferEvent::Full;
        if handler.on_buffer(session, reactor_id, full) == Flow::Abort {
            return Flow::Abort;
        }
    }
    while let Some((session, by_server)) = with(|r| r.next_closed()).flatten() {
        let flow = handler.on_close(session, if by_server { CLOSED_BY_SERVER } else { reactor_id });
        with(|r| r.closed_delivered());
        if flow == Flow::Abort {
            return Flow::Abort;
        }
    }
    Flow::Continue
}
