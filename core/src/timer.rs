//! Timers: `Swoole\Timer::tick`/`after` of one process.
//!
//! A min-heap of deadlines over a table of timers, kept as Swoole's
//! `Timer` keeps them. Each loop round ends with one timer pass
//! ([`TimerQueue::begin_due`] / [`TimerQueue::finish`] until nothing is
//! due, then [`TimerQueue::end_round`]): a timer created in a round is never
//! due in that round's pass (Swoole's `Timer::select()` stops at a node whose
//! `round` is the current one). While a callback runs its timer stays in the
//! table (listed, counted); `clear()` of it only marks it removed, and the
//! pass drops it when the callback returns. Ids start at 1 and are not reused
//! in a process. Cleared timers stay in the heap until their deadline passes
//! and are skipped then (cheaper than removing from the middle of a heap).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::{Duration, Instant};

/// A timer's id, as PHP sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerId(pub i64);

/// The smallest interval (`SWOOLE_TIMER_MIN_MS`).
pub const MIN_MS: i64 = 1;

/// One timer.
#[derive(Debug, Clone)]
struct Timer {
    /// Zero for a one-shot `after`, the period for a `tick`.
    interval: Duration,
    /// When it fires next.
    next: Instant,
    /// How many runs completed (Swoole counts a tick's run once its callback
    /// returned; a one-shot timer's stays 0).
    exec_count: u64,
    /// The loop round in which it was created (`Timer::info()['round']`): it
    /// is not due in that round's pass.
    round: u64,
    /// `clear()` was called while its callback ran: it no longer exists for
    /// PHP but stays listed until the callback returns.
    removed: bool,
    /// Version stamp matching its heap entry, so stale entries are skipped.
    stamp: u64,
}

/// What `Timer::info()` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct TimerInfo {
    /// When it fires next, in ms from the process's timer base (the first
    /// timer's creation), as Swoole's `exec_msec`.
    pub exec_msec: i64,
    /// Completed runs.
    pub exec_count: u64,
    /// Milliseconds between runs (0 for a one-shot timer).
    pub interval: i64,
    /// The loop round it was created in.
    pub round: u64,
    /// Cleared while its callback runs.
    pub removed: bool,
}

/// A due timer the loop must run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub id: TimerId,
    /// True for a tick (it stays armed); false for `after` (gone once it ran).
    pub repeat: bool,
}

/// The timers of one process.
#[derive(Debug, Default)]
pub struct TimerQueue {
    /// Deadlines, earliest first: (when, stamp, id).
    heap: BinaryHeap<Reverse<(Instant, u64, i64)>>,
    /// Timers by id, the running one included until its callback returns.
    timers: HashMap<i64, Timer>,
    /// The last id handed out.
    last_id: i64,
    /// Heap entry stamps.
    next_stamp: u64,
    /// Timer passes so far (`Timer::stats()['round']`).
    round: u64,
    /// The process's timer base, set by the first timer: `exec_msec` counts
    /// from here. `None` until then, and no rounds are counted before it.
    base: Option<Instant>,
    /// The timer whose callback runs now (Swoole's `_current_id`).
    running: Option<i64>,
}

impl TimerQueue {
    pub fn new() -> Self {
        Self::default()
    }

    /// Arms a timer firing after `ms` milliseconds, then every `ms` if `repeat`.
    pub fn add(&mut self, ms: u64, repeat: bool, now: Instant) -> TimerId {
        self.base.get_or_insert(now);
        self.last_id += 1;
        let id = self.last_id;
        let interval = Duration::from_millis(ms);
        self.next_stamp += 1;
        let timer = Timer {
            interval: if repeat { interval } else { Duration::ZERO },
            next: now + interval,
            exec_count: 0,
            round: self.round,
            removed: false,
            stamp: self.next_stamp,
        };
        self.heap.push(Reverse((timer.next, timer.stamp, id)));
        self.timers.insert(id, timer);
        TimerId(id)
    }

    /// Disarms a timer; false if it does not exist (or was cleared already).
    /// The running timer is only marked removed: its callback still runs.
    pub fn clear(&mut self, id: TimerId) -> bool {
        if self.running == Some(id.0) {
            return match self.timers.get_mut(&id.0) {
                Some(t) if !t.removed => {
                    t.removed = true;
                    true
                }
                _ => false,
            };
        }
        self.timers.remove(&id.0).is_some()
    }

