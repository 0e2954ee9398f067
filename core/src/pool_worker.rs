//! A pool worker's loop: messages from the pool's IPC, one `onMessage` at a
//! time, with the process's timers, `Swoole\Event` fds, deferred callbacks
//! and signals in between ([`crate::event_loop`]).
//!
//! - No message source (`SWOOLE_IPC_NONE`, or no `onMessage`): the loop runs
//!   while it has timers or events, then the worker ends (and is replaced).
//! - `SWOOLE_IPC_UNIXSOCK`: the worker's datagram socket is in the loop.
//! - `SWOOLE_IPC_SOCKET`: the shared listening socket is in the loop; each
//!   connection is one request ([`crate::pool_socket`]).
//! - `SWOOLE_IPC_MSGQUEUE`: a SysV queue has no descriptor to poll, so the
//!   worker takes messages while there are any and otherwise blocks in
//!   `msgrcv`, which a signal interrupts: SIGTERM, or a wake-up timer armed
//!   for the loop's next timer.
//!
//! Stopping (SIGTERM, `stop()`, `detach()`): the worker takes no more
//! messages (the ones waiting stay for the others or the replacement), ends
//! the requests it already holds, and leaves the loop; with `onWorkerExit`
//! set it keeps the loop while timers or events are left, up to
//! `max_wait_time`.

use crate::event_loop::{self, Flow, LoopEnd, LoopHandler, Plan};
use crate::pool::{IpcType, Pool, PoolSettings};
use crate::pool_socket::SocketServer;
use crate::process::MsgQueue;
use crate::timer::Due;
use std::cell::RefCell;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

pub use crate::tokens::POOL_PIPE_TOKEN as PIPE_TOKEN;
/// How many datagrams one readiness event takes at most (the rest come at
/// the next turn: the registration is level-triggered).
const PIPE_BATCH: usize = 64;
/// A queue worker looks at its loop at least this often while messages flow
/// (read from the coarse clock: a few milliseconds' resolution, nearly free).
const QUEUE_LOOP_EVERY_MS: u64 = 1;
/// A blocked queue worker wakes at least this often while the loop has
/// descriptors or deferred work (they cannot interrupt `msgrcv`).
const QUEUE_POLL: Duration = Duration::from_millis(20);
/// ... and this often when it has nothing else: it closes the window between
/// the last look at the signal pipe and the start of `msgrcv`.
const QUEUE_IDLE_WAKE: Duration = Duration::from_secs(1);

/// What a worker process knows about itself (no PHP values).
#[derive(Debug, Default)]
struct WorkerState {
    /// Leave the loop: SIGTERM, `stop()` or `detach()` asked for it.
    stop: bool,
    /// Socket mode, while `onMessage` runs: what `write()` answers.
    reply: Option<Vec<u8>>,
}

thread_local! {
    static STATE: RefCell<WorkerState> = RefCell::new(WorkerState::default());
}

/// Asks this worker to leave its loop after the callback that runs now.
pub fn request_stop() {
    STATE.with(|s| s.borrow_mut().stop = true);
}

/// Whether this worker was asked to stop.
pub fn stop_requested() -> bool {
    STATE.with(|s| s.borrow().stop)
}

/// `write($data)`: appends to the answer of the request being handled;
/// false outside a socket-mode `onMessage`.
pub fn reply_append(data: &[u8]) -> bool {
    STATE.with(|s| match s.borrow_mut().reply.as_mut() {
        Some(r) => {
            r.extend_from_slice(data);
            true
        }
        None => false,
    })
}

/// Starts collecting an answer (socket mode, before `onMessage`).
fn reply_begin() {
    STATE.with(|s| s.borrow_mut().reply = Some(Vec::new()));
}

/// What `write()` collected since [`reply_begin`].
fn reply_take() -> Vec<u8> {
    STATE.with(|s| s.borrow_mut().reply.take()).unwrap_or_default()
}

/// What the worker's loop needs from the layer that runs user code: the
/// loop's own callbacks (timers, fds, signals: [`LoopHandler`]) and the
/// pool's.
pub trait MessageHandler: LoopHandler {
    /// One message (`onMessage`).
    fn on_message(&mut self, data: &[u8]) -> Flow;
    /// The worker starts stopping (`onWorkerExit`). `true` keeps the loop
    /// while it has timers or events (up to `max_wait_time`).
    fn on_stopping(&mut self) -> (Flow, bool) {
        (Flow::Continue, false)
    }
}

/// Where the worker's messages come from.
enum Source {
    /// None: the loop runs its own events only.
    Nothing,
    /// The worker's datagram socket and a buffer for one message.
    Pipe { fd: RawFd, buf: Vec<u8>, added: bool },
    /// The listening socket and the connections in progress.
    Socket(SocketServer),
}

