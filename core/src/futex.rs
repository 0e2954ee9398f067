//! Words in shared memory that processes sleep on and stamp with their pid.
//!
//! The locks, atomics and table rows of [`crate::lock`], [`crate::atomic`] and
//! [`crate::table`] live in memory mapped before fork. A process waiting for
//! one sleeps in the kernel on the word itself (`futex(2)`, not the
//! process-private variant, since the waker is another process), and a lock
//! word holds the pid of its holder so that a waiter can tell when the holder
//! is gone (killed, crashed, exited) and take the lock over instead of waiting
//! forever.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

/// This process's pid, cached: `getpid()` is a system call, and every lock
/// and row write stamps it. Refreshed in the child of every `fork()`.
static PID: AtomicU32 = AtomicU32::new(0);
static ATFORK: Once = Once::new();

extern "C" fn refresh_pid() {
    // SAFETY: getpid has no preconditions.
    PID.store(unsafe { libc::getpid() } as u32, Ordering::Relaxed);
}

/// The calling process's pid (what a lock word holds while it is held).
#[inline]
pub fn pid() -> u32 {
    match PID.load(Ordering::Relaxed) {
        0 => first_pid(),
        p => p,
    }
}

#[cold]
fn first_pid() -> u32 {
    ATFORK.call_once(|| {
        // SAFETY: registers a child handler that only stores an atomic.
        unsafe { libc::pthread_atfork(None, None, Some(refresh_pid)) };
    });
    refresh_pid();
    PID.load(Ordering::Relaxed)
}

/// Whether process `pid` is gone: no such process, or a zombie (dead, not yet
/// reaped by its parent; `kill(pid, 0)` still succeeds for those).
pub fn process_gone(pid: u32) -> bool {
    if pid == 0 || pid > i32::MAX as u32 {
        return true;
    }
    // SAFETY: signal 0 only checks that the process exists.
    let rc = unsafe { libc::kill(pid as libc::pid_t, 0) };
    if rc < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH) {
        return true;
    }
    // /proc/<pid>/stat: "pid (comm) S ..."; the state follows the last ')'.
    match std::fs::read(format!("/proc/{pid}/stat")) {
        Ok(stat) => match stat.iter().rposition(|&b| b == b')') {
            Some(i) => matches!(stat.get(i + 2), Some(b'Z') | Some(b'X')),
            None => false,
        },
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// How a [`wait`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// Woken up, or the word no longer held `expected` (check it again).
    Changed,
    /// The timeout passed.
    TimedOut,
    /// A signal arrived.
    Interrupted,
}

/// Sleeps while `word` holds `expected`, at most `timeout` (None: no limit).
pub fn wait(word: &AtomicU32, expected: u32, timeout: Option<Duration>) -> Woken {
    let ts = timeout.map(|d| libc::timespec {
        tv_sec: d.as_secs().min(i64::MAX as u64) as libc::time_t,
        tv_nsec: d.subsec_nanos() as libc::c_long,
    });
    let ts_ptr = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: FUTEX_WAIT on a live, aligned u32 (shared, hence not FUTEX_PRIVATE);
    // the timeout is relative and outlives the call. nix has no futex wrapper.
    let rc = unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT, expected, ts_ptr, 0usize, 0u32) };
    if rc == 0 {
        return Woken::Changed;
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::ETIMEDOUT) => Woken::TimedOut,
        Some(libc::EINTR) => Woken::Interrupted,
        _ => Woken::Changed,
    }
}

/// Wakes up to `n` processes sleeping on `word`; how many were woken.
pub fn wake(word: &AtomicU32, n: i32) -> usize {
    // SAFETY: FUTEX_WAKE on a live, aligned u32; no memory is read but the word's address.
    let rc = unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, n, 0usize, 0usize, 0u32) };
    rc.max(0) as usize
}

/// How long a waiter sleeps at most between two looks at whether the holder
/// it waits for is still alive: a dead holder wakes nobody.
pub const LIVENESS_INTERVAL: Duration = Duration::from_millis(50);

/// What [`Deadline::tick`] found.
#[derive(Debug, Clone, Copy)]
pub struct Tick {
    /// Time to look at whether the holder is alive.
    pub check_holder: bool,
    /// The waiter's limit passed.
    pub expired: bool,
    /// How long to sleep at most before looking again.
    pub sleep: Duration,
}

/// When a blocked waiter gives up, and when it next checks on the holder.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    /// None: wait for ever.
    end: Option<Instant>,
    /// The next liveness check of the holder.
    next_check: Instant,
}

impl Deadline {
    /// A wait of at most `timeout` (None: no limit) starting now.
    pub fn new(timeout: Option<Duration>) -> Deadline {
        let now = Instant::now();
        Deadline { end: timeout.map(|t| now + t), next_check: now + LIVENESS_INTERVAL }
    }

    /// The time left, or None when there is no limit; Some(ZERO) once passed.
    pub fn remaining(&self) -> Option<Duration> {
        self.end.map(|e| e.saturating_duration_since(Instant::now()))
    }

    /// Whether the limit passed.
    pub fn expired(&self) -> bool {
        self.remaining() == Some(Duration::ZERO)
    }

    /// How long to sleep next: the time left, capped by the liveness interval.
    pub fn slice(&self) -> Duration {
        let until_check = self.next_check.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
        self.remaining().map_or(until_check, |r| r.min(until_check))
    }

    /// One look at the clock: whether to check the holder now (the next check
    /// is then scheduled), whether the limit passed, and how long to sleep.
    pub fn tick(&mut self) -> Tick {
        let now = Instant::now();
        let check_holder = now >= self.next_check;
        if check_holder {
            self.next_check = now + LIVENESS_INTERVAL;
        }
        let left = self.end.map(|e| e.saturating_duration_since(now));
        let until_check = self.next_check.saturating_duration_since(now).max(Duration::from_millis(1));
        Tick {
            check_holder,
            expired: left == Some(Duration::ZERO),
            sleep: left.map_or(until_check, |l| l.min(until_check)),
        }
    }

    /// True (and the next check scheduled) when it is time to look at the holder.
    pub fn check_due(&mut self) -> bool {
        let now = Instant::now();
        if now < self.next_check {
            return false;
        }
        self.next_check = now + LIVENESS_INTERVAL;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_pid_is_alive_and_cached() {
        assert_eq!(pid(), std::process::id());
        assert!(!process_gone(pid()));
        assert!(process_gone(0));
    }

    #[test]
    fn a_zombie_is_gone() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        // SAFETY: the child exits at once.
        let child = unsafe { libc::fork() };
        if child == 0 {
            unsafe { libc::_exit(0) };
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while !process_gone(child as u32) {
            assert!(Instant::now() < deadline, "the exited child still looks alive");
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut status = 0;
        // SAFETY: reaping our own child.
        unsafe { libc::waitpid(child, &mut status, 0) };
        assert!(process_gone(child as u32));
    }

    #[test]
    fn wait_times_out_and_sees_changes() {
        let w = AtomicU32::new(0);
        let t = Instant::now();
        assert_eq!(wait(&w, 0, Some(Duration::from_millis(20))), Woken::TimedOut);
        assert!(t.elapsed() >= Duration::from_millis(19));
        assert_eq!(wait(&w, 1, Some(Duration::from_millis(20))), Woken::Changed);
        assert_eq!(wake(&w, 1), 0);
    }
}
