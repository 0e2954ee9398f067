//! The event loop of one process: what `Swoole\Event::wait()` runs, and what a
//! server worker runs with its connections on top.
//!
//! It owns the poller, the process's signal pipe, its timers and the file
//! descriptors PHP code added with `Swoole\Event::add`. What the events mean is
//! left to a [`LoopHandler`] (the PHP callbacks in production; the server's
//! accept/read logic in [`crate::worker`]). Nothing here calls back while a
//! borrow of the loop is held, so a callback can add timers or fds.

use crate::signals::SignalPipe;
use crate::timer::{Due, TimerId, TimerQueue};
use mio::unix::SourceFd;
use nix::sys::time::TimeSpec;
use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};
use mio::{Events, Interest, Poll, Registry, Token};
use std::cell::RefCell;
use std::io;
use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::time::{Duration, Instant};

mod user_fd;

use user_fd::UserFds;
pub use user_fd::Interest2;

pub use crate::tokens::{SIGNAL_TOKEN, TIMERFD_TOKEN, USER_TOKEN_BASE};
/// How many events one poll takes at most.
const EVENTS_PER_POLL: usize = 256;
/// The shortest wait for a timer after a timer pass: a timer already due
/// then (one the pass could not run, made in that round) runs a millisecond
/// later, as in Swoole.
const TIMER_WAIT_MIN: Duration = Duration::from_millis(1);

/// Whether a callback wants the loop to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The callback failed in a way that ends this loop (uncaught exception,
    /// `exit()`, fatal error): leave at once.
    Abort,
}

/// How a loop run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopEnd {
    /// Nothing left to wait for, `Event::exit()`, or the server stopped.
    Stopped,
    /// A callback returned [`Flow::Abort`].
    Aborted,
}

/// What the loop asks of its user besides the events. Every method has a
/// do-nothing default, so a handler names only what it uses.
pub trait LoopHandler {
    /// A watched signal arrived (raw number).
    fn on_signal(&mut self, _signo: i32) -> Flow {
        Flow::Continue
    }
    /// A `Swoole\Event::add` fd is readable and/or writable.
    fn on_user_fd(&mut self, _fd: RawFd, _readable: bool, _writable: bool) -> Flow {
        Flow::Continue
    }
    /// A timer is due.
    fn on_timer(&mut self, _due: Due) -> Flow {
        Flow::Continue
    }
    /// Deferred callbacks are waiting (`Event::defer`); the handler must run
    /// them and call [`set_defer_pending`]`(false)`.
    fn on_defer(&mut self) -> Flow {
        set_defer_pending(false);
        Flow::Continue
    }
    /// A cycle callback is due (`Event::cycle`): the `$before` one at the
    /// start of an iteration, the default one after its timers and deferred
    /// callbacks. [`cycle_slot`] says which, so a handler that forwards this
    /// to another needs nothing more.
    fn on_cycle(&mut self) -> Flow {
        Flow::Continue
    }
    /// An event for a token this module does not own (the server's sockets).
    fn on_other(&mut self, _token: Token, _event: &mio::event::Event) -> Flow {
        Flow::Continue
    }
    /// Before each poll: whether the loop must end now, and the longest it
    /// may sleep. `keep_alive` says the handler has work of its own (a server
    /// that is running), so an empty loop must not end.
    fn plan(&mut self) -> Plan {
        Plan { done: false, timeout: None, keep_alive: false }
    }
}

/// See [`LoopHandler::plan`].
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub done: bool,
    pub timeout: Option<Duration>,
    pub keep_alive: bool,
}

/// The loop's state.
pub struct EventLoop {
    /// The epoll instance (made in this process, never inherited).
    poll: Poll,
    /// The buffer `poll` fills; taken out while events are handled.
    events: Option<Events>,
    /// This process's signal pipe.
    signals: SignalPipe,
    /// `Swoole\Timer` timers.
    timers: TimerQueue,
    /// A timerfd armed for the next deadline: epoll's own timeout counts in
    /// whole milliseconds (rounded up), this wakes within microseconds.
    timerfd: TimerFd,
    /// The deadline the timerfd is armed for.
    armed: Option<Instant>,
    /// When the last timer pass ran: the next wait for a timer lasts until
    /// [`TIMER_WAIT_MIN`] after it at least, as Swoole's (its timeout after
    /// `Timer::select()` is never under 1 ms).
    last_pass: Option<Instant>,
    /// `Swoole\Event::add` registrations.
    user: UserFds,
    /// A deferred PHP callback is queued.
    defer_pending: bool,
    /// A default cycle callback is set (called after each iteration's
    /// timers and deferred callbacks).
    cycle_set: bool,
    /// An `Event::cycle($cb, true)` callback is set (called before each wait).
    cycle_before_set: bool,
    /// `Event::exit()` was called.
    exit: bool,
}

