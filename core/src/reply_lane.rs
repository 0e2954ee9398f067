//! Reply lanes: the channels `taskwait()`, `taskWaitMulti()` and `command()`
//! results come back on, one per event worker *process*, not per worker id.
//!
//! In BASE mode a worker that drains after a reload (or `max_request`) keeps
//! running beside its successor, which serves the same worker id. Had they
//! one channel, the successor's `taskwait()` would read (and drop) the
//! draining worker's result. So there are [`LANES_PER_WORKER`] lanes per
//! worker id, all created before the first fork; the supervisor gives each
//! event worker it forks a lane no live process holds, and takes it back
//! when it reaps that process. A result names its lane and the pid of the
//! process that asked for it ([`crate::inbox::TaskHeader`]): a late result
//! on a lane that changed hands is recognised and dropped.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// Lanes per worker id: one for the worker, one for its successor while it
/// drains. More overlap (a `max_request` chain within `max_wait_time`) than
/// lanes makes the newest process share its worker id's lane again.
pub const LANES_PER_WORKER: usize = 2;

/// This process's lane (`usize::MAX`: none given, the worker id's is used).
static OWN_LANE: AtomicUsize = AtomicUsize::new(usize::MAX);
/// The pid [`OWN_LANE`] was given to (a process forked from it is not it).
static OWN_PID: AtomicU32 = AtomicU32::new(0);

/// In a freshly forked event worker: `lane` is this process's.
pub fn enter(lane: usize) {
    OWN_LANE.store(lane, Ordering::Relaxed);
    OWN_PID.store(std::process::id(), Ordering::Relaxed);
}

/// This process's (lane, pid): the lane the supervisor gave it, or, for a
/// worker run without one, `worker_id`'s own lane.
pub fn own(worker_id: usize) -> (usize, u32) {
    let lane = OWN_LANE.load(Ordering::Relaxed);
    let pid = OWN_PID.load(Ordering::Relaxed);
    if lane != usize::MAX && pid != 0 {
        return (lane, pid);
    }
    (worker_id, std::process::id())
}

/// The supervisor's record of which process holds each lane.
#[derive(Debug)]
pub struct LaneTable {
    /// The pid holding each lane (0: free). Lane `id` is worker `id`'s first
    /// choice; lanes from `worker_num` on are the spares.
    holders: Vec<i32>,
    /// How many event workers (their ids come first).
    worker_num: usize,
}

impl LaneTable {
    pub fn new(worker_num: usize) -> LaneTable {
        LaneTable { holders: vec![0; worker_num * LANES_PER_WORKER], worker_num }
    }

    /// How many lanes [`crate::reactor::ServerShared`] creates for `worker_num` workers.
    pub fn count(worker_num: usize) -> usize {
        worker_num * LANES_PER_WORKER
    }

    /// A lane for a new process of event worker `id`: its own when free,
    /// else a free spare, else (every lane held) its own, shared.
    pub fn pick(&self, id: usize) -> usize {
        if self.holders.get(id) == Some(&0) {
            return id;
        }
        (self.worker_num..self.holders.len()).find(|&l| self.holders[l] == 0).unwrap_or(id)
    }

    /// Process `pid` holds `lane` now.
    pub fn hold(&mut self, lane: usize, pid: i32) {
        if let Some(h) = self.holders.get_mut(lane) {
            *h = pid;
        }
    }

    /// Process `pid` exited: its lane is free.
    pub fn release(&mut self, pid: i32) {
        for h in self.holders.iter_mut().filter(|h| **h == pid) {
            *h = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draining_worker_and_its_successor_get_different_lanes() {
        let mut t = LaneTable::new(2);
        assert_eq!(t.pick(0), 0, "own lane first");
        t.hold(0, 100);
        assert_eq!(t.pick(1), 1);
        t.hold(1, 101);
        // Worker 0 drains (pid 100 still holds lane 0); its successor:
        let l = t.pick(0);
        assert_eq!(l, 2, "a spare lane");
        t.hold(l, 200);
        // A third process of worker 0 while both live:
        assert_eq!(t.pick(0), 3);
        t.hold(3, 300);
        assert_eq!(t.pick(1), 1, "every lane held: the worker id's own, shared");
        t.release(100);
        assert_eq!(t.pick(0), 0, "the draining worker's lane is free again once it exited");
    }

    #[test]
    fn own_lane_defaults_to_the_worker_id() {
        assert_eq!(own(3), (3, std::process::id()));
        assert_eq!(LaneTable::count(4), 8);
    }
}
