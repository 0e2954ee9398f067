//! How a reactor stops: a shutdown closes every connection now; a reload
//! or `max_request` drains (no more accepts, connections finish until
//! `max_wait_time`); and the request count that starts the latter. The
//! modes themselves are [`crate::stop_mode::StopMode`].

use super::{Reactor, ORD};
use crate::stop_mode::StopMode;
use std::time::{Duration, Instant};

impl Reactor {
    /// Whether the worker is stopping gracefully (reload, max_request): it
    /// finishes its connections and onWorkerExit runs each loop round.
    pub(crate) fn draining(&self) -> bool {
        matches!(self.stop, StopMode::Drain { .. })
    }

    /// Whether the worker is stopping (its remaining inbox is its successor's).
    pub fn stopping(&self) -> bool {
        self.stop != StopMode::Running
    }

    /// Starts stopping: `Shutdown` closes every connection now; otherwise the
    /// worker stops accepting and drains until `max_wait_time`.
    pub fn begin_stop(&mut self, shutdown: bool) {
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
        if shutdown {
            self.stop = StopMode::Shutdown;
            let keys: Vec<usize> = self.conns.iter().map(|(k, _)| k).collect();
            for k in keys {
                self.close_key(k, false, 0);
            }
        } else if self.stop == StopMode::Running {
            self.stop = StopMode::Drain { deadline: Instant::now() + self.max_wait };
            if let Some(w) = self.shared.stats.worker(self.worker_id) {
                w.exiting.store(1, ORD);
            }
            // Ask the supervisor (our parent) to start a replacement now.
            let _ = nix::sys::signal::kill(nix::unistd::getppid(), nix::sys::signal::Signal::SIGCHLD);
        }
    }

    /// Counts one handled request (or task); starts draining at the limit.
    pub fn count_request(&mut self) {
        if std::mem::take(&mut self.skip_count) {
            return;
        }
        self.requests += 1;
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
                    crate::log::warning("worker exit timeout, forced termination");
                    self.begin_stop(true);
                    return (false, Some(Duration::ZERO));
                }
                (false, Some(deadline - now))
            }
        }
    }
}