/// Which `Event::cycle` callback a [`LoopHandler::on_cycle`] call is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CycleSlot {
    /// `Event::cycle($cb, true)`: at the start of each iteration, before the wait.
    Before,
    /// `Event::cycle($cb)`: after each iteration's timers and deferred callbacks.
    After,
}

thread_local! {
    /// This process's loop, once something needed it.
    static LOOP: RefCell<Option<EventLoop>> = const { RefCell::new(None) };
    /// The slot the running `on_cycle` call is for.
    static CYCLE_SLOT: std::cell::Cell<CycleSlot> = const { std::cell::Cell::new(CycleSlot::After) };
}

/// During [`LoopHandler::on_cycle`]: which cycle callback to run.
pub fn cycle_slot() -> CycleSlot {
    CYCLE_SLOT.with(|c| c.get())
}

impl EventLoop {
    /// A loop routing `signals` into its pipe (the server's set in a worker,
    /// none in a plain script).
    pub fn new(signals: &[i32]) -> io::Result<EventLoop> {
        let poll = Poll::new()?;
        let signals = SignalPipe::install_for(signals)?;
        poll.registry().register(&mut SourceFd(&signals.fd()), SIGNAL_TOKEN, Interest::READABLE)?;
        let timerfd = TimerFd::new(ClockId::CLOCK_MONOTONIC, TimerFlags::TFD_NONBLOCK | TimerFlags::TFD_CLOEXEC)?;
        poll.registry().register(&mut SourceFd(&timerfd.as_fd().as_raw_fd()), TIMERFD_TOKEN, Interest::READABLE)?;
        Ok(EventLoop {
            timerfd,
            armed: None,
            last_pass: None,
            poll,
            events: Some(Events::with_capacity(EVENTS_PER_POLL)),
            signals,
            timers: TimerQueue::new(),
            user: UserFds::default(),
            defer_pending: false,
            cycle_set: false,
            cycle_before_set: false,
            exit: false,
        })
    }

    /// A handle to register sockets with this loop (the server's listener
    /// and connections).
    pub fn registry(&self) -> io::Result<Registry> {
        self.poll.registry().try_clone()
    }

    /// Registers (`op`: EPOLL_CTL_ADD, _MOD, _DEL) descriptor `fd` with
    /// this loop level-triggered, under `token` (see `user_fd::level_ctl`).
    pub(crate) fn level_ctl(&self, op: i32, fd: RawFd, interest: Interest2, token: usize) -> io::Result<()> {
        user_fd::level_ctl(&self.poll, op, fd, interest, token)
    }

    /// Arms the timerfd for `deadline` (or disarms it), unless it already is.
    fn arm(&mut self, deadline: Option<Instant>) {
        if self.armed == deadline {
            return;
        }
        let after = deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or_default();
        // A zero it_value disarms, so an overdue deadline gets the smallest delay.
        let after = if deadline.is_some() && after.is_zero() { Duration::from_nanos(1) } else { after };
        let _ = if after.is_zero() {
            self.timerfd.unset()
        } else {
            self.timerfd.set(Expiration::OneShot(TimeSpec::from_duration(after)), TimerSetTimeFlags::empty())
        };
        self.armed = deadline;
    }

    /// Whether anything of its own keeps the loop running.
    fn has_work(&self) -> bool {
        !self.timers.is_empty() || !self.user.is_empty() || self.defer_pending
    }
}

/// Makes `l` this process's loop (dropping any previous one).
pub fn install(l: EventLoop) {
    LOOP.with(|c| *c.borrow_mut() = Some(l));
}

/// Removes this process's loop (after fork, or when a server stops).
pub fn uninstall() -> Option<EventLoop> {
    LOOP.with(|c| c.borrow_mut().take())
}

/// Whether this process has a loop.
pub fn is_installed() -> bool {
    LOOP.with(|c| c.borrow().is_some())
}

