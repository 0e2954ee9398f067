//! `Swoole\Lock`: a mutex, a read-write lock or a spinlock in shared memory,
//! held by processes (PHP is single-threaded: the holder is a process).
//!
//! Unlike a pthread lock, every lock word holds its holder's pid, so that a
//! process killed (or crashed, or exiting) while holding the lock does not
//! freeze every other process for ever: a waiter notices the holder is gone
//! within [`futex::LIVENESS_INTERVAL`] and takes the lock over, reporting
//! the dead holder ([`Acquired::Recovered`]). The same pid stamp lets
//! `unlock()` refuse a lock the caller does not hold, and a relock by its own
//! holder fail at once (`EDEADLK`) instead of deadlocking.
//!
//! - mutex: one word, `pid | WAITERS`; sleepers wait on it with `futex(2)`.
//! - spinlock: one word, the holder's pid; waiters spin and yield.
//! - rwlock: a writer pid and a registry of reader pids (so that a dead
//!   reader can be subtracted), guarded by a short internal mutex; waiters
//!   sleep on a sequence word bumped at every release. Readers are preferred
//!   (as glibc's default), so a process may take the shared lock twice.

use crate::futex::{self, Deadline, Woken};
use crate::shm::{SharedSlice, ZeroShared};
use std::io;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// `LOCK_SH`: a shared (read) lock of an rwlock.
pub const LOCK_SH: i64 = 1;
/// `LOCK_NB`: do not wait.
pub const LOCK_NB: i64 = 4;

/// The kinds of lock, with Swoole's numbers (`SWOOLE_MUTEX` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockKind {
    Mutex,
    RwLock,
    SpinLock,
}

impl LockKind {
    /// `SWOOLE_RWLOCK` = 1, `SWOOLE_MUTEX` = 3, `SWOOLE_SPINLOCK` = 5; anything else is not a lock type.
    pub fn from_swoole(ty: i64) -> Option<LockKind> {
        match ty {
            1 => Some(LockKind::RwLock),
            3 => Some(LockKind::Mutex),
            5 => Some(LockKind::SpinLock),
            _ => None,
        }
    }
}

/// A successful lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquired {
    /// It was free (or freed by its holder).
    Clean,
    /// Its holder, process `dead`, is gone; the lock was taken over. What it
    /// protected may be half updated.
    Recovered { dead: u32 },
}

/// Why `lock()` or `unlock()` failed; [`LockError::errno`] is `$lock->errCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockError {
    /// `LOCK_NB` and the lock is held (`EBUSY`).
    Busy,
    /// The timeout passed (`ETIMEDOUT`).
    TimedOut,
    /// The caller already holds it and would wait for itself (`EDEADLK`).
    Deadlock,
    /// `unlock()` by a process that does not hold it (`EPERM`).
    NotHeld,
}

impl LockError {
    /// The errno Swoole reports in `errCode` for the same failure.
    pub fn errno(self) -> i32 {
        match self {
            LockError::Busy => libc::EBUSY,
            LockError::TimedOut => libc::ETIMEDOUT,
            LockError::Deadlock => libc::EDEADLK,
            LockError::NotHeld => libc::EPERM,
        }
    }
}

/// Lock result.
pub type LockResult = Result<Acquired, LockError>;

/// Mutex word: set while somebody may sleep on it.
const WAITERS: u32 = 1 << 31;
/// Mutex word: the holder's pid.
const PID_MASK: u32 = !WAITERS;
/// Processes holding an rwlock shared that are told apart (more are counted only).
pub const READER_SLOTS: usize = 128;

/// A process-shared mutex word with pid stamps: `Ok` when the caller holds it.
#[inline]
pub fn mutex_lock(word: &AtomicU32, nonblocking: bool, timeout: Option<Duration>) -> LockResult {
    let me = futex::pid();
    match word.compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed) {
        Ok(_) => Ok(Acquired::Clean),
        Err(cur) => mutex_contended(word, me, cur, nonblocking, timeout),
    }
}

