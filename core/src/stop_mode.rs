//! How a reactor's loop is stopping, as its `stop` field holds it. A leaf:
//! starting to stop and what each mode does is `impl Reactor` in
//! `reactor/stop.rs`.

use std::time::Instant;

/// How the loop is stopping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StopMode {
    /// Running normally.
    Running,
    /// Stopped by force: close every connection now, then leave the loop.
    Shutdown,
    /// Draining until the deadline while connections, timers or fds keep
    /// the worker, onWorkerExit each loop round: after a restart
    /// (max_request, reload), which lets connections finish, or after a
    /// shutdown, which closed them at once (Swoole's).
    Drain { deadline: Instant },
}