/// Runs `f` on this process's loop, creating a plain one (no signals) first
/// if there is none.
pub fn with<R>(f: impl FnOnce(&mut EventLoop) -> R) -> io::Result<R> {
    LOOP.with(|c| {
        let mut slot = c.try_borrow_mut().map_err(|_| io::Error::other("event loop busy"))?;
        if slot.is_none() {
            *slot = Some(EventLoop::new(&[])?);
        }
        Ok(f(slot.as_mut().expect("just set")))
    })
}

/// The epoll fd of this process's loop, if it has one: another poller (the
/// PROCESS master's main thread) can watch it to learn when the loop has
/// something due.
pub fn poll_fd() -> Option<RawFd> {
    with_existing(|l| std::os::fd::AsRawFd::as_raw_fd(&l.poll))
}

/// Runs `f` on the loop only if it exists.
fn with_existing<R>(f: impl FnOnce(&mut EventLoop) -> R) -> Option<R> {
    LOOP.with(|c| c.try_borrow_mut().ok().and_then(|mut s| s.as_mut().map(f)))
}

// ---- timers ----

/// Arms a timer (`Timer::tick` / `Timer::after`).
pub fn timer_add(ms: u64, repeat: bool) -> io::Result<TimerId> {
    with(|l| l.timers.add(ms, repeat, Instant::now()))
}

pub fn timer_clear(id: TimerId) -> bool {
    with_existing(|l| l.timers.clear(id)).unwrap_or(false)
}

pub fn timer_clear_all() -> usize {
    with_existing(|l| l.timers.clear_all()).unwrap_or(0)
}

pub fn timer_exists(id: TimerId) -> bool {
    with_existing(|l| l.timers.exists(id)).unwrap_or(false)
}

pub fn timer_info(id: TimerId) -> Option<crate::timer::TimerInfo> {
    with_existing(|l| l.timers.info(id)).flatten()
}

/// How long until the next timer is due (zero if one is overdue).
pub fn next_timer_in() -> Option<Duration> {
    with_existing(|l| l.timers.next_timeout(Instant::now())).flatten()
}

/// (listed timers, loop rounds so far).
pub fn timer_stats() -> (usize, u64) {
    with_existing(|l| (l.timers.len(), l.timers.round())).unwrap_or((0, 0))
}

pub fn timer_ids() -> Vec<TimerId> {
    with_existing(|l| l.timers.ids()).unwrap_or_default()
}

// ---- Swoole\Event fds: the table is [`user_fd`]'s ----

/// `Event::add`: fails with EEXIST if `fd` is already added.
pub fn user_add(fd: RawFd, interest: Interest2) -> io::Result<()> {
    with(|l| l.user.add(&l.poll, fd, interest))?
}

/// `Event::set`: changes what `fd` waits for.
pub fn user_set(fd: RawFd, interest: Interest2) -> io::Result<()> {
    with(|l| l.user.set(&l.poll, fd, interest))?
}

/// `Event::del`.
pub fn user_del(fd: RawFd) -> bool {
    with_existing(|l| l.user.del(&l.poll, fd)).unwrap_or(false)
}

/// `Event::isset`: what `fd` waits for, if it was added.
pub fn user_interest(fd: RawFd) -> Option<Interest2> {
    with_existing(|l| l.user.interest(fd)).flatten()
}

/// `Event::write`: writes what the fd takes now and queues the rest, which
/// the loop sends when the fd becomes writable. The fd must have been added.
pub fn user_write(fd: RawFd, data: &[u8]) -> io::Result<()> {
    with(|l| l.user.write(&l.poll, fd, data))?
}

/// Sends queued `Event::write` bytes; true if the queue is now empty.
fn flush_user(fd: RawFd) -> bool {
    with_existing(|l| l.user.flush(&l.poll, fd)).unwrap_or(true)
}

// ---- defer, cycle, exit, signals ----

/// A deferred callback is queued (or not any more).
pub fn set_defer_pending(pending: bool) {
    let _ = with(|l| l.defer_pending = pending);
}

/// The default cycle callback is set (or removed).
pub fn set_cycle(set: bool) {
    set_cycle_slot(CycleSlot::After, set);
}

/// The cycle callback of `slot` is set (or removed).
pub fn set_cycle_slot(slot: CycleSlot, set: bool) {
    let _ = with(|l| match slot {
        CycleSlot::Before => l.cycle_before_set = set,
        CycleSlot::After => l.cycle_set = set,
    });
}

/// `Event::exit()`: the running loop ends after this iteration.
pub fn request_exit() {
    let _ = with_existing(|l| l.exit = true);
}