/// [`mutex_lock`] when the word was not free.
#[cold]
fn mutex_contended(word: &AtomicU32, me: u32, cur: u32, nonblocking: bool, timeout: Option<Duration>) -> LockResult {
    if cur & PID_MASK == me {
        return Err(if nonblocking { LockError::Busy } else { LockError::Deadlock });
    }
    let take = |cur: u32, waiters: u32| {
        word.compare_exchange(cur, me | waiters, Ordering::Acquire, Ordering::Relaxed).is_ok()
    };
    if nonblocking {
        // No wait, but one look at whether the holder is gone.
        loop {
            let cur = word.load(Ordering::Relaxed);
            let holder = cur & PID_MASK;
            if holder == 0 {
                if take(cur, cur & WAITERS) {
                    return Ok(Acquired::Clean);
                }
            } else if futex::process_gone(holder) {
                if take(cur, cur & WAITERS) {
                    return Ok(Acquired::Recovered { dead: holder });
                }
            } else {
                return Err(LockError::Busy);
            }
        }
    }
    // Without a timeout no clock is read: sleeps of LIVENESS_INTERVAL, and a
    // look at the holder after each that nobody ended (a dead holder wakes
    // nobody).
    let mut deadline = timeout.map(|t| Deadline::new(Some(t)));
    loop {
        let cur = word.load(Ordering::Relaxed);
        let holder = cur & PID_MASK;
        if holder == 0 {
            // Having waited, keep WAITERS set: others may be asleep too.
            if take(cur, WAITERS) {
                return Ok(Acquired::Clean);
            }
            continue;
        }
        if cur & WAITERS == 0
            && word.compare_exchange(cur, cur | WAITERS, Ordering::Relaxed, Ordering::Relaxed).is_err()
        {
            continue;
        }
        let mut look = false;
        let sleep = match deadline.as_mut() {
            Some(d) => {
                let tick = d.tick();
                if tick.expired {
                    return Err(LockError::TimedOut);
                }
                look = tick.check_holder;
                tick.sleep
            }
            None => futex::LIVENESS_INTERVAL,
        };
        if !look {
            // Woken, or a signal: look again. A sleep nobody ended: look at the holder too.
            look = futex::wait(word, cur | WAITERS, Some(sleep)) == Woken::TimedOut && deadline.is_none();
        }
        if look && futex::process_gone(holder) && take(cur | WAITERS, WAITERS) {
            return Ok(Acquired::Recovered { dead: holder });
        }
    }
}

/// Releases a [`mutex_lock`]ed word; `NotHeld` unless the caller holds it.
#[inline]
pub fn mutex_unlock(word: &AtomicU32) -> Result<(), LockError> {
    let me = futex::pid();
    // One atomic operation when nobody waits (a load first would cost a
    // second cache-line transfer when another process is contending).
    match word.compare_exchange(me, 0, Ordering::Release, Ordering::Relaxed) {
        Ok(_) => Ok(()),
        Err(cur) => mutex_unlock_contended(word, me, cur),
    }
}

#[cold]
fn mutex_unlock_contended(word: &AtomicU32, me: u32, cur: u32) -> Result<(), LockError> {
    if cur & PID_MASK != me {
        return Err(LockError::NotHeld);
    }
    // Only the holder clears the word; others only add WAITERS.
    word.store(0, Ordering::Release);
    futex::wake(word, 1);
    Ok(())
}

