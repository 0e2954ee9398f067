//! The counters behind `stats()` and the worker status table, in shared memory
//! so the master and every worker see the same numbers.

use crate::shm::{SharedSlice, ZeroShared};
use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, AtomicU64, Ordering};

/// A worker's state as `getWorkerStatus()` reports it (Swoole's values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum WorkerStatus {
    /// Not started yet (reported as false).
    None = 0,
    /// Inside a PHP callback (`SWOOLE_WORKER_BUSY`).
    Busy = 1,
    /// Waiting for events (`SWOOLE_WORKER_IDLE`).
    Idle = 2,
    /// Stopping; a replacement may already run (`SWOOLE_WORKER_EXIT`).
    Exit = 3,
}

/// Server-wide counters.
#[derive(Default)]
pub struct ServerCounters {
    /// Unix time the server started.
    pub start_time: AtomicU64,
    /// Connections open right now.
    pub connection_num: AtomicI64,
    /// Connections accepted and then refused (over `max_connection`).
    pub abort_count: AtomicU64,
    /// Connections accepted.
    pub accept_count: AtomicU64,
    /// Connections of PROXY protocol ports closed before their header
    /// arrived whole: refused source, bad, oversized or missing header,
    /// timeout (`stats()['proxy_protocol_error_count']`).
    pub proxy_protocol_error_count: AtomicU64,
    /// Connections closed.
    pub close_count: AtomicU64,
    /// Requests served, counted after their callback as Swoole counts
    /// them (onReceive calls; HTTP: requests).
    pub request_count: AtomicU64,
    /// Requests handed to a worker: PROCESS mode when the worker takes one
    /// (before its callback), BASE mode with `request_count` (after it), as
    /// Swoole's.
    pub dispatch_count: AtomicU64,
    /// Successful `send()` calls.
    pub response_count: AtomicU64,
    /// Bytes read from clients.
    pub total_recv_bytes: AtomicU64,
    /// Bytes written to clients.
    pub total_send_bytes: AtomicU64,
    /// Pid of the master process.
    pub master_pid: AtomicI32,
    /// Pid of the manager process (0 in single-process mode).
    pub manager_pid: AtomicI32,
    /// Set once onStart ran: it runs once per server, not per worker restart.
    pub onstart_called: AtomicU32,
    /// Tasks dispatched (`stats()['task_count']`).
    pub task_count: AtomicU64,
    /// Round-robin cursor for choosing a task worker.
    pub task_round: AtomicU64,
    /// PROCESS mode: bytes reactor threads read and handed to workers that
    /// no worker has taken yet (`stats()['recv_queued_bytes']`).
    pub recv_queued_bytes: AtomicI64,
    /// PROCESS mode: connections not read until their workers catch up
    /// (`max_queued_bytes`; `stats()['recv_waiting_num']`).
    pub recv_waiting_num: AtomicI64,
}
// SAFETY: all atomics, valid at zero.
unsafe impl ZeroShared for ServerCounters {}

/// One process's own counts, `stats()`' `worker_*` keys. They live in the
/// process, not in the shared worker table: a replacement process starts at
/// 0, as Swoole's, and a draining worker and its successor, which share a
/// worker id for a while, do not add up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OwnCounts {
    /// Requests served by this process (`worker_request_count`).
    pub requests: u64,
    /// Successful sends of this process (`worker_response_count`).
    pub responses: u64,
    /// PROCESS mode: requests the reactor threads handed to this process
    /// (`worker_dispatch_count`); 0 in BASE mode, as Swoole's.
    pub dispatches: u64,
}