/// Forgets an `Event::exit()` (a loop that ends only with the server).
pub fn clear_exit() {
    let _ = with_existing(|l| l.exit = false);
}

/// For a server worker: make sure this process has a loop, route the
/// server's signals into it (a loop made earlier by a plain script had none),
/// and hand back its registry for the server's sockets.
pub fn serve_signals() -> io::Result<Registry> {
    own_signals(&crate::signals::SERVER_SIGNALS)?;
    with(|l| l.registry())?
}

/// Routes `signals` into this process's loop for the server (creating the
/// loop if needed), and lets the signals held across a fork arrive (see
/// [`crate::signals::block`]): a server process has one signal pipe, its loop's.
pub fn own_signals(signals: &[i32]) -> io::Result<()> {
    with(|l| signals.iter().for_each(|&signo| l.signals.own(signo)))?;
    crate::signals::unblock();
    Ok(())
}

/// Whether `Process::signal()` set a callback for `signo` in this process
/// at some point (SIGINT is then the user's, not the server's).
pub fn signal_claimed(signo: i32) -> bool {
    with_existing(|l| l.signals.claimed(signo)).unwrap_or(false)
}

/// In a forked child: drops the inherited loop without touching the signal
/// handlers, which the child's own loop takes over (see
/// [`SignalPipe::abandon`]).
pub fn abandon() {
    if let Some(mut l) = uninstall() {
        std::mem::replace(&mut l.signals, SignalPipe::none()).abandon();
    }
}

/// Arms the timerfd for the next timer: for a loop served by another
/// poller (the PROCESS master) after it ran callbacks that moved deadlines.
pub fn arm_next_timer() {
    let _ = with_existing(|l| {
        let next = l.timers.next_deadline();
        l.arm(next);
    });
}

/// `Process::signal($signo, $cb)`: route `signo` into the loop.
pub fn watch_signal(signo: i32) -> io::Result<()> {
    // As in Swoole, a watched signal does not keep a plain script's loop alive.
    with(|l| l.signals.watch(signo))
}

/// `Process::signal($signo, null)`.
pub fn unwatch_signal(signo: i32) {
    let _ = with_existing(|l| l.signals.unwatch(signo));
}

/// Whether the loop has work of its own (timers, fds, deferred callbacks).
pub fn has_work() -> bool {
    with_existing(|l| l.has_work()).unwrap_or(false)
}

// ---- running ----

/// Runs the loop until nothing is left (no timers, fds or deferred callbacks,
/// and the handler does not keep it alive), `Event::exit()`, or a callback
/// aborts.
pub fn run(handler: &mut dyn LoopHandler) -> LoopEnd {
    let _ = with_existing(|l| l.exit = false);
    loop {
        match run_once(handler, None) {
            Some(end) => return end,
            None => continue,
        }
    }
}

/// Calls the handler's cycle callback of `slot`, if one is set.
fn run_cycle(handler: &mut dyn LoopHandler, slot: CycleSlot) -> Flow {
    let set = with_existing(|l| match slot {
        CycleSlot::Before => l.cycle_before_set,
        CycleSlot::After => l.cycle_set,
    });
    if !set.unwrap_or(false) {
        return Flow::Continue;
    }
    let outer = CYCLE_SLOT.with(|c| c.replace(slot));
    let flow = handler.on_cycle();
    CYCLE_SLOT.with(|c| c.set(outer));
    flow
}

/// The timer pass of one iteration: each due timer not created in this
/// round, earliest first, then the round ends.
fn run_timers(handler: &mut dyn LoopHandler) -> Flow {
    let now = Instant::now();
    let mut flow = Flow::Continue;
    while flow == Flow::Continue {
        let Some(due) = with_existing(|l| l.timers.begin_due(now)).flatten() else { break };
        flow = handler.on_timer(due);
        let _ = with_existing(|l| l.timers.finish(due.id, now));
    }
    let _ = with_existing(|l| {
        l.timers.end_round();
        l.last_pass = Some(now);
    });
    flow
}

