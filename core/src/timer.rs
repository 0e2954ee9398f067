//! Timers: `Swoole\Timer::tick`/`after` of one process.
//!
//! A min-heap of deadlines over a table of timers. The event loop asks for the
//! time until the next deadline, sleeps at most that long, then takes the due
//! timers. Ids start at 1 and are not reused in a process. Cleared timers stay
//! in the heap until their deadline passes and are skipped then (cheaper than
//! removing from the middle of a heap).

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
    /// How many times it fired.
    exec_count: u64,
    /// The loop round in which it was created (`Timer::info()['round']`).
    round: u64,
    /// Version stamp matching its heap entry, so stale entries are skipped.
    stamp: u64,
}

/// What `Timer::info()` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct TimerInfo {
    /// Milliseconds until it fires next (negative when overdue).
    pub exec_msec: i64,
    pub exec_count: u64,
    /// Milliseconds between runs (0 for a one-shot timer).
    pub interval: i64,
    pub round: u64,
    pub removed: bool,
}

/// A due timer the loop must run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub id: TimerId,
    /// True for a tick (it stays armed); false for `after` (it is gone now).
    pub repeat: bool,
}

/// The timers of one process.
#[derive(Debug, Default)]
pub struct TimerQueue {
    /// Deadlines, earliest first: (when, stamp, id).
    heap: BinaryHeap<Reverse<(Instant, u64, i64)>>,
    /// Live timers by id.
    timers: HashMap<i64, Timer>,
    /// The last id handed out.
    last_id: i64,
    /// Heap entry stamps.
    next_stamp: u64,
    /// Loop rounds that ran timers (`Timer::stats()['round']`).
    round: u64,
}

impl TimerQueue {
    pub fn new() -> Self {
        Self::default()
    }

    /// Arms a timer firing after `ms` milliseconds, then every `ms` if `repeat`.
    pub fn add(&mut self, ms: u64, repeat: bool, now: Instant) -> TimerId {
        self.last_id += 1;
        let id = self.last_id;
        let interval = Duration::from_millis(ms);
        self.next_stamp += 1;
        let timer = Timer {
            interval: if repeat { interval } else { Duration::ZERO },
            next: now + interval,
            exec_count: 0,
            round: self.round,
            stamp: self.next_stamp,
        };
        self.heap.push(Reverse((timer.next, timer.stamp, id)));
        self.timers.insert(id, timer);
        TimerId(id)
    }

    /// Disarms a timer; false if it does not exist.
    pub fn clear(&mut self, id: TimerId) -> bool {
        self.timers.remove(&id.0).is_some()
    }

    /// Disarms every timer; returns how many there were.
    pub fn clear_all(&mut self) -> usize {
        let n = self.timers.len();
        self.timers.clear();
        self.heap.clear();
        n
    }

    pub fn exists(&self, id: TimerId) -> bool {
        self.timers.contains_key(&id.0)
    }

    pub fn len(&self) -> usize {
        self.timers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.timers.is_empty()
    }

    /// Live timer ids, ascending.
    pub fn ids(&self) -> Vec<TimerId> {
        let mut v: Vec<TimerId> = self.timers.keys().map(|&k| TimerId(k)).collect();
        v.sort_unstable();
        v
    }

    /// Loop rounds that ran timers.
    pub fn round(&self) -> u64 {
        self.round
    }

    pub fn info(&self, id: TimerId, now: Instant) -> Option<TimerInfo> {
        let t = self.timers.get(&id.0)?;
        let exec_msec = if t.next >= now {
            (t.next - now).as_millis() as i64
        } else {
            -((now - t.next).as_millis() as i64)
        };
        Some(TimerInfo {
            exec_msec,
            exec_count: t.exec_count,
            interval: t.interval.as_millis() as i64,
            round: t.round,
            removed: false,
        })
    }

    /// Time until the next live deadline (zero if one is overdue).
    pub fn next_timeout(&mut self, now: Instant) -> Option<Duration> {
        self.next_deadline().map(|when| when.saturating_duration_since(now))
    }

    /// The next live deadline.
    pub fn next_deadline(&mut self) -> Option<Instant> {
        while let Some(Reverse((when, stamp, id))) = self.heap.peek().copied() {
            if self.timers.get(&id).is_some_and(|t| t.stamp == stamp) {
                return Some(when);
            }
            self.heap.pop(); // cleared or re-armed: a stale entry
        }
        None
    }

    /// Takes the timers due at `now`, earliest first. Ticks are re-armed one
    /// interval after their deadline (or after `now` if they fell behind);
    /// one-shot timers are removed.
    pub fn take_due(&mut self, now: Instant) -> Vec<Due> {
        let mut due = Vec::new();
        while let Some(Reverse((when, stamp, id))) = self.heap.peek().copied() {
            if when > now {
                break;
            }
            self.heap.pop();
            let Some(t) = self.timers.get_mut(&id) else { continue };
            if t.stamp != stamp {
                continue;
            }
            t.exec_count += 1;
            if t.interval.is_zero() {
                self.timers.remove(&id);
                due.push(Due { id: TimerId(id), repeat: false });
            } else {
                let mut next = t.next + t.interval;
                if next <= now {
                    next = now + t.interval;
                }
                t.next = next;
                self.next_stamp += 1;
                t.stamp = self.next_stamp;
                self.heap.push(Reverse((next, t.stamp, id)));
                due.push(Due { id: TimerId(id), repeat: true });
            }
        }
        if !due.is_empty() {
            self.round += 1;
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
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
        assert!(q.take_due(t0 + ms(5)).is_empty());
        let fired: Vec<TimerId> = q.take_due(t0 + ms(30)).into_iter().map(|d| d.id).collect();
        assert_eq!(fired, vec![b, c, a]);
        assert!(q.is_empty());
        assert_eq!(q.next_timeout(t0), None);
    }

    #[test]
    fn ticks_rearm_and_clear_stops_them() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let t = q.add(10, true, t0);
        assert_eq!(q.take_due(t0 + ms(10)), vec![Due { id: t, repeat: true }]);
        assert_eq!(q.next_timeout(t0 + ms(10)), Some(ms(10)));
        assert_eq!(q.info(t, t0 + ms(10)).unwrap().exec_count, 1);
        assert_eq!(q.take_due(t0 + ms(20)).len(), 1);
        assert!(q.clear(t));
        assert!(!q.clear(t), "a cleared timer is gone");
        assert!(q.take_due(t0 + ms(100)).is_empty());
        assert_eq!(q.next_timeout(t0), None, "stale heap entries are skipped");
    }

    #[test]
    fn a_late_tick_does_not_fire_in_a_burst() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        q.add(10, true, t0);
        assert_eq!(q.take_due(t0 + ms(55)).len(), 1, "one run, not five");
        assert_eq!(q.next_timeout(t0 + ms(55)), Some(ms(10)));
    }

    #[test]
    fn info_ids_and_clear_all() {
        let t0 = Instant::now();
        let mut q = TimerQueue::new();
        let a = q.add(100, true, t0);
        let b = q.add(50, false, t0);
        let i = q.info(a, t0 + ms(40)).unwrap();
        assert_eq!((i.exec_msec, i.interval, i.exec_count), (60, 100, 0));
        assert_eq!(q.info(b, t0).unwrap().interval, 0);
        assert_eq!(q.ids(), vec![a, b]);
        assert_eq!(q.clear_all(), 2);
        assert!(!q.exists(a));
        assert_eq!(q.add(1, false, t0), TimerId(3), "ids are not reused");
    }
}
