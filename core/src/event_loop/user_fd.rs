//! `Swoole\Event::add` fds on the loop's epoll: registered level-triggered
//! (as Swoole's Event API) with their own tokens, and `Event::write`'s
//! queue, sent as the fd becomes writable.

use super::{with, with_existing, EventLoop, Interest2, USER_TOKEN_BASE};
use crate::process::write_some;
use std::io;
use std::os::fd::{AsRawFd, RawFd};

/// One `Swoole\Event::add` registration.
#[derive(Debug, Default)]
pub(super) struct UserFd {
    /// What the PHP callbacks wait for.
    pub(super) interest: Interest2,
    /// Bytes `Event::write` queued that the fd has not taken yet.
    pub(super) out: Vec<u8>,
}

impl UserFd {
    /// What epoll watches: the callbacks' interest, plus writability while
    /// queued bytes wait.
    pub(super) fn effective(&self) -> Interest2 {
        Interest2 { read: self.interest.read, write: self.interest.write || !self.out.is_empty() }
    }
}

fn epoll_events(i: Interest2) -> u32 {
    (if i.read { libc::EPOLLIN as u32 } else { 0 }) | (if i.write { libc::EPOLLOUT as u32 } else { 0 })
}

/// `epoll_ctl(op)` for `fd` on this process's loop, level-triggered (as
/// Swoole's reactor and Event API: a callback that leaves data unread is
/// called again), under `token` (mio hands it back from the event's `u64`).
///
/// The one raw epoll call of the loop, and why it is raw: mio registers
/// every source edge-triggered (it always adds EPOLLET), nix's `Epoll`
/// must own the epoll descriptor, which mio's `Poll` owns, and `fd` is
/// often a number the script gave (`Event::add($fd)`).
pub(crate) fn level_ctl(l: &EventLoop, op: i32, fd: RawFd, interest: Interest2, token: usize) -> io::Result<()> {
    let mut ev = libc::epoll_event { events: epoll_events(interest), u64: token as u64 };
    // SAFETY: epoll_ctl reads our epoll_event; both descriptors are plain
    // numbers the kernel checks (EBADF), and no memory depends on them.
    if unsafe { libc::epoll_ctl(l.poll.as_raw_fd(), op, fd, &mut ev) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn epoll_ctl(l: &EventLoop, op: i32, fd: RawFd, interest: Interest2) -> io::Result<()> {
    level_ctl(l, op, fd, interest, USER_TOKEN_BASE + fd as usize)
}

/// [`write_some`] on descriptor number `fd` (the script's).
fn write_number(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    crate::fd::borrowed(fd, |fd| write_some(fd, data))
}

/// `Event::add`: fails with EEXIST if `fd` is already added.
pub fn user_add(fd: RawFd, interest: Interest2) -> io::Result<()> {
    with(|l| {
        if l.user.contains_key(&fd) {
            return Err(io::Error::from_raw_os_error(libc::EEXIST));
        }
        epoll_ctl(l, libc::EPOLL_CTL_ADD, fd, interest)?;
        l.user.insert(fd, UserFd { interest, out: Vec::new() });
        Ok(())
    })?
}

/// `Event::set`: changes what `fd` waits for.
pub fn user_set(fd: RawFd, interest: Interest2) -> io::Result<()> {
    with(|l| {
        let Some(u) = l.user.get_mut(&fd) else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
        u.interest = interest;
        let effective = u.effective();
        epoll_ctl(l, libc::EPOLL_CTL_MOD, fd, effective)
    })?
}

/// `Event::del`.
pub fn user_del(fd: RawFd) -> bool {
    with_existing(|l| {
        if l.user.remove(&fd).is_none() {
            return false;
        }
        // The fd may already be closed by PHP; the kernel dropped it then.
        let _ = epoll_ctl(l, libc::EPOLL_CTL_DEL, fd, Interest2::default());
        true
    })
    .unwrap_or(false)
}

/// `Event::isset`: what `fd` waits for, if it was added.
pub fn user_interest(fd: RawFd) -> Option<Interest2> {
    with_existing(|l| l.user.get(&fd).map(|u| u.interest)).flatten()
}

/// `Event::write`: writes what the fd takes now and queues the rest, which
/// the loop sends when the fd becomes writable. The fd must have been added.
pub fn user_write(fd: RawFd, data: &[u8]) -> io::Result<()> {
    with(|l| {
        let Some(u) = l.user.get_mut(&fd) else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
        let mut written = 0;
        if u.out.is_empty() {
            written = write_number(fd, data)?;
        }
        if written < data.len() {
            let was_empty = u.out.is_empty();
            u.out.extend_from_slice(&data[written..]);
            if was_empty {
                let effective = u.effective();
                epoll_ctl(l, libc::EPOLL_CTL_MOD, fd, effective)?;
            }
        }
        Ok(())
    })?
}

/// Sends queued `Event::write` bytes; true if the queue is now empty.
pub(super) fn flush_user(fd: RawFd) -> bool {
    with_existing(|l| {
        let Some(u) = l.user.get_mut(&fd) else { return true };
        if u.out.is_empty() {
            return true;
        }
        match write_number(fd, &u.out) {
            Ok(n) => {
                u.out.drain(..n);
            }
            Err(_) => u.out.clear(),
        }
        if u.out.is_empty() {
            let effective = u.effective();
            let _ = epoll_ctl(l, libc::EPOLL_CTL_MOD, fd, effective);
            return true;
        }
        false
    })
    .unwrap_or(true)
}

