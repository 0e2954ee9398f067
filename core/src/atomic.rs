//! `Swoole\Atomic` (an unsigned 32-bit counter) and `Swoole\Atomic\Long`
//! (a signed 64-bit one) in shared memory, with Swoole's wrap-around.
//!
//! `Atomic` doubles as a cross-process event, as in Swoole: `wait()` sleeps
//! (`futex(2)` on the counter's word) while the value is 0 and consumes a 1
//! (back to 0); `wakeup()` turns a 0 into a 1 and wakes sleepers. Any other
//! value makes `wait()` return false at once.

use crate::futex::{self, Woken};
use crate::shm::SharedSlice;
use std::io;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::time::Duration;

/// An unsigned 32-bit counter shared with every process forked after it was made.
pub struct Atomic {
    /// The counter's word (its own page).
    cell: SharedSlice<AtomicU32>,
}

impl Atomic {
    pub fn new(value: u32) -> io::Result<Atomic> {
        let cell = SharedSlice::<AtomicU32>::new(1)?;
        cell[0].store(value, Ordering::Relaxed);
        Ok(Atomic { cell })
    }

    /// The counter's shared word.
    #[inline]
    pub fn word(&self) -> &AtomicU32 {
        &self.cell[0]
    }

    /// Adds (wrapping at 2³²) and returns the new value.
    #[inline]
    pub fn add(&self, n: u32) -> u32 {
        self.word().fetch_add(n, Ordering::SeqCst).wrapping_add(n)
    }

    /// Subtracts (wrapping) and returns the new value.
    #[inline]
    pub fn sub(&self, n: u32) -> u32 {
        self.word().fetch_sub(n, Ordering::SeqCst).wrapping_sub(n)
    }

    #[inline]
    pub fn get(&self) -> u32 {
        self.word().load(Ordering::SeqCst)
    }

    #[inline]
    pub fn set(&self, value: u32) {
        self.word().store(value, Ordering::SeqCst)
    }

    /// Sets `new` if the value is `expected`; whether it did.
    #[inline]
    pub fn cmpset(&self, expected: u32, new: u32) -> bool {
        self.word().compare_exchange(expected, new, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    }

    /// Waits while the value is 0, at most `timeout` (None: for ever); true
    /// when it took a 1 (set by [`Atomic::wakeup`]) and reset it to 0. False
    /// on timeout, on a signal, or when the value is neither 0 nor 1.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let w = self.word();
        if w.compare_exchange(1, 0, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return true;
        }
        match futex::wait(w, 0, timeout) {
            Woken::Changed => w.compare_exchange(1, 0, Ordering::SeqCst, Ordering::SeqCst).is_ok(),
            Woken::TimedOut | Woken::Interrupted => false,
        }
    }

    /// Turns a 0 into a 1 and wakes up to `n` waiters (a value already
    /// non-zero is left alone). Always true, as in Swoole.
    pub fn wakeup(&self, n: i32) -> bool {
        let w = self.word();
        if w.compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            futex::wake(w, n);
        }
        true
    }
}

/// A signed 64-bit counter shared with every process forked after it was made.
pub struct AtomicLong {
    /// The counter (its own page).
    cell: SharedSlice<AtomicI64>,
}

impl AtomicLong {
    pub fn new(value: i64) -> io::Result<AtomicLong> {
        let cell = SharedSlice::<AtomicI64>::new(1)?;
        cell[0].store(value, Ordering::Relaxed);
        Ok(AtomicLong { cell })
    }

    /// The counter's shared word.
    #[inline]
    pub fn word(&self) -> &AtomicI64 {
        &self.cell[0]
    }

    /// Adds (wrapping) and returns the new value.
    #[inline]
    pub fn add(&self, n: i64) -> i64 {
        self.cell[0].fetch_add(n, Ordering::SeqCst).wrapping_add(n)
    }

    /// Subtracts (wrapping) and returns the new value.
    #[inline]
    pub fn sub(&self, n: i64) -> i64 {
        self.cell[0].fetch_sub(n, Ordering::SeqCst).wrapping_sub(n)
    }

    #[inline]
    pub fn get(&self) -> i64 {
        self.cell[0].load(Ordering::SeqCst)
    }

    #[inline]
    pub fn set(&self, value: i64) {
        self.cell[0].store(value, Ordering::SeqCst)
    }

    #[inline]
    pub fn cmpset(&self, expected: i64, new: i64) -> bool {
        self.cell[0].compare_exchange(expected, new, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn fork(child: impl FnOnce() -> i32) -> libc::pid_t {
        // SAFETY: the child runs `child` and _exits; the caller holds FORK_LOCK.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let code = child();
            unsafe { libc::_exit(code) };
        }
        pid
    }

    fn reap(pid: libc::pid_t) -> i32 {
        let mut status = 0;
        // SAFETY: waiting for our own child.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        libc::WEXITSTATUS(status)
    }

    #[test]
    fn wraps_as_swoole() {
        let a = Atomic::new(0).unwrap();
        assert_eq!(a.sub(1), u32::MAX);
        assert_eq!(a.add(2), 1);
        assert!(a.cmpset(1, 7) && !a.cmpset(1, 8));
        assert_eq!(a.get(), 7);
        let l = AtomicLong::new(i64::MAX).unwrap();
        assert_eq!(l.add(1), i64::MIN);
        assert_eq!(l.sub(1), i64::MAX);
    }

    #[test]
    fn adds_from_many_processes_are_exact() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let a = Atomic::new(0).unwrap();
        let l = AtomicLong::new(0).unwrap();
        let kids: Vec<_> = (0..4)
            .map(|_| {
                fork(|| {
                    for _ in 0..50_000 {
                        a.add(1);
                        l.sub(3);
                    }
                    0
                })
            })
            .collect();
        kids.into_iter().for_each(|k| assert_eq!(reap(k), 0));
        assert_eq!(a.get(), 200_000);
        assert_eq!(l.get(), -600_000);
    }

    #[test]
    fn wait_and_wakeup_across_processes() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let a = Atomic::new(0).unwrap();
        let t = Instant::now();
        assert!(!a.wait(Some(Duration::from_millis(30))));
        assert!(t.elapsed() >= Duration::from_millis(29));
        let child = fork(|| {
            std::thread::sleep(Duration::from_millis(50));
            a.wakeup(1);
            0
        });
        let t = Instant::now();
        assert!(a.wait(Some(Duration::from_secs(5))));
        assert!(t.elapsed() < Duration::from_secs(2));
        assert_eq!(a.get(), 0);
        assert_eq!(reap(child), 0);
        // A value other than 0 or 1: no wait at all.
        a.set(5);
        let t = Instant::now();
        assert!(!a.wait(Some(Duration::from_secs(5))));
        assert!(t.elapsed() < Duration::from_secs(1));
        assert!(a.wakeup(1));
        assert_eq!(a.get(), 5);
    }
}
