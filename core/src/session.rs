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
