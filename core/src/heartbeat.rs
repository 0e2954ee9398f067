//! The heartbeat setting (`heartbeat_check_interval` /
//! `heartbeat_idle_time`) as a reactor holds it. A leaf: the check itself,
//! which connections are idle and closing them, is `impl Reactor` in
//! `reactor/heartbeat.rs`.

use std::time::Duration;

/// `heartbeat_check_interval` / `heartbeat_idle_time`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heartbeat {
    /// How often the check runs.
    pub interval: Duration,
    /// Seconds without input after which a connection is closed.
    pub idle: f64,
}

impl Heartbeat {
    /// From the settings, as Swoole reads them: the idle time defaults to
    /// twice the interval; with only an idle time, the interval is half of
    /// it (at least a second).
    pub fn from_settings(interval: Option<f64>, idle: Option<f64>) -> Option<Heartbeat> {
        let (interval, idle) = match (interval, idle) {
            (Some(i), idle) if i > 0.0 => (i, idle.filter(|&t| t > 0.0).unwrap_or(i * 2.0)),
            (_, Some(t)) if t > 0.0 => ((t / 2.0).max(1.0), t),
            _ => return None,
        };
        Some(Heartbeat { interval: Duration::from_secs_f64(interval), idle })
    }
}