/// The worker's loop handler around the user's.
struct Worker<'h> {
    h: &'h mut dyn MessageHandler,
    source: Source,
    settings: PoolSettings,
    /// Set once stopping began: the deadline and whether to linger.
    stopping: Option<(Instant, bool)>,
    /// A callback failed (exception, exit, fatal error): the loop ends.
    aborted: bool,
}

impl Worker<'_> {
    fn flow(&mut self, f: Flow) -> Flow {
        if f == Flow::Abort {
            self.aborted = true;
        }
        f
    }

    /// The first look after a stop request: deregister the source, run
    /// `onWorkerExit`.
    fn begin_stopping(&mut self) {
        match &mut self.source {
            Source::Pipe { fd, added, .. } if *added => {
                crate::pool::loop_del(*fd);
                *added = false;
            }
            Source::Socket(s) => s.stop_accepting(),
            _ => {}
        }
        let (f, linger) = self.h.on_stopping();
        self.flow(f);
        self.stopping = Some((Instant::now() + self.settings.max_wait, linger));
    }

    /// Reads up to [`PIPE_BATCH`] datagrams, one `onMessage` each.
    fn read_pipe(&mut self) -> Flow {
        for _ in 0..PIPE_BATCH {
            if stop_requested() {
                return Flow::Continue;
            }
            let Source::Pipe { fd, buf, .. } = &mut self.source else { return Flow::Continue };
            match crate::pool::recv_datagram(*fd, buf) {
                Ok(Some(Ok(n))) => {
                    // The buffer is lent to the callback, then taken back.
                    let data = std::mem::take(buf);
                    let f = self.h.on_message(&data[..n]);
                    if let Source::Pipe { buf, .. } = &mut self.source {
                        *buf = data;
                    }
                    if self.flow(f) == Flow::Abort {
                        return Flow::Abort;
                    }
                }
                Ok(Some(Err(len))) => crate::log::warning(&format!(
                    "a message of {len} bytes is larger than max_package_size ({}); dropped",
                    self.settings.max_package_size
                )),
                Ok(None) => return Flow::Continue,
                Err(e) => {
                    crate::log::warning(&format!("failed to read the worker's pipe: {e}"));
                    request_stop();
                    return Flow::Continue;
                }
            }
        }
        Flow::Continue
    }
}

impl LoopHandler for Worker<'_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        let f = self.h.on_signal(signo);
        self.flow(f)
    }
    fn on_user_fd(&mut self, fd: RawFd, readable: bool, writable: bool) -> Flow {
        let f = self.h.on_user_fd(fd, readable, writable);
        self.flow(f)
    }
    fn on_timer(&mut self, due: Due) -> Flow {
        let f = self.h.on_timer(due);
        self.flow(f)
    }
    fn on_defer(&mut self) -> Flow {
        let f = self.h.on_defer();
        self.flow(f)
    }
    fn on_cycle(&mut self) -> Flow {
        let f = self.h.on_cycle();
        self.flow(f)
    }
    fn on_other(&mut self, token: mio::Token, event: &mio::event::Event) -> Flow {
        if token == PIPE_TOKEN {
            return self.read_pipe();
        }
        let Source::Socket(server) = &mut self.source else { return Flow::Continue };
        let h = &mut *self.h;
        let f = server.on_event(token, event, &mut |request| {
            reply_begin();
            let f = h.on_message(request);
            (f, reply_take())
        });
        self.flow(f)
    }
    fn plan(&mut self) -> Plan {
        if stop_requested() && self.stopping.is_none() && !self.aborted {
            self.begin_stopping();
        }
        let idle = match &self.source {
            Source::Socket(s) => s.is_idle(),
            _ => true,
        };
        if self.aborted {
            return Plan { done: true, timeout: None, keep_alive: false };
        }
        match self.stopping {
            None => Plan { done: false, timeout: None, keep_alive: !matches!(self.source, Source::Nothing) },
            Some((deadline, linger)) => {
                let left = deadline.saturating_duration_since(Instant::now());
                let waiting = !idle || (linger && event_loop::has_work());
                Plan { done: left.is_zero() || !waiting, timeout: Some(left), keep_alive: !idle }
            }
        }
    }
}

