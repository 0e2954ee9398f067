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
    /// Restart (max_request, reload): stop accepting, let connections
    /// finish until the deadline; or a shutdown (`after_shutdown`), whose
    /// connections were closed at once and whose timers and fds keep the
    /// worker until the deadline, as Swoole's. onWorkerExit runs each loop
    /// round of either.
    Drain { deadline: Instant, after_shutdown: bool },
}