/// A spinlock word: like [`mutex_lock`], but the waiter never sleeps in the
/// kernel (it spins, yielding the CPU now and then).
fn spin_lock(word: &AtomicU32, nonblocking: bool, timeout: Option<Duration>) -> LockResult {
    let me = futex::pid();
    let mut deadline = Deadline::new(timeout);
    let mut check_now = nonblocking;
    loop {
        for _ in 0..64 {
            let cur = word.load(Ordering::Relaxed);
            if cur == 0 && word.compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return Ok(Acquired::Clean);
            }
            if cur == me {
                return Err(if nonblocking { LockError::Busy } else { LockError::Deadlock });
            }
            if nonblocking && !check_now {
                return Err(LockError::Busy);
            }
            if check_now || deadline.check_due() {
                check_now = false;
                if futex::process_gone(cur)
                    && word.compare_exchange(cur, me, Ordering::Acquire, Ordering::Relaxed).is_ok()
                {
                    return Ok(Acquired::Recovered { dead: cur });
                }
            }
            std::hint::spin_loop();
        }
        if deadline.expired() {
            return Err(LockError::TimedOut);
        }
        std::thread::yield_now();
    }
}

fn spin_unlock(word: &AtomicU32) -> Result<(), LockError> {
    let me = futex::pid();
    word.compare_exchange(me, 0, Ordering::Release, Ordering::Relaxed).map(|_| ()).map_err(|_| LockError::NotHeld)
}

/// The shared state of one lock.
#[repr(C)]
struct LockState {
    /// Mutex and spinlock: the lock word. Rwlock: the guard (a mutex word)
    /// around the fields below.
    word: AtomicU32,
    /// Rwlock: the writer's pid, 0 when none.
    writer: AtomicU32,
    /// Rwlock: bumped at every release; blocked lockers sleep on it.
    seq: AtomicU32,
    /// Rwlock: processes asleep on `seq` (a release wakes them only if any).
    sleepers: AtomicU32,
    /// Rwlock: shared holders beyond the registry (counted, not recoverable).
    overflow: AtomicU32,
    /// Rwlock: shared holders in all (registry counts plus overflow).
    readers: AtomicU32,
    /// Rwlock: who holds it shared, `pid << 32 | count`; 0 for a free entry.
    registry: [AtomicU64; READER_SLOTS],
}

// SAFETY: all atomics, valid when zeroed (a free lock).
unsafe impl ZeroShared for LockState {}

/// A lock in shared memory, usable by every process forked after it was made.
pub struct Lock {
    /// Which algorithm.
    kind: LockKind,
    /// The shared words (one page, mapped before any fork that shares it).
    state: SharedSlice<LockState>,
}

/// Seconds as Swoole reads a lock timeout: > 0 is a limit, anything else waits for ever.
pub fn timeout_from_secs(secs: f64) -> Option<Duration> {
    (secs > 0.0).then(|| Duration::try_from_secs_f64(secs).ok()).flatten()
}

impl Lock {
    /// A new, free lock.
    pub fn new(kind: LockKind) -> io::Result<Lock> {
        Ok(Lock { kind, state: SharedSlice::new(1)? })
    }

    pub fn kind(&self) -> LockKind {
        self.kind
    }

    #[inline]
    fn st(&self) -> &LockState {
        &self.state[0]
    }

    /// `$lock->lock($operation, $timeout)`: `LOCK_NB` in `operation` does not
    /// wait; for an rwlock `LOCK_SH` takes it shared, anything else exclusive.
    #[inline]
    pub fn lock(&self, operation: i64, timeout: Option<Duration>) -> LockResult {
        let nonblocking = operation & LOCK_NB != 0;
        // The mutex path stays small enough to inline into the caller.
        if self.kind == LockKind::Mutex {
            return mutex_lock(&self.st().word, nonblocking, timeout);
        }
        self.lock_other(operation, nonblocking, timeout)
    }

    fn lock_other(&self, operation: i64, nonblocking: bool, timeout: Option<Duration>) -> LockResult {
        match self.kind {
            LockKind::Mutex => mutex_lock(&self.st().word, nonblocking, timeout),
            LockKind::SpinLock => spin_lock(&self.st().word, nonblocking, timeout),
            LockKind::RwLock => self.rw_lock(operation & LOCK_SH != 0, nonblocking, timeout),
        }
    }

