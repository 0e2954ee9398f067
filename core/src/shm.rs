//! Anonymous shared memory, mapped before fork so that every process of one
//! server reads and writes the same counters.

use std::io;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Types whose all-zero bit pattern is a valid value and that are safe to share
/// between processes (atomics and arrays of them).
///
/// # Safety
/// Implementors must be valid when zero-filled and must only be mutated through
/// atomic operations.
pub unsafe trait ZeroShared: Sync {}

/// A zero-filled `[T; len]` in a `MAP_SHARED | MAP_ANONYMOUS` mapping.
pub struct SharedSlice<T: ZeroShared> {
    /// Start of the mapping.
    ptr: NonNull<T>,
    /// Number of `T` in the mapping.
    len: usize,
    _owns: PhantomData<T>,
}

// SAFETY: T is ZeroShared (Sync, mutated only atomically); the mapping lives until drop.
unsafe impl<T: ZeroShared> Send for SharedSlice<T> {}
unsafe impl<T: ZeroShared> Sync for SharedSlice<T> {}

impl<T: ZeroShared> SharedSlice<T> {
    /// Maps `len` zeroed elements (at least one).
    pub fn new(len: usize) -> io::Result<Self> {
        let len = len.max(1);
        let ptr = map_shared(std::mem::size_of::<T>() * len)?;
        Ok(SharedSlice { ptr: ptr.cast(), len, _owns: PhantomData })
    }
}

/// `bytes` of zeroed memory shared with every process forked after this
/// call (`MAP_SHARED | MAP_ANONYMOUS`); the caller unmaps it.
pub(crate) fn map_shared(bytes: usize) -> io::Result<NonNull<u8>> {
    // SAFETY: a fresh anonymous mapping; checked for MAP_FAILED below.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    Ok(NonNull::new(p.cast()).expect("mmap returned null"))
}

impl<T: ZeroShared> std::ops::Deref for SharedSlice<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: the mapping holds `len` zero-initialised (hence valid) T.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: ZeroShared> Drop for SharedSlice<T> {
    fn drop(&mut self) {
        // SAFETY: unmapping exactly what new() mapped.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), std::mem::size_of::<T>() * self.len) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    struct Counter(AtomicU64);
    unsafe impl ZeroShared for Counter {}

    #[test]
    fn a_child_writes_what_the_parent_reads() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let shared = SharedSlice::<Counter>::new(2).unwrap();
        // SAFETY: the child only touches the shared atomic and _exits.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            shared[1].0.store(42, Ordering::SeqCst);
            unsafe { libc::_exit(0) };
        }
        let mut status = 0;
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert_eq!(shared[1].0.load(Ordering::SeqCst), 42);
        assert_eq!(shared[0].0.load(Ordering::SeqCst), 0);
    }
}