/// Runs worker `id`'s loop until it stops; `Aborted` when a callback failed.
/// `messages`: whether `onMessage` is set (otherwise nothing is read).
pub fn run(pool: &Pool, id: usize, settings: PoolSettings, messages: bool, h: &mut dyn MessageHandler) -> LoopEnd {
    // After onWorkerStart, SIGTERM (and Ctrl-C's SIGINT) stop the worker
    // cleanly instead of killing it.
    for signo in [libc::SIGTERM, libc::SIGINT] {
        if let Err(e) = event_loop::watch_signal(signo) {
            crate::log::warning(&format!("worker#{id}: cannot watch signal {signo}: {e}"));
        }
    }
    let ipc = if messages { pool.ipc() } else { IpcType::None };
    let source = match ipc {
        IpcType::UnixSock => {
            let Some(fd) = pool.worker_fd(id).map(|fd| fd.as_raw_fd()) else { return LoopEnd::Stopped };
            if let Err(e) = crate::pool::loop_add(fd, PIPE_TOKEN, false) {
                crate::log::warning(&format!("worker#{id}: cannot watch its pipe: {e}"));
                return LoopEnd::Stopped;
            }
            Source::Pipe { fd, buf: vec![0u8; settings.max_package_size.max(1)], added: true }
        }
        IpcType::Socket => match pool.listener_fd().map(|fd| SocketServer::new(fd, settings.max_package_size)) {
            Some(Ok(s)) => Source::Socket(s),
            Some(Err(e)) => {
                crate::log::warning(&format!("worker#{id}: cannot watch the listening socket: {e}"));
                return LoopEnd::Stopped;
            }
            None => return LoopEnd::Stopped,
        },
        IpcType::MsgQueue => match pool.queue() {
            Some(q) => return run_queue(q, settings, h),
            None => return LoopEnd::Stopped,
        },
        IpcType::None => Source::Nothing,
    };
    let mut w = Worker { h, source, settings, stopping: None, aborted: false };
    let end = event_loop::run(&mut w);
    if let Source::Pipe { fd, added: true, .. } = w.source {
        crate::pool::loop_del(fd);
    }
    if w.aborted { LoopEnd::Aborted } else { end }
}

/// One queue message in the layout `msgrcv` fills: the type, then the text
/// (SysV queues: nix has no wrapper).
struct QueueBuf {
    /// `c_long`-aligned storage for `mtype` followed by `cap` text bytes.
    words: Vec<libc::c_long>,
    /// How much text fits.
    cap: usize,
}

/// What one `msgrcv` gave.
enum Received {
    /// A message of this many bytes.
    Message(usize),
    /// None waiting (non-blocking) or interrupted by a signal (blocking).
    Nothing,
    /// A message larger than the buffer was taken off the queue and dropped.
    TooBig,
}

impl QueueBuf {
    fn new(cap: usize) -> QueueBuf {
        let word = std::mem::size_of::<libc::c_long>();
        QueueBuf { words: vec![0; 1 + cap.div_ceil(word)], cap }
    }

    fn text(&self, n: usize) -> &[u8] {
        // SAFETY: the text starts right after mtype and holds `cap` >= n bytes.
        unsafe { std::slice::from_raw_parts((self.words.as_ptr() as *const u8).add(std::mem::size_of::<libc::c_long>()), n) }
    }

    fn recv(&mut self, q: &MsgQueue, block: bool) -> io::Result<Received> {
        let flags = if block { 0 } else { libc::IPC_NOWAIT };
        // SAFETY: the buffer is a msgbuf with `cap` bytes of text.
        let n = unsafe { libc::msgrcv(q.id, self.words.as_mut_ptr().cast(), self.cap, 0, flags) };
        if n >= 0 {
            return Ok(Received::Message(n as usize));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENOMSG) | Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(Received::Nothing),
            Some(libc::E2BIG) => {
                // Take it off the queue (truncated) so it blocks nobody.
                // SAFETY: as above; MSG_NOERROR truncates to `cap`.
                unsafe { libc::msgrcv(q.id, self.words.as_mut_ptr().cast(), self.cap, 0, libc::IPC_NOWAIT | libc::MSG_NOERROR) };
                Ok(Received::TooBig)
            }
            _ => Err(e),
        }
    }
}

/// The no-op handler of the wake-up signal: its only job is to interrupt
/// `msgrcv`.
extern "C" fn on_wake(_: libc::c_int) {}

/// A POSIX timer that interrupts a blocked `msgrcv` with a signal.
///
/// libc, not nix: nix's `Timer` and `SigEvent` name the signal with its
/// `Signal` enum, which has no real-time signals, and a real-time one is
/// what leaves the script's SIGALRM and SIGUSR* alone.
struct WakeTimer {
    id: libc::timer_t,
}

impl WakeTimer {
    /// The real-time signal it sends (glibc keeps the first ones).
    fn signo() -> i32 {
        libc::SIGRTMIN() + 4
    }

