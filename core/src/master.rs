//! The master process of SWOOLE_PROCESS mode, after it forked the manager.
//!
//! Its main thread accepts connections and hands each to reactor thread
//! `fd % reactor_num`, and turns signals into actions: SIGTERM stops the
//! manager (which stops the workers) and then the reactor threads; SIGUSR1 and
//! SIGUSR2 are passed on to the manager, which reloads workers. The threads
//! are started here, after every fork of this process (rule 2), and joined
//! before [`run`] returns, so the PHP script after `start()` runs
//! single-threaded again.

use crate::reactor::ServerShared;
use crate::reactor_thread::{ReactorThread, ThreadConfig};
use crate::port::StdStream;
use crate::signals::{self, Signal, SignalPipe};
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use std::io;
use std::os::fd::AsRawFd;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

const SIGNALS: Token = Token(1);
/// The process's event loop (its epoll fd).
const EVENT_LOOP: Token = Token(2);
/// Stream listener `i` has token `LISTENER_BASE + i`.
const LISTENER_BASE: usize = 16;
/// The longest the main thread sleeps: it also looks for a manager that
/// ended without a SIGCHLD reaching us.
const TICK: Duration = Duration::from_secs(1);

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
/// event loop (PHP timers and `Swoole\Event` fds created in onStart), run
/// from here without blocking whenever its epoll fd has something.
pub trait MasterSide {
    /// The event loop's epoll fd (None: there is no loop).
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd>;
    /// Runs what is due on the event loop, without waiting.
    fn run_loop(&mut self);
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

impl StdListener {
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        match self {
            StdListener::Tcp(l) => l.as_raw_fd(),
            StdListener::Unix(l) => l.as_raw_fd(),
        }
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
/// process forked before this call; `pipe` the master's signal pipe,
/// installed right after that fork (so a `shutdown()` in onStart, which runs
/// before this, is not lost).
pub fn run(
    listeners: Vec<(usize, StdListener)>,
    shared: Arc<ServerShared>,
    cfg: MasterConfig,
    manager: i32,
    pipe: SignalPipe,
    side: &mut dyn MasterSide,
) -> io::Result<MasterEnd> {
    crate::log::set_process(crate::log::ProcessKind::Master, 0);
    // Reactor threads start with the server's signals blocked, so only this
    // thread sees them.
    signals::block();
    let started: io::Result<Vec<ReactorThread>> = (0..cfg.reactor_num.max(1))
        .map(|id| ReactorThread::spawn(id, shared.clone(), cfg.thread.try_clone()?))
        .collect();
    signals::unblock();
    let threads = started?;
    let mut poll = Poll::new()?;
    for (i, (_, l)) in listeners.iter().enumerate() {
        l.set_nonblocking()?;
        poll.registry().register(&mut SourceFd(&l.as_raw_fd()), Token(LISTENER_BASE + i), Interest::READABLE)?;
    }
    poll.registry().register(&mut SourceFd(&pipe.fd()), SIGNALS, Interest::READABLE)?;
    // Arms the loop's timers, then watch it.
    side.run_loop();
    if let Some(fd) = side.loop_fd() {
        poll.registry().register(&mut SourceFd(&fd), EVENT_LOOP, Interest::READABLE)?;
    }
    let mut events = Events::with_capacity(64);
    let mut stopping = false;
    let mut refused_log = crate::log::Throttle::new(crate::log::REFUSED_LOG_PERIOD);
    let end = loop {
        if let Err(e) = poll.poll(&mut events, Some(TICK)) {
            if e.kind() != io::ErrorKind::Interrupted {
                break Err(e);
            }
        }
        // Timers and fds of the event loop (cheap when nothing is due).
        side.run_loop();
        // A reload asked the manager for new certificates: the reactor threads handshake here.
        crate::tls::registry::follow();
        if !stopping {
            for (port, l) in &listeners {
                accept_all(*port, l, &threads, &shared, cfg.max_connection, &mut refused_log);
            }
        }
        crate::log::refused_summary(&mut refused_log, cfg.max_connection, std::time::Instant::now());
        for sig in pipe.take() {
            let forward = match sig {
                Signal::Terminate if !stopping => {
                    stopping = true;
                    for (_, l) in &listeners {
                        let _ = poll.registry().deregister(&mut SourceFd(&l.as_raw_fd()));
                    }
                    libc::SIGTERM
                }
                Signal::Reload => libc::SIGUSR1,
                Signal::ReloadTasks => libc::SIGUSR2,
                Signal::ReopenLog => {
                    crate::log::reopen();
                    libc::SIGWINCH
                }
                _ => continue,
            };
            // SAFETY: signalling our own child, the manager.
            unsafe { libc::kill(manager, forward) };
        }
        if manager_ended(manager) {
            break Ok(if stopping { MasterEnd::Shutdown } else { MasterEnd::ManagerLost });
        }
    };
    for t in threads {
        t.stop();
    }
    drop(pipe);
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
fn manager_ended(manager: i32) -> bool {
    let mut status = 0;
    // SAFETY: reaping our own child without blocking.
    let r = unsafe { libc::waitpid(manager, &mut status, libc::WNOHANG) };
    r == manager || (r < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ECHILD))
}