    /// `$lock->unlock()`: the caller's hold (one shared hold for an rwlock).
    #[inline]
    pub fn unlock(&self) -> Result<(), LockError> {
        match self.kind {
            LockKind::Mutex => mutex_unlock(&self.st().word),
            _ => self.unlock_other(),
        }
    }

    fn unlock_other(&self) -> Result<(), LockError> {
        match self.kind {
            LockKind::Mutex => mutex_unlock(&self.st().word),
            LockKind::SpinLock => spin_unlock(&self.st().word),
            LockKind::RwLock => self.rw_unlock(),
        }
    }

    /// Takes the rwlock's guard; a guard holder that died mid-update may
    /// have left the reader total wrong, so it is recounted then.
    fn guard(&self) -> Option<u32> {
        let st = self.st();
        loop {
            match mutex_lock(&st.word, false, None) {
                Ok(Acquired::Clean) => return None,
                Ok(Acquired::Recovered { dead }) => {
                    let counted: u32 = st.registry.iter().map(|e| e.load(Ordering::Relaxed) as u32).sum();
                    st.readers.store(counted + st.overflow.load(Ordering::Relaxed), Ordering::Relaxed);
                    return Some(dead);
                }
                Err(_) => std::thread::yield_now(),
            }
        }
    }

    fn unguard(&self) {
        let _ = mutex_unlock(&self.st().word);
    }

    /// The caller's registry entry, if it holds the lock shared.
    fn my_entry(&self, me: u32) -> Option<&AtomicU64> {
        self.st().registry.iter().find(|e| (e.load(Ordering::Relaxed) >> 32) as u32 == me)
    }

    /// Under the guard: drops the shared holds of processes that are gone.
    fn reap_dead_readers(&self) -> Option<u32> {
        let st = self.st();
        let mut dead = None;
        for e in &st.registry {
            let v = e.load(Ordering::Relaxed);
            let pid = (v >> 32) as u32;
            if pid != 0 && futex::process_gone(pid) {
                e.store(0, Ordering::Relaxed);
                st.readers.fetch_sub(v as u32, Ordering::Relaxed);
                dead = Some(pid);
            }
        }
        dead
    }

