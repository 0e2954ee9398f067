//! `dispatch_mode`: which event worker gets a connection's data in
//! SWOOLE_PROCESS mode (Swoole's `Server::schedule_worker`), and what a
//! `dispatch_func`'s answer means (the callable itself runs in the master's
//! main thread, see [`crate::master_ask`]).

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};

/// The strategies Swoole 6 knows, with their `dispatch_mode` numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DispatchMode {
    /// 1: each packet to the next worker in turn.
    RoundRobin,
    /// 2 (default): the connection's OS fd modulo `worker_num`.
    FdMod,
    /// 3 (and 7, 9, 10): an idle worker, in turn; the next in turn if none is.
    IdleWorker,
    /// 4: the client's IP address modulo `worker_num`.
    IpMod,
    /// 5: the uid given to `bind()`, or the fd until then.
    UidMod,
    /// 8: sticky per connection (Swoole picks the worker with fewest
    /// coroutines; without coroutines the fd decides, as in mode 2).
    ConnSticky,
}

impl DispatchMode {
    /// The mode for a `dispatch_mode` setting. 6 (`dispatch_func`'s number)
    /// alone picks nothing: the callable is the `dispatch_func` setting, and
    /// without one 6 acts as 2, as in Swoole; 7 was removed in Swoole 5.0.3 and falls
    /// into the idle-worker branch, as there; 9 and 10 balance by coroutine
    /// or concurrency counts, which are always 0 here, so they pick idle workers.
    pub fn from_setting(mode: i64) -> DispatchMode {
        match mode {
            1 => DispatchMode::RoundRobin,
            3 | 7 | 9 | 10 => DispatchMode::IdleWorker,
            4 => DispatchMode::IpMod,
            5 => DispatchMode::UidMod,
            8 => DispatchMode::ConnSticky,
            _ => DispatchMode::FdMod,
        }
    }

    /// Whether every packet of one connection goes to the same worker. Only
    /// then may onConnect/onClose run (Swoole drops them otherwise, unless
    /// `enable_unsafe_event`).
    pub fn is_hash(self) -> bool {
        matches!(self, DispatchMode::FdMod | DispatchMode::IpMod | DispatchMode::ConnSticky)
    }
}

/// What a dispatch decision looks at for one connection.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// The connection's OS fd.
    pub socket_fd: i32,
    /// The peer.
    pub remote: SocketAddr,
    /// The uid bound with `bind()`, 0 if none.
    pub uid: u64,
}

/// Chooses event workers.
pub struct Dispatcher {
    pub mode: DispatchMode,
    /// How many event workers exist.
    worker_num: usize,
    /// The round-robin cursor, shared by the reactor threads.
    round: AtomicU64,
}

impl Dispatcher {
    pub fn new(mode: DispatchMode, worker_num: usize) -> Dispatcher {
        Dispatcher { mode, worker_num: worker_num.max(1), round: AtomicU64::new(0) }
    }

    /// The worker for the next packet of `target`; `is_idle(id)` says
    /// whether a worker waits for work.
    pub fn choose(&self, target: &Target, is_idle: impl Fn(usize) -> bool) -> usize {
        let n = self.worker_num as u64;
        let fd_key = target.socket_fd.max(0) as u64;
        let key = match self.mode {
            DispatchMode::FdMod | DispatchMode::ConnSticky => fd_key,
            DispatchMode::RoundRobin => self.round.fetch_add(1, Ordering::Relaxed),
            DispatchMode::IpMod => ip_key(&target.remote.ip()),
            DispatchMode::UidMod => {
                if target.uid != 0 {
                    target.uid
                } else {
                    fd_key
                }
            }
            DispatchMode::IdleWorker => {
                let start = self.round.fetch_add(1, Ordering::Relaxed);
                return (0..n)
                    .map(|i| ((start + i) % n) as usize)
                    .find(|&w| is_idle(w))
                    .unwrap_or((start % n) as usize);
            }
        };
        (key % n) as usize
    }
}

/// Swoole's event type numbers (`ServerEventType`), the `$type` a
/// `dispatch_func` gets.
pub mod event_type {
    /// A packet (onReceive).
    pub const RECEIVE: i64 = 0;
    /// A connection closed (onClose).
    pub const CLOSE: i64 = 4;
    /// A connection arrived (onConnect).
    pub const CONNECT: i64 = 5;
    /// onBufferFull.
    pub const BUFFER_FULL: i64 = 12;
    /// onBufferEmpty.
    pub const BUFFER_EMPTY: i64 = 13;
}

/// The most of a packet a `dispatch_func` sees as `$data`: Swoole passes at
/// most its IPC buffer (8 KiB) less the 40-byte event header.
pub const FUNC_DATA_MAX: usize = 8192 - 40;

/// `dispatch_func` is set (PROCESS mode): each event's worker is the
/// callable's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DispatchFunc {
    /// Whether the callable declares a fourth parameter (`$data`): without
    /// one, no bytes travel to the master's main thread (Swoole passes
    /// `$data` only then).
    pub with_data: bool,
}

/// What a `dispatch_func` decided for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FuncChoice {
    /// This worker gets it.
    Worker(usize),
    /// Nobody gets it: the packet or event is dropped, the connection stays.
    Discard,
    /// `dispatch_mode` decides (`SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK`).
    Fallback,
}

