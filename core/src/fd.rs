//! Descriptors as the PHP objects hold them: a slot that owns one
//! ([`FdSlot`], the pipe ends of `Swoole\Process`, an exported socket), and
//! a descriptor *number* this code does not own ([`borrowed`]): one the
//! script handed us (`Swoole\Event::add($fd)`, `Process::daemon($pipes)`),
//! or one a caller that keeps numbers holds open for the call.

use std::cell::{Ref, RefCell};
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd, RawFd};

/// A descriptor an object owns until it closes it (or is dropped).
#[derive(Debug, Default)]
pub struct FdSlot {
    /// The descriptor; `None` once closed (or when there never was one).
    fd: RefCell<Option<OwnedFd>>,
}

impl FdSlot {
    /// A slot owning `fd` (or empty).
    pub fn new(fd: Option<OwnedFd>) -> FdSlot {
        FdSlot { fd: RefCell::new(fd) }
    }

    /// The descriptor, while it is open.
    pub fn get(&self) -> Option<Ref<'_, OwnedFd>> {
        Ref::filter_map(self.fd.borrow(), Option::as_ref).ok()
    }

    /// Its number, -1 when closed: what PHP sees (`$process->pipe`).
    pub fn raw(&self) -> RawFd {
        self.fd.borrow().as_ref().map_or(-1, AsRawFd::as_raw_fd)
    }

    /// Whether the slot still holds a descriptor.
    pub fn is_open(&self) -> bool {
        self.fd.borrow().is_some()
    }

    /// Closes the descriptor if the slot has one; true when one was closed
    /// without error (close(2)'s answer, which dropping an `OwnedFd` hides).
    pub fn close(&self) -> bool {
        self.fd.borrow_mut().take().is_some_and(|fd| nix::unistd::close(fd).is_ok())
    }
}

/// Runs `call` with descriptor number `fd`, which someone else owns (the
/// PHP script, or the caller); EBADF for a negative one. `call` must only
/// hand the descriptor to system calls (it cannot keep it: the borrow ends
/// with `call`).
pub fn borrowed<R>(fd: RawFd, call: impl FnOnce(BorrowedFd<'_>) -> io::Result<R>) -> io::Result<R> {
    if fd < 0 {
        return Err(io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: we neither close nor keep the descriptor; the borrow lives
    // only through `call`, which passes it to system calls: if its owner
    // closed it, the kernel answers EBADF (or, had the number been reused,
    // acts on the descriptor its owner now has under it, as Swoole's C
    // calls do). No memory depends on it. nix takes only borrowed
    // descriptors, and a number is all PHP (or such a caller) gives.
    call(unsafe { BorrowedFd::borrow_raw(fd) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_closes_once_and_a_negative_number_is_ebadf() {
        use nix::sys::socket::{socketpair, AddressFamily, SockFlag, SockType};
        let (a, _b) = socketpair(AddressFamily::Unix, SockType::Stream, None, SockFlag::SOCK_CLOEXEC).unwrap();
        let raw = a.as_raw_fd();
        let slot = FdSlot::new(Some(a));
        assert_eq!(slot.raw(), raw);
        assert!(slot.get().is_some() && slot.is_open());
        assert!(slot.close());
        assert!(!slot.close(), "nothing left to close");
        assert_eq!(slot.raw(), -1);
        let e = borrowed(-1, |_| Ok(())).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::EBADF));
    }
}
