//! `enable_reuse_port` between whole instances: a new server binds the
//! address of one still running (both with SO_REUSEPORT), so the old one can
//! stop gracefully while the new one already accepts (a restart without a
//! refused connection). Swoole's constructor binds without SO_REUSEPORT,
//! so there the second instance fails; here a socket that could only join
//! another server's (`BoundListener::joined`) is accepted at start() only
//! with `enable_reuse_port`, and every TCP listener of such a server is
//! made with SO_REUSEPORT, in both modes.

use std::cell::RefCell;
use swoole_core::listener::{BoundListener, SockType};
use swoole_core::settings::ServerSettings;

/// `errno` of a bind to an address in use.
const EADDRINUSE: i32 = 98;

/// Whether the port in `slot` may start: one bound beside another server
/// needs `enable_reuse_port`; otherwise start() fails as the bind would have
/// (the warning Swoole's constructor throws as an exception).
pub fn may_listen(slot: &RefCell<Option<BoundListener>>, settings: &ServerSettings, host: &str) -> bool {
    let slot = slot.borrow();
    let Some(bound) = slot.as_ref().filter(|b| b.joined && !settings.enable_reuse_port) else { return true };
    crate::zend::warning(&format!(
        "failed to listen server port[{host}:{}], Error: {}[{EADDRINUSE}]",
        bound.port(),
        swoole_core::error::os_strerror(EADDRINUSE)
    ));
    false
}

/// Whether the TCP socket in `slot` must be made again with SO_REUSEPORT
/// (`enable_reuse_port`, before it listens) so a later instance can join it.
pub fn needs_rebind(slot: &RefCell<Option<BoundListener>>, settings: &ServerSettings) -> bool {
    settings.enable_reuse_port
        && slot.borrow().as_ref().is_some_and(|b| !b.joined && matches!(b.sock_type, SockType::Tcp | SockType::Tcp6))
}