    /// Disarms every timer; returns how many there were (the running one
    /// stays listed, marked removed, until its callback returns).
    pub fn clear_all(&mut self) -> usize {
        let ids: Vec<TimerId> = self.ids();
        ids.into_iter().filter(|&id| self.clear(id)).count()
    }

    /// Whether `id` is armed (a running timer that was cleared is not).
    pub fn exists(&self, id: TimerId) -> bool {
        self.timers.get(&id.0).is_some_and(|t| !t.removed)
    }

    /// Listed timers (`Timer::stats()['num']`).
    pub fn len(&self) -> usize {
        self.timers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.timers.is_empty()
    }

    /// Listed timer ids, ascending.
    pub fn ids(&self) -> Vec<TimerId> {
        let mut v: Vec<TimerId> = self.timers.keys().map(|&k| TimerId(k)).collect();
        v.sort_unstable();
        v
    }

    /// Timer passes so far.
    pub fn round(&self) -> u64 {
        self.round
    }

    pub fn info(&self, id: TimerId) -> Option<TimerInfo> {
        let t = self.timers.get(&id.0)?;
        let base = self.base.unwrap_or(t.next);
        Some(TimerInfo {
            exec_msec: t.next.saturating_duration_since(base).as_millis() as i64,
            exec_count: t.exec_count,
            interval: t.interval.as_millis() as i64,
            round: t.round,
            removed: t.removed,
        })
    }

    /// Time until the next armed deadline (zero if one is overdue).
    pub fn next_timeout(&mut self, now: Instant) -> Option<Duration> {
        self.next_deadline().map(|when| when.saturating_duration_since(now))
    }

    /// The next armed deadline (the running timer has none until it returns).
    pub fn next_deadline(&mut self) -> Option<Instant> {
        self.peek_live().map(|(when, _)| when)
    }

    /// The earliest heap entry that is still current, dropping stale ones.
    fn peek_live(&mut self) -> Option<(Instant, i64)> {
        while let Some(Reverse((when, stamp, id))) = self.heap.peek().copied() {
            if self.timers.get(&id).is_some_and(|t| t.stamp == stamp && !t.removed) {
                return Some((when, id));
            }
            self.heap.pop(); // cleared or re-armed: a stale entry
        }
        None
    }

    /// The next timer of this pass to run: the earliest, if it is due at
    /// `now` and was not created in this round. It becomes the running timer
    /// until [`finish`](Self::finish).
    pub fn begin_due(&mut self, now: Instant) -> Option<Due> {
        let (when, id) = self.peek_live()?;
        let t = &self.timers[&id];
        if when > now || t.round == self.round {
            return None;
        }
        let repeat = !t.interval.is_zero();
        self.heap.pop();
        self.running = Some(id);
        Some(Due { id: TimerId(id), repeat })
    }

    /// The running timer's callback returned: a tick is re-armed at its next
    /// deadline after `now` (the pass's time, keeping its phase; missed runs
    /// are skipped, not bursted), anything else is dropped.
    pub fn finish(&mut self, id: TimerId, now: Instant) {
        if self.running == Some(id.0) {
            self.running = None;
        }
        let Some(t) = self.timers.get_mut(&id.0) else { return };
        if t.removed || t.interval.is_zero() {
            self.timers.remove(&id.0);
            return;
        }
        t.exec_count += 1;
        if t.next <= now {
            let runs_missed = (now - t.next).as_nanos() / t.interval.as_nanos() + 1;
            t.next += Duration::from_nanos((t.interval.as_nanos() * runs_missed) as u64);
        }
        self.next_stamp += 1;
        t.stamp = self.next_stamp;
        self.heap.push(Reverse((t.next, t.stamp, id.0)));
    }

    /// The loop round's timer pass is over (Swoole's `round++` at the end of
    /// `select()`); rounds are counted once the process has had a timer.
    pub fn end_round(&mut self) {
        if self.base.is_some() {
            self.round += 1;
        }
    }

    /// Runs one whole pass at `now` with `run` for each due timer (tests
    /// and callers without callbacks that borrow the loop).
    pub fn take_due_with(&mut self, now: Instant, mut run: impl FnMut(&mut Self, Due)) {
        while let Some(due) = self.begin_due(now) {
            run(self, due);
            self.finish(due.id, now);
        }
        self.end_round();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// One pass at `now`: the ids that ran.
    fn pass(q: &mut TimerQueue, now: Instant) -> Vec<TimerId> {
        let mut ran = Vec::new();
        q.take_due_with(now, |_, d| ran.push(d.id));
        ran
    }

    #[test]
    fn after_timers_fire_in_deadline_order_once() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let a = q.add(30, false, t0);
        let b = q.add(10, false, t0);
        let c = q.add(20, false, t0);
        assert_eq!((a, b, c), (TimerId(1), TimerId(2), TimerId(3)));
        assert_eq!(q.next_timeout(t0), Some(ms(10)));
        assert!(pass(&mut q, t0 + ms(50)).is_empty(), "not in the round that created them");
        assert!(pass(&mut q, t0 + ms(5)).is_empty());
        assert_eq!(pass(&mut q, t0 + ms(30)), vec![b, c, a]);
        assert!(q.is_empty());
        assert_eq!(q.next_timeout(t0), None);
    }

