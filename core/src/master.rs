//! The master process of SWOOLE_PROCESS mode, after it forked the manager.
//!
//! Its main thread accepts connections and hands each to reactor thread
//! `fd % reactor_num`, runs the process's event loop (onStart's timers and
//! signal callbacks), and turns the server's signals, which arrive on that
//! loop, into actions: SIGTERM runs onBeforeShutdown, then stops the manager
//! (which stops the workers) and the reactor threads; SIGUSR1 and SIGUSR2
//! are passed on to the manager, which reloads workers. The threads
//! are started here, after every fork of this process (rule 2), and joined
//! before [`run`] returns, so the PHP script after `start()` runs
//! single-threaded again.

use crate::shared::ServerShared;
use crate::reactor_thread::{ReactorThread, ThreadConfig};
use crate::master_ask::{Answer, Question};
use crate::reuse_port;
use crate::port::StdStream;
use crate::signals::{self, Signal};
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use nix::sys::signal::{kill, Signal as SysSignal};
use nix::unistd::Pid;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::tokens::{MASTER_ASKS_TOKEN as ASKS, LISTENER_TOKEN_BASE as LISTENER_BASE, MASTER_EVENT_LOOP_TOKEN as EVENT_LOOP};
/// The longest the main thread sleeps: it also looks for a manager that
/// ended without a SIGCHLD reaching us.
pub const TICK: Duration = Duration::from_secs(1);

/// What the master needs besides the shared state.
pub struct MasterConfig {
    /// How many reactor threads hold the connections.
    pub reactor_num: usize,
    /// Refuse connections past this many (counted in `abort_count`).
    pub max_connection: usize,
    /// What each reactor thread runs with.
    pub thread: ThreadConfig,
}

/// What the master's main thread serves besides accepting: the process's
/// event loop (PHP timers, `Swoole\Event` fds and signal callbacks created
/// in onStart), run from here without blocking whenever its epoll fd has
/// something. The master's signals arrive on that loop too.
pub trait MasterSide {
    /// The event loop's epoll fd (None: there is no loop).
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd>;
    /// Runs what is due on the event loop, without waiting, and returns
    /// the server signals that arrived (each once, in order); the others
    /// went to their PHP callbacks.
    fn run_loop(&mut self) -> Vec<Signal>;
    /// Shutdown begins (onBeforeShutdown), before the workers are told.
    fn before_shutdown(&mut self) {}
    /// Whether the workers may be told to stop: once the timers
    /// onBeforeShutdown created have run (its loop still runs, as in Swoole).
    fn shutdown_ready(&mut self) -> bool {
        true
    }
    /// `package_length_func` of port `port` on the bytes a reactor thread
    /// buffered (see [`crate::master_ask`]).
    fn length_func(&mut self, _port: usize, _data: &[u8]) -> crate::client::Length {
        crate::client::Length::Failed
    }
    /// `dispatch_func` for `event` (a [`crate::dispatch::event_type`]) of
    /// `session`, with the packet's first bytes when the callable takes them.
    fn dispatch_func(&mut self, _session: crate::session::SessionId, _event: i64, _data: Option<&[u8]>)
        -> crate::dispatch::FuncChoice {
        crate::dispatch::FuncChoice::Fallback
    }
}

/// How the master's run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MasterEnd {
    /// SIGTERM (or `shutdown()`): the manager stopped every worker.
    Shutdown,
    /// The manager died on its own; the server could not go on.
    ManagerLost,
}

/// A stream port's listening socket, accepted on by the main thread.
pub enum StdListener {
    Tcp(std::net::TcpListener),
    Unix(std::os::unix::net::UnixListener),
}

impl AsFd for StdListener {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            StdListener::Tcp(l) => l.as_fd(),
            StdListener::Unix(l) => l.as_fd(),
        }
    }
}

