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

// SAFETY: zero is a valid value of every atomic integer, and they are only
// changed through atomic operations.
unsafe impl ZeroShared for std::sync::atomic::AtomicU32 {}
unsafe impl ZeroShared for std::sync::atomic::AtomicU64 {}
unsafe impl ZeroShared for std::sync::atomic::AtomicI64 {}
// SAFETY: an array of zero-valid shared values is itself zero-valid.
unsafe impl<T: ZeroShared, const N: usize> ZeroShared for [T; N] {}

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

/// Bytes of zeroed shared memory laid out by their user (a table's header,
/// index and rows): typed views into it are handed out by offset.
pub struct SharedRegion {
    /// Start of the mapping.
    ptr: NonNull<u8>,
    /// Its size in bytes.
    len: usize,
}

// SAFETY: the region is only read and written through ZeroShared (atomic) views.
unsafe impl Send for SharedRegion {}
unsafe impl Sync for SharedRegion {}

impl SharedRegion {
    /// Maps `bytes` zeroed bytes (at least one) shared with every later child.
    pub fn new(bytes: usize) -> io::Result<Self> {
        let len = bytes.max(1);
        Ok(SharedRegion { ptr: map_shared(len)?, len })
    }

    /// The mapping's size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: a region has at least one byte.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// `count` values of `T` starting `offset` bytes in.
    ///
    /// Panics when the range leaves the region or is misaligned for `T`.
    pub fn slice<T: ZeroShared>(&self, offset: usize, count: usize) -> &[T] {
        let size = std::mem::size_of::<T>().checked_mul(count).and_then(|b| b.checked_add(offset));
        assert!(size.is_some_and(|end| end <= self.len), "shared region view out of bounds");
        assert_eq!(offset % std::mem::align_of::<T>(), 0, "misaligned shared region view");
        // SAFETY: in bounds and aligned (checked above); the mapping is zero-filled,
        // which ZeroShared types accept, and lives as long as `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().add(offset).cast::<T>(), count) }
    }
}

impl Drop for SharedRegion {
    fn drop(&mut self) {
        // SAFETY: unmapping exactly what new() mapped, in this process only.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.len) };
    }
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
    // SAFETY: one atomic, valid at zero.
    unsafe impl ZeroShared for Counter {}

    #[test]
    fn a_child_writes_what_the_parent_reads() {
        use crate::fork::{exit_now, fork_child, ForkOptions, ParentSignals};
        let _no_other_fork = crate::FORK_LOCK.lock();
        let shared = SharedSlice::<Counter>::new(2).unwrap();
        let opts = ForkOptions { name: "test", id: None, signals: ParentSignals::Untouched, die_with_parent: false };
        let child = |_: &mut ()| {
            shared[1].0.store(42, Ordering::SeqCst);
            0
        };
        let pid = nix::unistd::Pid::from_raw(fork_child(opts, &mut (), child, |_, code| exit_now(code)).unwrap());
        assert_eq!(nix::sys::wait::waitpid(pid, None).unwrap(), nix::sys::wait::WaitStatus::Exited(pid, 0));
        assert_eq!(shared[1].0.load(Ordering::SeqCst), 42);
        assert_eq!(shared[0].0.load(Ordering::SeqCst), 0);
    }
}
