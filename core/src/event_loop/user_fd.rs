//! `Swoole\Event::add` fds on the loop's epoll: registered level-triggered
//! (as Swoole's Event API) with their own tokens, and `Event::write`'s
//! queue, sent as the fd becomes writable. The loop ([`crate::event_loop`])
//! holds the table ([`UserFds`]) and hands it its poller; nothing here
//! reaches back into the loop.

use crate::process::write_some;
use crate::tokens::USER_TOKEN_BASE;
use mio::Poll;
use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, RawFd};

/// What a `Swoole\Event::add` registration waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Interest2 {
    pub read: bool,
    pub write: bool,
}

/// One `Swoole\Event::add` registration.
#[derive(Debug, Default)]
struct UserFd {
    /// What the PHP callbacks wait for.
    interest: Interest2,
    /// Bytes `Event::write` queued that the fd has not taken yet.
    out: Vec<u8>,
}

impl UserFd {
    /// What epoll watches: the callbacks' interest, plus writability while
    /// queued bytes wait.
    fn effective(&self) -> Interest2 {
        Interest2 { read: self.interest.read, write: self.interest.write || !self.out.is_empty() }
    }
}

fn epoll_events(i: Interest2) -> u32 {
    (if i.read { libc::EPOLLIN as u32 } else { 0 }) | (if i.write { libc::EPOLLOUT as u32 } else { 0 })
}

/// `epoll_ctl(op)` for `fd` on `poll`, level-triggered (as Swoole's
/// reactor and Event API: a callback that leaves data unread is called
/// again), under `token` (mio hands it back from the event's `u64`).
///
/// The one raw epoll call of the loop, and why it is raw: mio registers
/// every source edge-triggered (it always adds EPOLLET), nix's `Epoll`
/// must own the epoll descriptor, which mio's `Poll` owns, and `fd` is
/// often a number the script gave (`Event::add($fd)`).
pub(super) fn level_ctl(poll: &Poll, op: i32, fd: RawFd, interest: Interest2, token: usize) -> io::Result<()> {
    let mut ev = libc::epoll_event { events: epoll_events(interest), u64: token as u64 };
    // SAFETY: epoll_ctl reads our epoll_event; both descriptors are plain
    // numbers the kernel checks (EBADF), and no memory depends on them.
    if unsafe { libc::epoll_ctl(poll.as_raw_fd(), op, fd, &mut ev) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn epoll_ctl(poll: &Poll, op: i32, fd: RawFd, interest: Interest2) -> io::Result<()> {
    level_ctl(poll, op, fd, interest, USER_TOKEN_BASE + fd as usize)
}

/// [`write_some`] on descriptor number `fd` (the script's).
fn write_number(fd: RawFd, data: &[u8]) -> io::Result<usize> {
    crate::fd::borrowed(fd, |fd| write_some(fd, data))
}

/// The loop's `Swoole\Event::add` registrations, by fd.
#[derive(Debug, Default)]
pub(super) struct UserFds {
    /// Each added fd's interest and write queue.
    fds: HashMap<RawFd, UserFd>,
}

impl UserFds {
    /// Whether no fd is added (they keep the loop running).
    pub(super) fn is_empty(&self) -> bool {
        self.fds.is_empty()
    }

    /// `Event::add`: fails with EEXIST if `fd` is already added.
    pub(super) fn add(&mut self, poll: &Poll, fd: RawFd, interest: Interest2) -> io::Result<()> {
        if self.fds.contains_key(&fd) {
            return Err(io::Error::from_raw_os_error(libc::EEXIST));
        }
        epoll_ctl(poll, libc::EPOLL_CTL_ADD, fd, interest)?;
        self.fds.insert(fd, UserFd { interest, out: Vec::new() });
        Ok(())
    }

    /// `Event::set`: changes what `fd` waits for.
    pub(super) fn set(&mut self, poll: &Poll, fd: RawFd, interest: Interest2) -> io::Result<()> {
        let Some(u) = self.fds.get_mut(&fd) else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
        u.interest = interest;
        epoll_ctl(poll, libc::EPOLL_CTL_MOD, fd, u.effective())
    }

    /// `Event::del`.
    pub(super) fn del(&mut self, poll: &Poll, fd: RawFd) -> bool {
        if self.fds.remove(&fd).is_none() {
            return false;
        }
        // The fd may already be closed by PHP; the kernel dropped it then.
        let _ = epoll_ctl(poll, libc::EPOLL_CTL_DEL, fd, Interest2::default());
        true
    }

    /// `Event::isset`: what `fd` waits for, if it was added.
    pub(super) fn interest(&self, fd: RawFd) -> Option<Interest2> {
        self.fds.get(&fd).map(|u| u.interest)
    }

    /// `Event::write`: writes what the fd takes now and queues the rest,
    /// sent when the fd becomes writable. The fd must have been added.
    pub(super) fn write(&mut self, poll: &Poll, fd: RawFd, data: &[u8]) -> io::Result<()> {
        let Some(u) = self.fds.get_mut(&fd) else { return Err(io::Error::from_raw_os_error(libc::ENOENT)) };
        let mut written = 0;
        if u.out.is_empty() {
            written = write_number(fd, data)?;
        }
        if written < data.len() {
            let was_empty = u.out.is_empty();
            u.out.extend_from_slice(&data[written..]);
            if was_empty {
                epoll_ctl(poll, libc::EPOLL_CTL_MOD, fd, u.effective())?;
            }
        }
        Ok(())
    }

    /// Sends queued `Event::write` bytes; true if the queue is now empty.
    pub(super) fn flush(&mut self, poll: &Poll, fd: RawFd) -> bool {
        let Some(u) = self.fds.get_mut(&fd) else { return true };
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
            let _ = epoll_ctl(poll, libc::EPOLL_CTL_MOD, fd, u.effective());
            return true;
        }
        false
    }
}
