//! How a reactor's loop is stopping, as its `stop` field holds it. A leaf:
//! starting to stop and what each mode does is `impl Reactor` in
//! `reactor/stop.rs`.

use std::time::Instant;

/// How the loop is stopping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StopMode {
    /// Running normally.
    Running,
    /// Shutdown: close every connection now, then leave the loop.
    Shutdown,
    /// Restart (max_request): stop accepting, let connections finish until the deadline.
    Drain { deadline: Instant },
}