/// What is wrong with a `dispatch_func`'s answer, to report as Swoole does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FuncComplaint {
    /// At least `worker_num`: PHP's warning "invalid target worker-id[N]".
    TooLarge(i64),
    /// Negative but none of Swoole's three results: the log's warning
    /// "invalid target worker id[N]".
    Negative(i64),
}

/// `SWOOLE_DISPATCH_RESULT_DISCARD_PACKET`.
pub const RESULT_DISCARD_PACKET: i64 = -1;
/// `SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION`: Swoole drops the event and
/// keeps the connection open (its closing is a TODO there).
pub const RESULT_CLOSE_CONNECTION: i64 = -2;
/// `SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK`.
pub const RESULT_USERFUNC_FALLBACK: i64 = -3;

impl FuncChoice {
    /// The choice for a `dispatch_func` that returned `value` (None: it
    /// returned null, which discards), with what to report about it.
    pub fn from_return(value: Option<i64>, worker_num: usize) -> (FuncChoice, Option<FuncComplaint>) {
        match value {
            None | Some(RESULT_DISCARD_PACKET) | Some(RESULT_CLOSE_CONNECTION) => (FuncChoice::Discard, None),
            Some(RESULT_USERFUNC_FALLBACK) => (FuncChoice::Fallback, None),
            Some(n) if n < 0 => (FuncChoice::Discard, Some(FuncComplaint::Negative(n))),
            Some(n) if n as u64 >= worker_num as u64 => (FuncChoice::Discard, Some(FuncComplaint::TooLarge(n))),
            Some(n) => (FuncChoice::Worker(n as usize), None),
        }
    }
}

/// Mode 4's key: the IPv4 address as a number (host order), or a hash of
/// the IPv6 one.
fn ip_key(ip: &IpAddr) -> u64 {
    match ip.to_canonical() {
        IpAddr::V4(v4) => u32::from(v4) as u64,
        IpAddr::V6(v6) => v6.octets().iter().fold(0u64, |h, &b| h.wrapping_mul(31).wrapping_add(b as u64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(fd: i32, ip: &str, uid: u64) -> Target {
        Target { socket_fd: fd, remote: format!("{ip}:1000").parse().unwrap(), uid }
    }

    #[test]
    fn hash_modes_are_stable() {
        let d = Dispatcher::new(DispatchMode::from_setting(2), 4);
        assert_eq!(d.choose(&target(13, "1.2.3.4", 0), |_| true), 1);
        assert_eq!(d.choose(&target(13, "1.2.3.4", 0), |_| true), 1);
        let d = Dispatcher::new(DispatchMode::from_setting(4), 4);
        assert_eq!(d.choose(&target(13, "10.0.0.7", 0), |_| true), 3);
        assert_eq!(d.choose(&target(99, "10.0.0.7", 0), |_| true), 3, "the IP decides, not the fd");
        let d = Dispatcher::new(DispatchMode::from_setting(5), 4);
        assert_eq!(d.choose(&target(13, "1.2.3.4", 0), |_| true), 1, "unbound: the fd");
        assert_eq!(d.choose(&target(13, "1.2.3.4", 6), |_| true), 2, "bound: the uid");
        assert!(DispatchMode::from_setting(2).is_hash() && !DispatchMode::from_setting(1).is_hash());
        assert!(!DispatchMode::from_setting(5).is_hash() && !DispatchMode::from_setting(3).is_hash());
    }

    #[test]
    fn round_robin_and_idle() {
        let d = Dispatcher::new(DispatchMode::RoundRobin, 3);
        let t = target(5, "1.1.1.1", 0);
        let got: Vec<usize> = (0..6).map(|_| d.choose(&t, |_| true)).collect();
        assert_eq!(got, vec![0, 1, 2, 0, 1, 2]);
        let d = Dispatcher::new(DispatchMode::from_setting(3), 3);
        assert_eq!(d.choose(&t, |w| w == 2), 2);
        assert_eq!(d.choose(&t, |w| w == 2), 2);
        let busy: Vec<usize> = (0..3).map(|_| d.choose(&t, |_| false)).collect();
        assert_eq!(busy.len(), 3, "no idle worker: still a worker");
        assert_eq!(DispatchMode::from_setting(7), DispatchMode::IdleWorker);
    }

    #[test]
    fn a_dispatch_funcs_answers() {
        let c = |v| FuncChoice::from_return(v, 3);
        assert_eq!(c(Some(2)), (FuncChoice::Worker(2), None));
        assert_eq!(c(Some(0)), (FuncChoice::Worker(0), None));
        assert_eq!(c(Some(3)), (FuncChoice::Discard, Some(FuncComplaint::TooLarge(3))));
        assert_eq!(c(None), (FuncChoice::Discard, None));
        assert_eq!(c(Some(-1)), (FuncChoice::Discard, None));
        assert_eq!(c(Some(-2)), (FuncChoice::Discard, None), "Swoole keeps the connection");
        assert_eq!(c(Some(-3)), (FuncChoice::Fallback, None));
        assert_eq!(c(Some(-5)), (FuncChoice::Discard, Some(FuncComplaint::Negative(-5))));
        assert_eq!(c(Some(i64::MAX)), (FuncChoice::Discard, Some(FuncComplaint::TooLarge(i64::MAX))));
    }
}