impl StdListener {
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        self.as_fd().as_raw_fd()
    }

    fn set_nonblocking(&self) -> io::Result<()> {
        match self {
            StdListener::Tcp(l) => l.set_nonblocking(true),
            StdListener::Unix(l) => l.set_nonblocking(true),
        }
    }

    fn accept(&self) -> io::Result<(StdStream, Option<std::net::SocketAddr>)> {
        match self {
            StdListener::Tcp(l) => l.accept().map(|(s, a)| (StdStream::Tcp(s), Some(a))),
            StdListener::Unix(l) => l.accept().map(|(s, _)| (StdStream::Unix(s), None)),
        }
    }
}

/// Runs the master's main thread until shutdown: it accepts on `listeners`
/// (each with the index of its port). `manager` is the pid of the manager
/// process forked before this call. The master's signals go to its event
/// loop, routed there right after that fork (so a `shutdown()` in onStart,
/// which runs before this, is not lost).
pub fn run(
    listeners: Vec<(usize, StdListener)>,
    shared: Arc<ServerShared>,
    cfg: MasterConfig,
    manager: i32,
    side: &mut dyn MasterSide,
) -> io::Result<MasterEnd> {
    crate::log::set_process(crate::log::ProcessKind::Master, 0);
    let mut poll = Poll::new()?;
    // Ports whose packets a PHP function cuts, or a PHP function that picks
    // the workers: the threads ask this one.
    let func_ports = cfg.thread.ports.iter().any(|p| matches!(p.framing, crate::framing::Framing::Func { .. }));
    let (asker, mut asks) = match func_ports || cfg.thread.dispatch_func.is_some() {
        true => crate::master_ask::channel(poll.registry(), ASKS).map(|(a, q)| (Some(a), Some(q)))?,
        false => (None, None),
    };
    // Reactor threads start with the server's signals blocked, so only this
    // thread sees them.
    signals::block();
    let started: io::Result<Vec<ReactorThread>> = (0..cfg.reactor_num.max(1))
        .map(|id| ReactorThread::spawn_with(id, shared.clone(), cfg.thread.try_clone()?, asker.clone()))
        .collect();
    signals::unblock();
    drop(asker);
    let threads = started?;
    for (i, (_, l)) in listeners.iter().enumerate() {
        l.set_nonblocking()?;
        poll.registry().register(&mut SourceFd(&l.as_raw_fd()), Token(LISTENER_BASE + i), Interest::READABLE)?;
    }
    // Arms the loop's timers (and takes the signals that came meanwhile),
    // then watch it.
    let mut received = side.run_loop();
    if let Some(fd) = side.loop_fd() {
        poll.registry().register(&mut SourceFd(&fd), EVENT_LOOP, Interest::READABLE)?;
    }
    let mut events = Events::with_capacity(64);
    let mut stopping = false;
    // Shutdown began; the manager is told once onBeforeShutdown's timers ran.
    let mut manager_told = false;
    // enable_reuse_port: the workers stop once the connections held here are
    // closed, or at this deadline (`max_wait_time`).
    let mut handover_until: Option<std::time::Instant> = None;
    let mut refused_log = crate::log::Throttle::new(crate::log::REFUSED_LOG_PERIOD);
    let end = loop {
        // Signals taken already (by the first pass, from onStart's
        // `shutdown()`) are served without waiting for an event.
        let wait = if received.is_empty() { TICK } else { Duration::ZERO };
        if let Err(e) = poll.poll(&mut events, Some(wait))
            && e.kind() != io::ErrorKind::Interrupted
        {
            break Err(e);
        }
        for ask in asks.iter().flat_map(|q| q.try_iter()) {
            let answer = match &ask.question {
                Question::Length { port, data } => Answer::Length(side.length_func(*port, data)),
                Question::Worker { session, event, data } => {
                    Answer::Worker(side.dispatch_func(*session, *event, data.as_deref()))
                }
            };
            ask.answer(answer);
        }
        // Timers, fds and signals of the event loop (cheap when nothing is due).
        received.extend(side.run_loop());
        // A reload asked the manager for new certificates: the reactor threads handshake here.
        crate::tls::registry::follow();
        if !stopping {
            for (port, l) in &listeners {
                accept_all(*port, l, &threads, &shared, cfg.max_connection, &mut refused_log);
            }
        }
        crate::log::refused_summary(&mut refused_log, cfg.max_connection, std::time::Instant::now());
        for sig in std::mem::take(&mut received) {
            let forward = match sig {
                Signal::Terminate if !stopping => {
                    stopping = true;
                    side.before_shutdown();
                    for (_, l) in &listeners {
                        let _ = poll.registry().deregister(&mut SourceFd(&l.as_raw_fd()));
                    }
                    if listeners.iter().any(|(_, l)| reuse_port::shared(l)) {
                        // Another instance takes the port: what is queued is served here.
                        for (port, l) in &listeners {
                            accept_all(*port, l, &threads, &shared, cfg.max_connection, &mut refused_log);
                            reuse_port::leave(l);
                        }
                        handover_until = Some(std::time::Instant::now() + cfg.thread.reactor.max_wait);
                    }
                    continue;
                }
                Signal::Reload => SysSignal::SIGUSR1,
                Signal::ReloadTasks => SysSignal::SIGUSR2,
                Signal::ReopenLog => {
                    crate::log::reopen();
                    SysSignal::SIGWINCH
                }
                _ => continue,
            };
            // Our own child, the manager; if it is gone (ESRCH), the
            // manager_ended check below sees it.
            let _ = kill(Pid::from_raw(manager), forward);
        }
        let connections = shared.stats.counters().connection_num.load(Ordering::Relaxed);
        let handed_over = handover_until.is_none_or(|d| reuse_port::handed_over(connections, d));
        if stopping && !manager_told && side.shutdown_ready() && handed_over {
            manager_told = true;
            // The manager stops the workers (ESRCH: it is gone already).
            let _ = kill(Pid::from_raw(manager), SysSignal::SIGTERM);
        }
        if manager_ended(manager) {
            break Ok(if stopping { MasterEnd::Shutdown } else { MasterEnd::ManagerLost });
        }
    };
    // A thread waiting for an answer gets Failed now, so it can stop.
    asks.take();
    for t in threads {
        t.stop();
    }
    end
}