    fn new() -> io::Result<WakeTimer> {
        // SAFETY: installing a no-op handler without SA_RESTART, then
        // creating a timer that sends that signal to this process.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_wake as *const () as usize;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(Self::signo(), &sa, std::ptr::null_mut());
            let mut ev: libc::sigevent = std::mem::zeroed();
            ev.sigev_notify = libc::SIGEV_SIGNAL;
            ev.sigev_signo = Self::signo();
            let mut id: libc::timer_t = std::ptr::null_mut();
            if libc::timer_create(libc::CLOCK_MONOTONIC, &mut ev, &mut id) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(WakeTimer { id })
        }
    }

    /// Fires after `after`, then every `after` until disarmed.
    fn arm(&self, after: Duration) {
        let ts = libc::timespec { tv_sec: after.as_secs() as libc::time_t, tv_nsec: after.subsec_nanos() as libc::c_long };
        let spec = libc::itimerspec { it_interval: ts, it_value: ts };
        // SAFETY: setting our own timer.
        unsafe { libc::timer_settime(self.id, 0, &spec, std::ptr::null_mut()) };
    }

    fn disarm(&self) {
        self.arm(Duration::ZERO);
    }
}

impl Drop for WakeTimer {
    fn drop(&mut self) {
        // SAFETY: deleting our own timer.
        unsafe { libc::timer_delete(self.id) };
    }
}

/// How long a queue worker may block: until the loop's next timer, and no
/// longer than [`QUEUE_POLL`] while the loop has anything (its descriptors
/// and deferred work cannot interrupt `msgrcv`).
fn queue_wait() -> Duration {
    if !event_loop::has_work() {
        return QUEUE_IDLE_WAKE;
    }
    let next_timer = event_loop::next_timer_in().map(|d| d.max(Duration::from_millis(1)));
    next_timer.map_or(QUEUE_POLL, |d| d.min(QUEUE_POLL))
}

/// Milliseconds of `CLOCK_MONOTONIC_COARSE` (the tick the kernel last
/// recorded: no hardware clock read, so it can be asked for every message).
fn coarse_ms() -> u64 {
    use nix::time::{clock_gettime, ClockId};
    let ts = clock_gettime(ClockId::CLOCK_MONOTONIC_COARSE).unwrap_or_else(|_| nix::sys::time::TimeSpec::new(0, 0));
    ts.tv_sec() as u64 * 1000 + ts.tv_nsec() as u64 / 1_000_000
}

/// The `SWOOLE_IPC_MSGQUEUE` loop (see the module doc).
fn run_queue(q: MsgQueue, settings: PoolSettings, h: &mut dyn MessageHandler) -> LoopEnd {
    let wake = match WakeTimer::new() {
        Ok(t) => t,
        Err(e) => {
            crate::log::warning(&format!("cannot create the wake-up timer: {e}"));
            return LoopEnd::Stopped;
        }
    };
    let mut buf = QueueBuf::new(settings.max_package_size.max(1));
    let mut w = Worker { h, source: Source::Nothing, settings, stopping: None, aborted: false };
    let mut last_turn: Option<u64> = None;
    loop {
        // The loop's turn (signals, timers, fds, deferred callbacks): after
        // every wait, and every QUEUE_LOOP_EVERY_MS while messages flow.
        if last_turn.is_none_or(|t| coarse_ms() >= t + QUEUE_LOOP_EVERY_MS) {
            // The queue keeps the loop alive: run_once ends only on
            // Event::exit(), a failure or a finished stop.
            let mut turn = crate::pool::Relay { inner: &mut w, drop_signals: &[], keep_alive: true };
            let ended = event_loop::run_once(&mut turn, Some(Duration::ZERO)).is_some();
            last_turn = Some(coarse_ms());
            if ended || w.aborted {
                break;
            }
        }
        if stop_requested() {
            // What is still queued stays for the other workers.
            break;
        }
        let got = match buf.recv(&q, false) {
            Ok(Received::Nothing) => {
                wake.arm(queue_wait());
                let got = buf.recv(&q, true);
                wake.disarm();
                // Interrupted (a signal, a timer due): the loop's turn now.
                if matches!(got, Ok(Received::Nothing)) {
                    last_turn = None;
                }
                got
            }
            other => other,
        };
        match got {
            Ok(Received::Message(n)) => {
                let f = w.h.on_message(buf.text(n));
                if w.flow(f) == Flow::Abort {
                    break;
                }
            }
            Ok(Received::Nothing) => {}
            Ok(Received::TooBig) => crate::log::warning(&format!(
                "a queue message larger than max_package_size ({}) was dropped",
                settings.max_package_size
            )),
            Err(e) => {
                crate::log::warning(&format!("msgrcv({}) failed: {e}", q.id));
                request_stop();
            }
        }
    }
    if !w.aborted {
        // Finishes the stop: onWorkerExit, and lingering if it asked for it.
        event_loop::run(&mut w);
    }
    if w.aborted { LoopEnd::Aborted } else { LoopEnd::Stopped }
}
