//! Session ids: the `$fd` PHP code sees.
//!
//! A session id is not the OS file descriptor. It starts at 1 (or
//! `start_session_id + 1`), is taken from one counter in shared memory so that
//! no two workers hand out the same id, and is never reused while the server
//! runs. A stale id therefore fails cleanly with 1005 instead of reaching a new
//! client that the kernel gave the same descriptor.

use crate::shm::{SharedSlice, ZeroShared};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// The id of one client connection, unique for the life of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub u64);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The shared counter behind [`SessionAllocator`].
struct Round(AtomicU64);
// SAFETY: a single atomic, valid at zero.
unsafe impl ZeroShared for Round {}

/// Hands out session ids from shared memory; clone-free, created before fork.
pub struct SessionAllocator {
    /// The last id handed out (`stats()['session_round']`).
    round: SharedSlice<Round>,
}

impl SessionAllocator {
    /// A new allocator whose first id is `start + 1`.
    pub fn new(start: u64) -> std::io::Result<Self> {
        let round: SharedSlice<Round> = SharedSlice::new(1)?;
        round[0].0.store(start, Ordering::Relaxed);
        Ok(SessionAllocator { round })
    }

    /// The next unused id.
    pub fn next_id(&self) -> SessionId {
        SessionId(self.round[0].0.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// The last id handed out.
    pub fn round(&self) -> u64 {
        self.round[0].0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_start_at_one_and_are_unique_across_processes() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let alloc = SessionAllocator::new(0).unwrap();
        assert_eq!(alloc.next_id(), SessionId(1));
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let id = alloc.next_id();
            unsafe { libc::_exit(id.0 as i32) };
        }
        let mut status = 0;
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert_eq!(libc::WEXITSTATUS(status), 2);
        assert_eq!(alloc.next_id(), SessionId(3), "the parent sees the child's allocation");
        assert_eq!(alloc.round(), 3);
    }

    #[test]
    fn start_session_id_offsets_the_first_id() {
        let alloc = SessionAllocator::new(1000).unwrap();
        assert_eq!(alloc.next_id(), SessionId(1001));
    }
}

/// How many sessions can be open at once across the server (more than
/// `MAX_CONNECTION`, so a free slot is always near).
pub const TABLE_SLOTS: usize = 1 << 17;

/// One slot of the session table.
#[derive(Default)]
struct Slot {
    /// The session in this slot (0 = free).
    session: AtomicU64,
    /// The worker that owns the connection.
    owner: std::sync::atomic::AtomicU32,
}
// SAFETY: atomics, valid at zero.
unsafe impl ZeroShared for Slot {}

/// Which worker owns each open session, in shared memory, so any process
/// (another worker, a user process) can reach a connection: Swoole's
/// `session_list`. An id is only handed out when its slot is free, so a slot
/// never holds two live sessions.
pub struct SessionTable {
    slots: SharedSlice<Slot>,
}

impl SessionTable {
    pub fn new() -> std::io::Result<Self> {
        Ok(SessionTable { slots: SharedSlice::new(TABLE_SLOTS)? })
    }

    fn slot(&self, id: SessionId) -> &Slot {
        &self.slots[(id.0 as usize) % TABLE_SLOTS]
    }

    /// A new session for `owner`: the next id whose slot is free, claimed.
    pub fn open(&self, alloc: &SessionAllocator, owner: usize) -> SessionId {
        loop {
            let id = alloc.next_id();
            let slot = self.slot(id);
            if slot.session.compare_exchange(0, id.0, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
                slot.owner.store(owner as u32, Ordering::Release);
                return id;
            }
        }
    }

    /// Frees the slot of a closed session.
    pub fn close(&self, id: SessionId) {
        let _ = self.slot(id).session.compare_exchange(id.0, 0, Ordering::AcqRel, Ordering::Relaxed);
    }

    /// The worker owning `id`, if it is open.
    pub fn owner(&self, id: SessionId) -> Option<usize> {
        let slot = self.slot(id);
        (slot.session.load(Ordering::Acquire) == id.0).then(|| slot.owner.load(Ordering::Acquire) as usize)
    }

    /// Every open session, ascending.
    pub fn open_sessions(&self) -> Vec<SessionId> {
        let mut v: Vec<SessionId> = self
            .slots
            .iter()
            .map(|s| s.session.load(Ordering::Acquire))
            .filter(|&s| s != 0)
            .map(SessionId)
            .collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn ids_skip_occupied_slots_and_owners_are_found() {
        let alloc = SessionAllocator::new(0).unwrap();
        let table = SessionTable::new().unwrap();
        let a = table.open(&alloc, 3);
        assert_eq!(a, SessionId(1));
        assert_eq!(table.owner(a), Some(3));
        // An id that maps onto a's slot while a is open is skipped.
        alloc.round[0].0.store(TABLE_SLOTS as u64, Ordering::Relaxed);
        let b = table.open(&alloc, 1);
        assert_eq!(b, SessionId(TABLE_SLOTS as u64 + 2));
        assert_eq!(table.open_sessions(), vec![a, b]);
        table.close(a);
        assert_eq!(table.owner(a), None);
        assert_eq!(table.open_sessions(), vec![b]);
    }
}