    fn rw_lock(&self, shared: bool, nonblocking: bool, timeout: Option<Duration>) -> LockResult {
        let st = self.st();
        let me = futex::pid();
        let mut deadline = Deadline::new(timeout);
        let mut check_now = nonblocking;
        let mut recovered = None;
        loop {
            recovered = self.guard().or(recovered);
            let writer = st.writer.load(Ordering::Relaxed);
            if writer == me || (!shared && self.my_entry(me).is_some()) {
                self.unguard();
                return Err(if nonblocking { LockError::Busy } else { LockError::Deadlock });
            }
            let check = check_now || deadline.check_due();
            check_now = false;
            if writer != 0 && check && futex::process_gone(writer) {
                st.writer.store(0, Ordering::Relaxed);
                recovered = Some(writer);
            }
            if !shared && check && st.readers.load(Ordering::Relaxed) > 0 {
                recovered = self.reap_dead_readers().or(recovered);
            }
            if st.writer.load(Ordering::Relaxed) == 0 {
                if shared {
                    self.add_reader(me);
                    self.unguard();
                    return Ok(recovered.map_or(Acquired::Clean, |dead| Acquired::Recovered { dead }));
                }
                if st.readers.load(Ordering::Relaxed) == 0 {
                    st.writer.store(me, Ordering::Relaxed);
                    self.unguard();
                    return Ok(recovered.map_or(Acquired::Clean, |dead| Acquired::Recovered { dead }));
                }
            }
            if nonblocking || deadline.expired() {
                self.unguard();
                return Err(if nonblocking { LockError::Busy } else { LockError::TimedOut });
            }
            let seq = st.seq.load(Ordering::Relaxed);
            st.sleepers.fetch_add(1, Ordering::Relaxed);
            self.unguard();
            let _: Woken = futex::wait(&st.seq, seq, Some(deadline.slice()));
            st.sleepers.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// Under the guard: one more shared hold by `me`.
    fn add_reader(&self, me: u32) {
        let st = self.st();
        st.readers.fetch_add(1, Ordering::Relaxed);
        if let Some(e) = self.my_entry(me) {
            e.fetch_add(1, Ordering::Relaxed);
            return;
        }
        match st.registry.iter().find(|e| e.load(Ordering::Relaxed) == 0) {
            Some(e) => e.store((me as u64) << 32 | 1, Ordering::Relaxed),
            None => {
                st.overflow.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn rw_unlock(&self) -> Result<(), LockError> {
        let st = self.st();
        let me = futex::pid();
        self.guard();
        let released = if st.writer.load(Ordering::Relaxed) == me {
            st.writer.store(0, Ordering::Relaxed);
            true
        } else if let Some(e) = self.my_entry(me) {
            let v = e.load(Ordering::Relaxed);
            e.store(if v as u32 <= 1 { 0 } else { v - 1 }, Ordering::Relaxed);
            st.readers.fetch_sub(1, Ordering::Relaxed);
            true
        } else if st.overflow.load(Ordering::Relaxed) > 0 {
            // One of the holders nobody could register: presumably the caller.
            st.overflow.fetch_sub(1, Ordering::Relaxed);
            st.readers.fetch_sub(1, Ordering::Relaxed);
            true
        } else {
            false
        };
        if released {
            st.seq.fetch_add(1, Ordering::Release);
        }
        let sleepers = st.sleepers.load(Ordering::Relaxed);
        self.unguard();
        if !released {
            return Err(LockError::NotHeld);
        }
        if sleepers > 0 {
            futex::wake(&st.seq, i32::MAX);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    const EX: i64 = 2;
    const SH: i64 = LOCK_SH;
    const NB: i64 = LOCK_NB;

    fn fork(child: impl FnOnce() -> i32) -> libc::pid_t {
        // SAFETY: the child runs `child` and _exits; the test holds FORK_LOCK.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(child)).unwrap_or(101);
            unsafe { libc::_exit(code) };
        }
        assert!(pid > 0);
        pid
    }

    fn reap(pid: libc::pid_t) -> i32 {
        let mut status = 0;
        // SAFETY: waiting for our own child.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -libc::WTERMSIG(status) }
    }

    #[test]
    fn the_holder_relocking_fails_at_once_and_others_cannot_unlock() {
        for kind in [LockKind::Mutex, LockKind::SpinLock, LockKind::RwLock] {
            let l = Lock::new(kind).unwrap();
            assert_eq!(l.unlock(), Err(LockError::NotHeld), "{kind:?}");
            assert_eq!(l.lock(EX, None), Ok(Acquired::Clean));
            assert_eq!(l.lock(EX | NB, None), Err(LockError::Busy));
            assert_eq!(l.lock(EX, None), Err(LockError::Deadlock));
            assert_eq!(l.lock(EX, Some(Duration::from_millis(10))), Err(LockError::Deadlock));
            assert_eq!(l.unlock(), Ok(()));
            assert_eq!(l.unlock(), Err(LockError::NotHeld));
            assert_eq!(l.lock(EX | NB, None), Ok(Acquired::Clean));
            assert_eq!(l.unlock(), Ok(()));
        }
    }

    #[test]
    fn rwlock_readers_share_and_exclude_writers() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let l = Lock::new(LockKind::RwLock).unwrap();
        assert_eq!(l.lock(SH, None), Ok(Acquired::Clean));
        assert_eq!(l.lock(SH | NB, None), Ok(Acquired::Clean));
        assert_eq!(l.lock(EX, None), Err(LockError::Deadlock));
        let child = fork(|| {
            let shared = l.lock(SH | NB, None) == Ok(Acquired::Clean) && l.unlock().is_ok();
            let excluded = l.lock(EX | NB, None) == Err(LockError::Busy)
                && l.lock(EX, Some(Duration::from_millis(20))) == Err(LockError::TimedOut);
            if shared && excluded { 0 } else { 1 }
        });
        assert_eq!(reap(child), 0);
        assert_eq!(l.unlock(), Ok(()));
        assert_eq!(l.unlock(), Ok(()));
        assert_eq!(l.unlock(), Err(LockError::NotHeld));
        assert_eq!(l.lock(EX, None), Ok(Acquired::Clean));
        assert_eq!(l.lock(SH, None), Err(LockError::Deadlock));
        assert_eq!(l.unlock(), Ok(()));
    }

    /// Four processes increment a plain (non-atomic) shared counter under the
    /// lock: any lost update means the lock let two in at once.
    #[test]
    fn mutual_exclusion_under_contention() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        for kind in [LockKind::Mutex, LockKind::SpinLock, LockKind::RwLock] {
            let l = Lock::new(kind).unwrap();
            let counter = SharedSlice::<AtomicU64>::new(1).unwrap();
            let kids: Vec<_> = (0..4)
                .map(|_| {
                    fork(|| {
                        for _ in 0..20_000 {
                            assert!(l.lock(EX, None).is_ok());
                            // A load and a store, not fetch_add: only the lock makes it exact.
                            let v = counter[0].load(Ordering::Relaxed);
                            counter[0].store(v + 1, Ordering::Relaxed);
                            assert!(l.unlock().is_ok());
                        }
                        0
                    })
                })
                .collect();
            for k in kids {
                assert_eq!(reap(k), 0, "{kind:?}");
            }
            assert_eq!(counter[0].load(Ordering::Relaxed), 80_000, "{kind:?}");
        }
    }

    /// A holder killed with SIGKILL: the next locker gets the lock, told who died.
    #[test]
    fn a_dead_holder_is_recovered() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        for (kind, op) in [(LockKind::Mutex, EX), (LockKind::SpinLock, EX), (LockKind::RwLock, EX), (LockKind::RwLock, SH)] {
            let l = Lock::new(kind).unwrap();
            let ready = SharedSlice::<AtomicU32>::new(1).unwrap();
            let holder = fork(|| {
                assert!(l.lock(op, None).is_ok());
                ready[0].store(1, Ordering::Release);
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                }
            });
            while ready[0].load(Ordering::Acquire) == 0 {
                std::thread::yield_now();
            }
            assert_eq!(l.lock(EX | NB, None), Err(LockError::Busy), "{kind:?}");
            // SAFETY: killing our own child.
            unsafe { libc::kill(holder, libc::SIGKILL) };
            let t = Instant::now();
            let got = l.lock(EX, Some(Duration::from_secs(5)));
            assert_eq!(got, Ok(Acquired::Recovered { dead: holder as u32 }), "{kind:?} {op}");
            assert!(t.elapsed() < Duration::from_secs(1), "{kind:?}: recovered after {:?}", t.elapsed());
            assert_eq!(l.unlock(), Ok(()));
            reap(holder);
        }
    }

    #[test]
    fn a_sleeping_locker_is_woken_by_unlock() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let l = Lock::new(LockKind::Mutex).unwrap();
        assert!(l.lock(EX, None).is_ok());
        let child = fork(|| {
            let t = Instant::now();
            let ok = l.lock(EX, Some(Duration::from_secs(5))) == Ok(Acquired::Clean) && l.unlock().is_ok();
            if ok && t.elapsed() < Duration::from_secs(2) { 0 } else { 1 }
        });
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(l.unlock(), Ok(()));
        assert_eq!(reap(child), 0);
    }

    #[test]
    fn timeouts_from_seconds() {
        assert_eq!(timeout_from_secs(-1.0), None);
        assert_eq!(timeout_from_secs(0.0), None);
        assert_eq!(timeout_from_secs(f64::NAN), None);
        assert_eq!(timeout_from_secs(f64::INFINITY), None);
        assert_eq!(timeout_from_secs(0.25), Some(Duration::from_millis(250)));
    }
}
