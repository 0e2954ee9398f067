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
//!
//! More overlap than lanes (a `max_request` chain within `max_wait_time`
//! keeps three or more processes of one id alive) makes the supervisor give
//! a lane that is already held. So each wait also claims its lane for as
//! long as it waits ([`LaneClaims`], in shared memory): the lane it was
//! given when no other process waits on it, else any lane no process waits
//! on. Two waits never read one lane (before, one of them read the other's
//! result and dropped it, and the other's `taskwait()` returned false after
//! its whole timeout); when every lane has a waiter, the wait fails at once.

use crate::shm::SharedSlice;
use std::io;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// Lanes per worker id: one for the worker, one for its successor while it
/// drains. More overlap than that shares lanes between processes, and
/// [`LaneClaims`] keeps their waits apart.
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
    /// else a free spare, else (every lane held) its own, shared: then
    /// [`LaneClaims`] keeps the sharers' waits on different lanes.
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

/// Which process waits on each lane right now (its pid; 0: none), shared by
/// every process of the server: a wait holds its lane alone.
pub struct LaneClaims {
    /// The waiting pid per lane.
    waiting: SharedSlice<AtomicU32>,
}

/// One wait's hold on a lane, given back when dropped.
pub struct LaneClaim<'a> {
    /// The table the lane was claimed in.
    claims: &'a LaneClaims,
    /// The lane results for this wait are sent to.
    lane: usize,
    /// The waiting process.
    pid: u32,
}

impl LaneClaims {
    /// The table for `lanes` lanes ([`LaneTable::count`]), none claimed.
    pub fn new(lanes: usize) -> io::Result<LaneClaims> {
        Ok(LaneClaims { waiting: SharedSlice::new(lanes)? })
    }

    /// Claims a lane for a wait of process `pid`: `preferred` (the lane the
    /// supervisor gave it) when no one waits on it, else the first lane no
    /// one waits on. A claim left by a process that no longer exists (killed
    /// while it waited) counts as free. `None`: a live process waits on
    /// every lane.
    pub fn claim(&self, preferred: usize, pid: u32) -> Option<LaneClaim<'_>> {
        let n = self.waiting.len();
        let order = std::iter::once(preferred).filter(|&l| l < n).chain((0..n).filter(move |&l| l != preferred));
        for lane in order {
            let slot = &self.waiting[lane];
            let held = slot.load(Ordering::Acquire);
            let free = held == 0 || !alive(held);
            if free && slot.compare_exchange(held, pid, Ordering::AcqRel, Ordering::Acquire).is_ok() {
                return Some(LaneClaim { claims: self, lane, pid });
            }
        }
        None
    }
}

/// Whether process `pid` exists (signal 0; EPERM is a live process too).
fn alive(pid: u32) -> bool {
    let Ok(raw) = i32::try_from(pid) else { return false };
    !matches!(nix::sys::signal::kill(nix::unistd::Pid::from_raw(raw), None), Err(nix::errno::Errno::ESRCH))
}

impl LaneClaim<'_> {
    /// The lane this wait's results come back on.
    pub fn lane(&self) -> usize {
        self.lane
    }
}

impl Drop for LaneClaim<'_> {
    fn drop(&mut self) {
        // Only our own claim: a claim taken over after we were presumed dead
        // (pid reuse aside, impossible while we run) is not ours to clear.
        let _ = self.claims.waiting[self.lane].compare_exchange(self.pid, 0, Ordering::AcqRel, Ordering::Acquire);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_waits_never_share_a_lane_even_when_given_the_same_one() {
        let claims = LaneClaims::new(LaneTable::count(1)).unwrap();
        let me = std::process::id();
        // Two live processes (this one and its parent) given lane 0 both.
        let parent = nix::unistd::getppid().as_raw() as u32;
        let first = claims.claim(0, me).unwrap();
        let second = claims.claim(0, parent).unwrap();
        assert_eq!((first.lane(), second.lane()), (0, 1), "the second wait takes the lane no one waits on");
        assert!(claims.claim(0, 1).is_none(), "a third live waiter finds every lane taken");
        drop(first);
        assert_eq!(claims.claim(1, 1).map(|c| c.lane()), Some(0), "a lane is free again once its wait ended");
    }

    #[test]
    fn a_lane_claimed_by_a_process_that_died_is_free() {
        let claims = LaneClaims::new(2).unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = claims.claim(0, dead).unwrap();
        std::mem::forget(stale); // killed while it waited: never released
        assert_eq!(claims.claim(0, std::process::id()).map(|c| c.lane()), Some(0));
    }

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
