//! `swoole_client_select()`: one `poll(2)` over three lists of descriptors
//! (read, write, except), built the way Swoole builds it so the count it
//! returns is Swoole's: every read entry is a poll entry of its own; a write
//! or except entry joins the entry of the same descriptor if there is one.

use std::os::fd::RawFd;

/// What a list waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    Read,
    Write,
    Except,
}

impl Wait {
    fn events(self) -> i16 {
        match self {
            Wait::Read => libc::POLLIN,
            Wait::Write => libc::POLLOUT,
            Wait::Except => libc::POLLHUP,
        }
    }
}

/// The poll set being built, then its result.
#[derive(Default)]
pub struct PollSet {
    fds: Vec<libc::pollfd>,
}

impl PollSet {
    /// Adds `fd` for `wait`.
    pub fn add(&mut self, fd: RawFd, wait: Wait) {
        if wait != Wait::Read
            && let Some(entry) = self.fds.iter_mut().find(|p| p.fd == fd)
        {
            entry.events |= wait.events();
            return;
        }
        self.fds.push(libc::pollfd { fd, events: wait.events(), revents: 0 });
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.fds.is_empty()
    }

    /// Waits up to `timeout` seconds (negative: for ever); the number of
    /// entries that have an event (an invalid descriptor counts: POLLNVAL).
    pub fn wait(&mut self, timeout: f64) -> std::io::Result<usize> {
        let ms = if timeout < 0.0 { -1 } else { (timeout * 1000.0).min(i32::MAX as f64) as i32 };
        loop {
            // SAFETY: poll(2) reads and writes our own array of pollfd, of
            // the length given. libc, not nix: the descriptors are numbers
            // from the script, some perhaps not open (Swoole counts their
            // POLLNVAL), and nix's PollFd needs a live BorrowedFd for each.
            let n = unsafe { libc::poll(self.fds.as_mut_ptr(), self.fds.len() as libc::nfds_t, ms) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    /// After [`wait`](Self::wait): whether `fd` is ready for `wait`; `None`
    /// when `fd` was never added.
    pub fn ready(&self, fd: RawFd, wait: Wait) -> Option<bool> {
        self.fds.iter().find(|p| p.fd == fd).map(|p| p.revents & wait.events() != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_and_counts() {
        use std::os::fd::AsRawFd;
        let (a, b) = crate::process::socket_pair(crate::process::PipeType::Stream).unwrap();
        let pair = [a.as_raw_fd(), b.as_raw_fd()];
        let mut set = PollSet::default();
        set.add(pair[0], Wait::Read);
        set.add(pair[0], Wait::Read);
        set.add(pair[0], Wait::Write);
        assert_eq!(set.wait(0.0).unwrap(), 1, "the write joined the first read entry");
        assert_eq!(set.ready(pair[0], Wait::Read), Some(false));
        assert_eq!(set.ready(pair[0], Wait::Write), Some(true));
        assert_eq!(set.ready(pair[1], Wait::Read), None);
        crate::process::write_all(&b, b"x").unwrap();
        let mut set = PollSet::default();
        set.add(pair[0], Wait::Read);
        set.add(99_999, Wait::Write);
        assert_eq!(set.wait(1.0).unwrap(), 2);
        assert_eq!(set.ready(pair[0], Wait::Read), Some(true));
        assert_eq!(set.ready(99_999, Wait::Write), Some(false));
    }
}