/// Accepts every pending connection of port `port` and hands each to its
/// reactor thread.
fn accept_all(
    port: usize,
    listener: &StdListener,
    threads: &[ReactorThread],
    shared: &ServerShared,
    max_connection: usize,
    refused_log: &mut crate::log::Throttle,
) {
    let counters = shared.stats.counters();
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(pair) => pair,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        if counters.connection_num.load(Ordering::Relaxed) >= max_connection as i64 {
            counters.abort_count.fetch_add(1, Ordering::Relaxed);
            let from = peer.map_or_else(|| "a Unix socket".to_string(), |p| p.to_string());
            crate::log::connection_refused(refused_log, max_connection, &from);
            continue;
        }
        let fd = stream.as_raw_fd();
        // The session is opened here, in accept order (Swoole's
        // add_connection), and counted at once so a burst cannot pass
        // max_connection.
        let reactor = fd as usize % threads.len();
        let session = shared.table.open(&shared.sessions, reactor);
        counters.accept_count.fetch_add(1, Ordering::Relaxed);
        counters.connection_num.fetch_add(1, Ordering::Relaxed);
        if !threads[reactor].adopt(stream, peer, port, session) {
            shared.table.close(session);
            counters.connection_num.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// Whether the manager has exited (reaping it if so).
///
/// nix's `waitpid` reaps the child before it decodes the status, and fails
/// with EINVAL when the signal that killed it is one its `Signal` enum has
/// no name for (SIGRTMIN+n): that still means the manager ended (the call
/// itself cannot be invalid, its pid and flags are fixed). Any other error
/// (EINTR) says nothing; the next pass looks again.
fn manager_ended(manager: i32) -> bool {
    use nix::errno::Errno;
    use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
    match waitpid(Pid::from_raw(manager), Some(WaitPidFlag::WNOHANG)) {
        Ok(WaitStatus::StillAlive) => false,
        Ok(_) | Err(Errno::ECHILD | Errno::EINVAL) => true,
        Err(_) => false,
    }
}