/// One worker's slot in the status table.
#[derive(Default)]
pub struct WorkerSlot {
    /// Pid of the process currently serving this worker id (0 = none).
    pub pid: AtomicI32,
    /// A [`WorkerStatus`] as u32.
    pub status: AtomicU32,
    /// Set by a worker that stopped accepting and is draining, so the
    /// supervisor starts its replacement at once.
    pub exiting: AtomicU32,
    /// Set by the supervisor before the SIGTERM of a reload: the worker then
    /// drains (as for max_request) instead of closing its connections.
    pub reload: AtomicU32,
    /// The next task id of this worker id, across its processes: a
    /// replacement goes on where a killed predecessor stopped, so a result
    /// that comes back for the predecessor's taskwait() never matches one of
    /// the replacement's tasks (Swoole starts again at 0 and hands it over).
    pub task_seq: AtomicI64,
}
// SAFETY: all atomics, valid at zero.
unsafe impl ZeroShared for WorkerSlot {}

/// The shared counters and the worker table of one server.
pub struct SharedStats {
    /// Server-wide counters (one element).
    counters: SharedSlice<ServerCounters>,
    /// One slot per process id: event workers, task workers, user processes.
    workers: SharedSlice<WorkerSlot>,
    /// How many event workers exist.
    worker_num: usize,
    /// How many task workers exist.
    task_num: usize,
    /// How many slots exist.
    slots: usize,
}

impl SharedStats {
    pub fn new(worker_num: usize, task_num: usize, user_num: usize) -> std::io::Result<Self> {
        let slots = worker_num + task_num + user_num;
        Ok(SharedStats { counters: SharedSlice::new(1)?, workers: SharedSlice::new(slots)?, worker_num, task_num, slots })
    }

    /// Task workers.
    pub fn task_num(&self) -> usize {
        self.task_num
    }

    /// Processes with ids in `ids` whose status is `status`.
    fn count_in(&self, ids: std::ops::Range<usize>, status: WorkerStatus) -> usize {
        ids.filter(|&i| self.workers[i].status.load(Ordering::Relaxed) == status as u32).count()
    }

    /// Task workers that are idle.
    pub fn idle_task_num(&self) -> usize {
        self.count_in(self.worker_num..self.worker_num + self.task_num, WorkerStatus::Idle)
    }

    /// Task workers running a task.
    pub fn busy_task_num(&self) -> usize {
        self.count_in(self.worker_num..self.worker_num + self.task_num, WorkerStatus::Busy)
    }

    /// The process id of user process `index` (after the event and task workers).
    pub fn user_slot(&self, index: usize) -> usize {
        self.worker_num + self.task_num + index
    }

    pub fn counters(&self) -> &ServerCounters {
        &self.counters[0]
    }

    /// The slot of process id `id` (a worker, or a user process after them).
    pub fn worker(&self, id: usize) -> Option<&WorkerSlot> {
        (id < self.slots).then(|| &self.workers[id])
    }

    /// Event workers.
    pub fn worker_num(&self) -> usize {
        self.worker_num
    }

    /// Supervised processes: event workers and user processes.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// Workers whose status is idle.
    pub fn idle_worker_num(&self) -> usize {
        self.count_in(0..self.worker_num, WorkerStatus::Idle)
    }

    pub fn set_status(&self, id: usize, status: WorkerStatus) {
        if let Some(w) = self.worker(id) {
            w.status.store(status as u32, Ordering::Relaxed);
        }
    }
}

/// Online CPUs (`swoole_cpu_num()`).
pub fn cpu_num() -> usize {
    use nix::unistd::{sysconf, SysconfVar};
    match sysconf(SysconfVar::_NPROCESSORS_ONLN) {
        Ok(Some(n)) if n >= 1 => n as usize,
        _ => 1,
    }
}

/// Seconds since the epoch, as a float (Swoole's `microtime`).
///
/// Read straight from `CLOCK_REALTIME` (a vDSO call): every read and every
/// `send()` stamps its connection, and `SystemTime`'s checked epoch
/// subtraction cost more than the clock itself there.
pub fn now_f64() -> f64 {
    match nix::time::clock_gettime(nix::time::ClockId::CLOCK_REALTIME) {
        Ok(t) => t.tv_sec() as f64 + t.tv_nsec() as f64 * 1e-9,
        Err(_) => 0.0,
    }
}
