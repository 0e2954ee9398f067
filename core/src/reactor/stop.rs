//! How a reactor stops: a shutdown closes every connection now, then waits
//! for the worker's timers and fds; a reload or `max_request` drains (no
//! more accepts, connections finish); both until `max_wait_time`, when the
//! worker is stopped by force; and the request count that starts a drain.
//! The modes themselves are [`crate::stop_mode::StopMode`].

use super::{Reactor, ORD};
use crate::stop_mode::StopMode;
use std::time::{Duration, Instant};

/// Swoole's SERVER_WORKER_EXIT_TIMEOUT.
const WORKER_EXIT_TIMEOUT: i32 = 9101;

impl Reactor {
    /// Whether the worker is stopping gracefully (a shutdown, a reload,
    /// max_request): onWorkerExit runs each loop round while its
    /// connections, timers or fds keep it.
    pub(crate) fn draining(&self) -> bool {
        matches!(self.stop, StopMode::Drain { .. })
    }

    /// Whether connections (open or still closing) keep a draining worker.
    pub(crate) fn holds_connections(&self) -> bool {
        !self.conns.is_empty() || !self.closing.is_empty()
    }

    /// Whether the worker is stopping (its remaining inbox is its successor's).
    pub fn stopping(&self) -> bool {
        self.stop != StopMode::Running
    }

    /// Starts stopping: a `shutdown` closes every connection now; otherwise
    /// the worker stops accepting and drains its connections. Either way
    /// it waits for its timers and fds until `max_wait_time` (a reactor
    /// thread, which has none, stops at once).
    pub fn begin_stop(&mut self, shutdown: bool) {
        self.deregister_inputs();
        let deadline = Instant::now() + self.max_wait;
        match (shutdown, self.stop) {
            (true, StopMode::Running) if !self.in_master => {
                self.stop = StopMode::Drain { deadline };
                self.close_all();
            }
            // A reactor thread, or a second stop: at once.
            (true, _) => self.stop_now(),
            (false, StopMode::Running) => {
                self.stop = StopMode::Drain { deadline };
                if let Some(w) = self.shared.stats.worker(self.worker_id) {
                    w.exiting.store(1, ORD);
                }
                // Ask the supervisor (our parent) to start a replacement now.
                let _ = nix::sys::signal::kill(nix::unistd::getppid(), nix::sys::signal::Signal::SIGCHLD);
            }
            (false, _) => {}
        }
    }

    /// Stops at once: every connection closes now, and the loop ends once
    /// their onClose ran, whatever timers it has (a task worker's shutdown,
    /// as Swoole's; the end of a drain's `max_wait_time`).
    pub fn stop_now(&mut self) {
        self.deregister_inputs();
        self.stop = StopMode::Shutdown;
        self.close_all();
    }

    /// Stops listening: the ports leave the poller, and the doorbell too.
    fn deregister_inputs(&mut self) {
        for p in &mut self.ports {
            if let Some(mut socket) = p.socket.take() {
                let _ = self.registry.deregister(&mut socket);
            }
        }
        // The doorbell is the successor's from now on: an edge this worker
        // consumed would be lost to it.
        if let Some(bell) = self.shared.links.as_ref().and_then(|l| l.worker_bells.get(self.worker_id))
            && !self.in_master
        {
            let _ = self.registry.deregister(&mut mio::unix::SourceFd(&bell.fd()));
        }
    }

    /// Closes every connection now (their onClose follows).
    fn close_all(&mut self) {
        let keys: Vec<usize> = self.conns.iter().map(|(k, _)| k).collect();
        for k in keys {
            self.close_key(k, false, 0);
        }
    }

    /// Counts one handled request (or task); starts draining at the limit.
    pub fn count_request(&mut self) {
        self.count_served(true);
    }

    /// [`Reactor::count_request`] for an onPacket: Swoole counts no
    /// dispatch for a datagram.
    pub fn count_packet(&mut self) {
        self.count_served(false);
    }

    fn count_served(&mut self, dispatch: bool) {
        if std::mem::take(&mut self.skip_count) {
            return;
        }
        self.requests += 1;
        // Server-wide, requests are an event worker's (a task is no request).
        if !self.is_task_worker() {
            let counters = self.shared.stats.counters();
            counters.request_count.fetch_add(1, ORD);
            // PROCESS mode counted the dispatch when the worker took it.
            if dispatch && !self.shared.is_process_mode() {
                counters.dispatch_count.fetch_add(1, ORD);
            }
        }
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
                    // Swoole's words and code (SERVER_WORKER_EXIT_TIMEOUT).
                    crate::log::put_code(
                        crate::log::LOG_WARNING,
                        WORKER_EXIT_TIMEOUT,
                        &format!("Worker_reactor_try_to_exit() (ERRNO {WORKER_EXIT_TIMEOUT}): worker exit timeout, forced termination"),
                    );
                    self.stop_now();
                    return (false, Some(Duration::ZERO));
                }
                (false, Some(deadline - now))
            }
        }
    }
}