    #[test]
    fn a_timer_made_during_a_pass_waits_for_the_next_round() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        q.add(1, false, t0);
        q.end_round();
        let mut made = None;
        q.take_due_with(t0 + ms(5), |q, _| made = Some(q.add(1, false, t0)));
        let made = made.unwrap();
        assert_eq!(q.info(made).unwrap().round, 1);
        assert_eq!(pass(&mut q, t0 + ms(5)), vec![made], "due in the next round");
        assert!(!q.exists(made));
    }

    #[test]
    fn the_running_timer_stays_listed_and_clear_marks_it_removed() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let other = q.add(5000, false, t0);
        let t = q.add(50, true, t0);
        q.end_round();
        let mut seen = Vec::new();
        q.take_due_with(t0 + ms(50), |q, d| {
            seen.push((q.len(), q.ids(), q.exists(d.id), q.info(d.id).unwrap().exec_count));
            assert!(q.clear(d.id));
            assert!(!q.clear(d.id), "cleared once");
            let i = q.info(d.id).unwrap();
            seen.push((q.len(), q.ids(), q.exists(d.id), i.exec_count));
            assert!(i.removed);
        });
        assert_eq!(seen, vec![(2, vec![other, t], true, 0), (2, vec![other, t], false, 0)]);
        assert_eq!(q.ids(), vec![other], "dropped when the callback returned");
        assert!(q.info(t).is_none());
    }

    #[test]
    fn exec_count_counts_completed_runs_and_after_stays_listed_while_it_runs() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let tick = q.add(10, true, t0);
        let once = q.add(10, false, t0);
        q.end_round();
        let mut counts = Vec::new();
        q.take_due_with(t0 + ms(10), |q, d| counts.push((d.id, q.exists(d.id), q.info(d.id).unwrap().exec_count)));
        q.take_due_with(t0 + ms(20), |q, d| counts.push((d.id, q.exists(d.id), q.info(d.id).unwrap().exec_count)));
        assert_eq!(counts, vec![(tick, true, 0), (once, true, 0), (tick, true, 1)]);
        assert!(!q.exists(once));
    }

    #[test]
    fn exec_msec_counts_from_the_first_timer_and_rounds_follow_passes() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        q.end_round();
        assert_eq!(q.round(), 0, "no rounds before the first timer");
        let a = q.add(5000, false, t0);
        let b = q.add(1000, false, t0 + ms(100));
        assert_eq!(q.info(a).unwrap().exec_msec, 5000);
        assert_eq!(q.info(b).unwrap().exec_msec, 1100);
        q.end_round();
        q.end_round();
        assert_eq!(q.round(), 2);
        let c = q.add(1, true, t0);
        assert_eq!(q.info(c).unwrap().round, 2);
    }

    #[test]
    fn a_late_tick_does_not_fire_in_a_burst_and_keeps_its_phase() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let t = q.add(10, true, t0);
        q.end_round();
        assert_eq!(pass(&mut q, t0 + ms(55)), vec![t], "one run, not five");
        assert_eq!(q.next_timeout(t0 + ms(55)), Some(ms(5)));
        assert_eq!(pass(&mut q, t0 + ms(60)), vec![t]);
        assert_eq!(q.next_timeout(t0 + ms(60)), Some(ms(10)));
    }

    #[test]
    fn clear_all_and_ids() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let a = q.add(100, true, t0);
        let b = q.add(50, false, t0);
        let i = q.info(a).unwrap();
        assert_eq!((i.exec_msec, i.interval, i.exec_count, i.removed), (100, 100, 0, false));
        assert_eq!(q.info(b).unwrap().interval, 0);
        assert_eq!(q.ids(), vec![a, b]);
        assert_eq!(q.clear_all(), 2);
        assert!(!q.exists(a));
        assert_eq!(q.next_deadline(), None);
        assert_eq!(q.add(1, false, t0), TimerId(3), "ids are not reused");
    }
}
