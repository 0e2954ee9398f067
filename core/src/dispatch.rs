//! `dispatch_mode`: which event worker gets a connection's data in
//! SWOOLE_PROCESS mode (Swoole's `Server::schedule_worker`).

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
    /// The mode for a `dispatch_mode` setting. 6 (`dispatch_func`) is not
    /// supported and falls back to 2; 7 was removed in Swoole 5.0.3 and falls
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
}
