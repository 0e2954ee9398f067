//! The process-global options (`swoole_async_set()`, Swoole's `SwooleG`): one
//! place the PHP layer writes and the server, the event loop and the client
//! read. Set before a fork, they hold in every child.
//!
//! The log options of `swoole_async_set()` go straight to [`crate::log`];
//! `display_errors` is also the `swoole.display_errors` INI entry, whose
//! handler writes [`DISPLAY_ERRORS`] directly.

use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

/// Whether Swoole's own PHP warnings are shown (`swoole.display_errors`, the
/// `display_errors` key of `swoole_async_set()` and of the server's `set()`).
/// A plain `bool` in memory: the INI handler writes it as one.
pub static DISPLAY_ERRORS: AtomicBool = AtomicBool::new(true);

/// Timeout used where a `socket_*_timeout` is not set, and for a value out of
/// range (Swoole: `INT_MAX` seconds, i.e. none).
pub const NO_TIMEOUT: f64 = i32::MAX as f64;

/// The options themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalOptions {
    /// `trace_flags`: `SWOOLE_TRACE_*` bits (trace lines exist only in
    /// Swoole's debug builds; kept for reading back).
    pub trace_flags: u64,
    /// `dns_server`: the resolver coroutine DNS lookups would ask.
    pub dns_server: Option<String>,
    /// `socket_dns_timeout`, in seconds.
    pub socket_dns_timeout: f64,
    /// `socket_connect_timeout`, in seconds.
    pub socket_connect_timeout: f64,
    /// `socket_read_timeout` / `socket_recv_timeout` (and `socket_timeout`).
    pub socket_read_timeout: f64,
    /// `socket_write_timeout` / `socket_send_timeout` (and `socket_timeout`).
    pub socket_write_timeout: f64,
    /// `socket_buffer_size`: the default output buffer of a socket.
    pub socket_buffer_size: i64,
    /// `enable_signalfd`: deliver signals through a signalfd.
    pub enable_signalfd: bool,
    /// `wait_signal`: `Event::wait()` keeps waiting while signal handlers
    /// are installed, even with nothing else left.
    pub wait_signal: bool,
    /// `dns_cache_refresh_time`, in seconds.
    pub dns_cache_refresh_time: f64,
    /// `socket_dontwait`: send with `MSG_DONTWAIT`.
    pub socket_dontwait: bool,
    /// `dns_lookup_random`: pick a random address of a name.
    pub dns_lookup_random: bool,
    /// `use_async_resolver`: resolve names without blocking.
    pub use_async_resolver: bool,
    /// `enable_coroutine`: (no coroutines here; kept for reading back).
    pub enable_coroutine: bool,
}

impl Default for GlobalOptions {
    fn default() -> Self {
        GlobalOptions {
            trace_flags: 0,
            dns_server: None,
            socket_dns_timeout: 5.0,
            socket_connect_timeout: 2.0,
            socket_read_timeout: -1.0,
            socket_write_timeout: -1.0,
            socket_buffer_size: 8 * 1024 * 1024,
            enable_signalfd: true,
            wait_signal: false,
            dns_cache_refresh_time: 60.0,
            socket_dontwait: false,
            dns_lookup_random: false,
            use_async_resolver: true,
            enable_coroutine: true,
        }
    }
}

static OPTIONS: Mutex<Option<GlobalOptions>> = Mutex::new(None);

/// A copy of the current options.
pub fn get() -> GlobalOptions {
    OPTIONS.lock().unwrap_or_else(|e| e.into_inner()).clone().unwrap_or_default()
}

/// Changes some options.
pub fn update(change: impl FnOnce(&mut GlobalOptions)) {
    let mut guard = OPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    change(guard.get_or_insert_with(GlobalOptions::default));
}

/// Swoole's rule for a `socket_*_timeout` value: zero, negative or beyond
/// `INT_MAX` means no timeout.
pub fn timeout(seconds: f64) -> f64 {
    if seconds <= 0.0 || seconds > NO_TIMEOUT || seconds.is_nan() { NO_TIMEOUT } else { seconds }
}

/// Whether Swoole's own PHP warnings are shown.
pub fn display_errors() -> bool {
    DISPLAY_ERRORS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Turns Swoole's own PHP warnings on or off.
pub fn set_display_errors(on: bool) {
    DISPLAY_ERRORS.store(on, std::sync::atomic::Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_follow_swoole() {
        assert_eq!(timeout(1.5), 1.5);
        assert_eq!(timeout(0.0), NO_TIMEOUT);
        assert_eq!(timeout(-1.0), NO_TIMEOUT);
        assert_eq!(timeout(1e12), NO_TIMEOUT);
    }

    #[test]
    fn update_keeps_the_rest() {
        update(|o| o.wait_signal = true);
        let o = get();
        assert!(o.wait_signal);
        assert_eq!(o.socket_buffer_size, 8 * 1024 * 1024);
    }
}
