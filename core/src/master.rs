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
use crate::signals::{self, Signal, SignalPipe};
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use std::io;
use std::os::fd::AsRawFd;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

const LISTENER: Token = Token(0);
const SIGNALS: Token = Token(1);
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

/// How the master's run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MasterEnd {
    /// SIGTERM (or `shutdown()`): the manager stopped every worker.
    Shutdown,
    /// The manager died on its own; the server could not go on.
    ManagerLost,
}

/// Runs the master's main thread until shutdown. `manager` is the pid of the
/// manager process forked before this call.
pub fn run(listener: std::net::TcpListener, shared: Arc<ServerShared>, cfg: MasterConfig, manager: i32)
    -> io::Result<MasterEnd> {
    let pipe = SignalPipe::install()?;
    // Reactor threads start with the server's signals blocked, so only this
    // thread sees them.
    signals::block();
    let started: io::Result<Vec<ReactorThread>> =
        (0..cfg.reactor_num.max(1)).map(|id| ReactorThread::spawn(id, shared.clone(), cfg.thread.clone())).collect();
    signals::unblock();
    let threads = started?;
    listener.set_nonblocking(true)?;
    let mut poll = Poll::new()?;
    poll.registry().register(&mut SourceFd(&listener.as_raw_fd()), LISTENER, Interest::READABLE)?;
    poll.registry().register(&mut SourceFd(&pipe.fd()), SIGNALS, Interest::READABLE)?;
    let mut events = Events::with_capacity(64);
    let mut stopping = false;
    let end = loop {
        if let Err(e) = poll.poll(&mut events, Some(TICK)) {
            if e.kind() != io::ErrorKind::Interrupted {
                break Err(e);
            }
        }
        if !stopping {
            accept_all(&listener, &threads, &shared, cfg.max_connection);
        }
        for sig in pipe.take() {
            let forward = match sig {
                Signal::Terminate if !stopping => {
                    stopping = true;
                    let _ = poll.registry().deregister(&mut SourceFd(&listener.as_raw_fd()));
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

/// Accepts every pending connection and hands each to its reactor thread.
fn accept_all(listener: &std::net::TcpListener, threads: &[ReactorThread], shared: &ServerShared, max_connection: usize) {
    let counters = shared.stats.counters();
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(pair) => pair,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        if counters.connection_num.load(Ordering::Relaxed) >= max_connection as i64 {
            counters.abort_count.fetch_add(1, Ordering::Relaxed);
            crate::log::warning(&format!(
                "accept(): too many connections [max_connection={max_connection}], connection from {peer} refused"
            ));
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
        threads[reactor].adopt(stream, peer, session);
    }
}

/// Whether the manager has exited (reaping it if so).
fn manager_ended(manager: i32) -> bool {
    let mut status = 0;
    // SAFETY: reaping our own child without blocking.
    let r = unsafe { libc::waitpid(manager, &mut status, libc::WNOHANG) };
    r == manager || (r < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ECHILD))
}
