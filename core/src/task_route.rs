//! Task routing, as Swoole's `task_worker.cc` has it: which task worker a
//! task goes to (`$dst_worker_id` -1 picks an idle one, round robin from
//! the last; an explicit id is checked), the `SWOOLE_TASK_*` flags a task
//! carries, and where its result goes back (the source worker id's inbox,
//! or the reply lane of the process blocked in `taskwait()`).
//!
//! The PHP layer (`src/task.rs`) converts the values and words the warnings.

use crate::message::TaskHeader;
use crate::shared::ServerShared;
use crate::stats::WorkerStatus;
use std::sync::atomic::Ordering;

/// The data was too large for a message and went through a temporary file
/// (Swoole's flag; our tasks travel whole, so it is exported, never set).
pub const TASK_TMPFILE: u32 = 1;
/// The data was serialized (not a string).
pub const TASK_SERIALIZE: u32 = 2;
/// `task()`: the result goes to onFinish, not to a waiting caller.
pub const TASK_NONBLOCK: u32 = 4;
/// `task()` with a finish callback.
pub const TASK_CALLBACK: u32 = 8;
/// One of `taskWaitMulti()`'s tasks.
pub const TASK_WAITALL: u32 = 16;
/// Swoole's `taskCo()` task (exported, never set: we have no coroutines).
pub const TASK_COROUTINE: u32 = 32;
/// Swoole's flag for a task read without being taken off the queue
/// (exported, never set).
pub const TASK_PEEK: u32 = 64;
/// From a user process, the manager or the master: no result goes back.
pub const TASK_NOREPLY: u32 = 128;

/// The flags a result keeps from its task (the data's own flag is the result's).
const RESULT_KEEPS: u32 = TASK_NONBLOCK | TASK_CALLBACK | TASK_WAITALL;

/// Why no task worker can take a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickError {
    /// `task_worker_num` is 0.
    NoTaskWorkers,
    /// `$dst_worker_id` is not below `task_num`.
    NoSuchWorker { dst: i64, task_num: usize },
}

/// The worker id (event workers first, then task workers) of the task
/// worker for a task to `dst`: `dst` itself, or for a negative `dst` the
/// first idle task worker counting on from the last pick (the next in
/// turn when none is idle).
pub fn pick(shared: &ServerShared, dst: i64) -> Result<usize, PickError> {
    let (w, t) = (shared.stats.worker_num(), shared.stats.task_num());
    if t == 0 {
        return Err(PickError::NoTaskWorkers);
    }
    if dst >= 0 {
        if dst as usize >= t {
            return Err(PickError::NoSuchWorker { dst, task_num: t });
        }
        return Ok(w + dst as usize);
    }
    let start = shared.stats.counters().task_round.fetch_add(1, Ordering::Relaxed) as usize;
    let idle = (0..t).map(|k| w + (start + k) % t).find(|&id| {
        shared.stats.worker(id).is_some_and(|s| s.status.load(Ordering::Relaxed) == WorkerStatus::Idle as u32)
    });
    Ok(idle.unwrap_or(w + start % t))
}

/// Where a task's result travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultRoute {
    /// The source worker id's inbox: whichever process serves that id then
    /// runs onFinish (as in Swoole).
    Inbox(usize),
    /// The reply lane of the very process blocked in taskwait/taskWaitMulti.
    ReplyLane(usize),
}

/// Where the result of `task` goes; None for a one-way task
/// ([`TASK_NOREPLY`]), which takes none.
pub fn result_route(task: &TaskHeader) -> Option<ResultRoute> {
    if task.flags & TASK_NOREPLY != 0 {
        None
    } else if task.flags & TASK_NONBLOCK != 0 {
        Some(ResultRoute::Inbox(task.worker as usize))
    } else {
        Some(ResultRoute::ReplyLane(task.reply as usize))
    }
}

/// The header of the result task worker `me` sends for `task`, whose data
/// has `data_flags` ([`TASK_SERIALIZE`] or 0).
pub fn result_header(task: TaskHeader, me: usize, data_flags: u32) -> TaskHeader {
    TaskHeader { flags: (task.flags & RESULT_KEEPS) | data_flags, worker: me as u32, ..task }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(flags: u32) -> TaskHeader {
        TaskHeader { flags, worker: 1, task_id: 7, reply: 3, origin: 42 }
    }

    #[test]
    fn the_flags_are_one_bit_each_with_swooles_values() {
        let all = [TASK_TMPFILE, TASK_SERIALIZE, TASK_NONBLOCK, TASK_CALLBACK, TASK_WAITALL, TASK_COROUTINE, TASK_PEEK, TASK_NOREPLY];
        // Swoole 6.2.1's SWOOLE_TASK_* in this order: bit 0 up to bit 7.
        assert_eq!(all, [1, 2, 4, 8, 16, 32, 64, 128]);
    }

    #[test]
    fn explicit_ids_are_checked() {
        let shared = ServerShared::new(2, 3, 0, 1, 0).unwrap();
        assert_eq!(pick(&shared, 0), Ok(2));
        assert_eq!(pick(&shared, 2), Ok(4));
        assert_eq!(pick(&shared, 3), Err(PickError::NoSuchWorker { dst: 3, task_num: 3 }));
        let none = ServerShared::new(2, 0, 0, 1, 0).unwrap();
        assert_eq!(pick(&none, -1), Err(PickError::NoTaskWorkers));
    }

    #[test]
    fn any_picks_idle_then_round_robin() {
        let shared = ServerShared::new(1, 3, 0, 1, 0).unwrap();
        // None idle: each in turn.
        assert_eq!([pick(&shared, -1), pick(&shared, -1), pick(&shared, -1), pick(&shared, -1)], [Ok(1), Ok(2), Ok(3), Ok(1)]);
        // Only task worker #2 (worker id 3) idle: every pick finds it.
        shared.stats.worker(3).unwrap().status.store(WorkerStatus::Idle as u32, Ordering::Relaxed);
        assert_eq!([pick(&shared, -1), pick(&shared, -1)], [Ok(3), Ok(3)]);
    }

    #[test]
    fn results_go_to_the_inbox_or_the_lane() {
        assert_eq!(result_route(&header(TASK_NOREPLY)), None);
        assert_eq!(result_route(&header(TASK_NONBLOCK | TASK_CALLBACK)), Some(ResultRoute::Inbox(1)));
        assert_eq!(result_route(&header(TASK_WAITALL)), Some(ResultRoute::ReplyLane(3)));
        assert_eq!(result_route(&header(0)), Some(ResultRoute::ReplyLane(3)));
        let r = result_header(header(TASK_NONBLOCK | TASK_SERIALIZE | TASK_NOREPLY), 5, 0);
        assert_eq!((r.flags, r.worker, r.task_id, r.reply, r.origin), (TASK_NONBLOCK, 5, 7, 3, 42));
    }
}