/// One iteration (`Event::dispatch()` with `max_wait`), in Swoole's order:
/// the exit check; the `Event::cycle($cb, true)` callback; the wait (bounded by the next
/// timer, none while deferred callbacks wait); the I/O callbacks (signals
/// come through a pipe, so with them); the timers; the deferred callbacks;
/// the default cycle callback. `Some` when the loop is finished.
pub fn run_once(handler: &mut dyn LoopHandler, max_wait: Option<Duration>) -> Option<LoopEnd> {
    // The exit check comes first: an empty loop ends without calling the
    // `$before` cycle callback again, as Swoole's.
    let plan = handler.plan();
    let (exit, own_work) = with_existing(|l| (l.exit, l.has_work()))?;
    if exit || plan.done || !(own_work || plan.keep_alive) {
        return Some(LoopEnd::Stopped);
    }
    if run_cycle(handler, CycleSlot::Before) == Flow::Abort {
        return Some(LoopEnd::Aborted);
    }
    let (overdue, defer) = with_existing(|l| {
        let floor = l.last_pass.map(|p| p + TIMER_WAIT_MIN);
        let next = l.timers.next_deadline().map(|d| floor.map_or(d, |f| d.max(f)));
        l.arm(next);
        (next.is_some_and(|d| d <= Instant::now()), l.defer_pending)
    })?;
    // Timers wake the loop through the timerfd; epoll's timeout is only for
    // what has no fd (the server's drain deadline, dispatch(), defers).
    let zero = (defer || overdue).then_some(Duration::ZERO);
    let timeout = [plan.timeout, max_wait, zero].into_iter().flatten().min();
    let mut events = with_existing(|l| l.events.take())?.unwrap_or_else(|| Events::with_capacity(EVENTS_PER_POLL));
    let polled = with_existing(|l| l.poll.poll(&mut events, timeout)).unwrap_or(Ok(()));
    let flow = match polled {
        // A signal interrupted the wait: its handler has written it into the
        // pipe, but the interrupted wait reports no events, so the pipe is
        // read now (it would otherwise wait a turn, behind this turn's
        // timers, defers and cycle callback, or be lost if the loop ends).
        Err(e) if e.kind() == io::ErrorKind::Interrupted => take_signals(handler),
        Err(e) => {
            crate::log::warning(&format!("epoll_wait() failed: {e}"));
            let _ = with_existing(|l| l.events = Some(events));
            return Some(LoopEnd::Stopped);
        }
        Ok(()) => dispatch(handler, &events),
    };
    let _ = with_existing(|l| l.events = Some(events));
    if flow == Flow::Abort || run_timers(handler) == Flow::Abort {
        return Some(LoopEnd::Aborted);
    }
    if with_existing(|l| l.defer_pending).unwrap_or(false) && handler.on_defer() == Flow::Abort {
        return Some(LoopEnd::Aborted);
    }
    if run_cycle(handler, CycleSlot::After) == Flow::Abort {
        return Some(LoopEnd::Aborted);
    }
    None
}

/// Hands the signals waiting in the pipe to the handler.
fn take_signals(handler: &mut dyn LoopHandler) -> Flow {
    let signos = with_existing(|l| l.signals.take_raw()).unwrap_or_default();
    signos.into_iter().map(|s| handler.on_signal(s)).find(|f| *f == Flow::Abort).unwrap_or(Flow::Continue)
}

fn dispatch(handler: &mut dyn LoopHandler, events: &Events) -> Flow {
    for ev in events.iter() {
        let token = ev.token();
        // A SIGTERM that arrived while this batch is served goes before the
        // rest of it: each event may block (taskwait()), and a worker still
        // busy after max_wait_time is killed without its onWorkerStop.
        if token != SIGNAL_TOKEN && crate::signals::terminate_seen() && take_signals(handler) == Flow::Abort {
            return Flow::Abort;
        }
        let flow = if token == TIMERFD_TOKEN {
            let _ = with_existing(|l| {
                // Reads the expiration counter, which resets it.
                let _ = l.timerfd.wait();
                l.armed = None;
            });
            Flow::Continue
        } else if token == SIGNAL_TOKEN {
            take_signals(handler)
        } else if token.0 >= USER_TOKEN_BASE {
            let fd = (token.0 - USER_TOKEN_BASE) as RawFd;
            let Some(interest) = user_interest(fd) else { continue };
            let mut writable = ev.is_writable();
            if writable && !flush_user(fd) {
                writable = false; // Event::write's queue goes first
            }
            let readable = (ev.is_readable() || ev.is_read_closed() || ev.is_error()) && interest.read;
            let writable = writable && interest.write;
            if readable || writable { handler.on_user_fd(fd, readable, writable) } else { Flow::Continue }
        } else {
            handler.on_other(token, ev)
        };
        if flow == Flow::Abort {
            return Flow::Abort;
        }
    }
    Flow::Continue
}

#[cfg(test)]
mod tests;
