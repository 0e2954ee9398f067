//! The system side of `Swoole\Process`: socket pairs, waiting for children,
//! SysV message queues, CPU affinity and priority. Wrappers over nix with
//! errors as `io::Error`, descriptors as `OwnedFd`/`AsFd`; libc only for
//! what nix does not wrap (each such call says why).

use nix::sys::socket::{self, AddressFamily, SockFlag, SockType};
use std::io;
use std::os::fd::{AsFd, OwnedFd, RawFd};

/// How a process's pipe is made (`Swoole\Process::PIPE_TYPE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipeType {
    None,
    Stream,
    Dgram,
}

impl PipeType {
    /// Swoole: 0 = none, 1 = stream, anything else = datagram.
    pub fn from_raw(raw: i64) -> PipeType {
        match raw {
            0 => PipeType::None,
            1 => PipeType::Stream,
            _ => PipeType::Dgram,
        }
    }
}

fn check(rc: libc::c_int) -> io::Result<libc::c_int> {
    if rc < 0 { Err(io::Error::last_os_error()) } else { Ok(rc) }
}

/// A connected unix socket pair: (parent's end, child's end).
pub fn socket_pair(kind: PipeType) -> io::Result<(OwnedFd, OwnedFd)> {
    let ty = if kind == PipeType::Stream { SockType::Stream } else { SockType::Datagram };
    Ok(socket::socketpair(AddressFamily::Unix, ty, None, SockFlag::SOCK_CLOEXEC)?)
}

/// `socketpair(domain, ty, protocol)`, close-on-exec
/// (`swoole_coroutine_socketpair()`). `ty` may carry SOCK_NONBLOCK and
/// SOCK_CLOEXEC. Linux pairs only AF_UNIX sockets, whose one protocol is
/// 0 (or PF_UNIX): any other is EPROTONOSUPPORT, as the kernel says.
pub fn socket_pair_of(domain: i32, ty: i32, protocol: i32) -> io::Result<(OwnedFd, OwnedFd)> {
    let errno = |e: i32| io::Error::from_raw_os_error(e);
    let family = AddressFamily::from_i32(domain).ok_or_else(|| errno(libc::EAFNOSUPPORT))?;
    let flag_bits = libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC;
    let kind = SockType::try_from(ty & !flag_bits).map_err(|_| errno(libc::EINVAL))?;
    if protocol != 0 && !(domain == libc::AF_UNIX && protocol == libc::PF_UNIX) {
        return Err(errno(libc::EPROTONOSUPPORT));
    }
    let flags = SockFlag::from_bits_truncate(ty & flag_bits) | SockFlag::SOCK_CLOEXEC;
    Ok(socket::socketpair(family, kind, None, flags)?)
}

/// How a child ended (`Process::wait()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reaped {
    pub pid: i32,
    pub code: i32,
    pub signal: i32,
}

/// `waitpid(-1)`: the next child that ended; `None` if there is none (or,
/// not blocking, none ended yet).
///
/// libc, not nix: nix's `WaitStatus` names the signal with its `Signal`
/// enum, which has no real-time signals, so a child killed by SIGRTMIN+n
/// would be reaped and reported as an error, its pid lost.
pub fn wait_any(blocking: bool) -> Option<Reaped> {
    let mut status = 0;
    loop {
        // SAFETY: waitpid(-1) writes the status into our local; it only
        // reaps our own children.
        let pid = unsafe { libc::waitpid(-1, &mut status, if blocking { 0 } else { libc::WNOHANG }) };
        if pid < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        if pid <= 0 {
            return None;
        }
        let (code, signal) = if libc::WIFSIGNALED(status) {
            (0, libc::WTERMSIG(status))
        } else {
            (libc::WEXITSTATUS(status), 0)
        };
        return Some(Reaped { pid, code, signal });
    }
}

/// Reads up to `max` bytes (blocking unless the fd is not).
pub fn read_some(fd: impl AsFd, max: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; max];
    loop {
        match nix::unistd::read(fd.as_fd(), &mut buf) {
            Ok(n) => {
                buf.truncate(n);
                return Ok(buf);
            }
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Writes all of `data` (one datagram on a datagram socket); on a
/// non-blocking fd, what fits, and `WouldBlock` only if nothing did.
pub fn write_all(fd: impl AsFd, data: &[u8]) -> io::Result<usize> {
    match write_some(fd, data)? {
        0 if !data.is_empty() => Err(io::Error::from_raw_os_error(libc::EAGAIN)),
        done => Ok(done),
    }
}

/// Writes what the fd takes of `data` without blocking on a full
/// non-blocking fd: the count written, 0 included.
pub fn write_some(fd: impl AsFd, data: &[u8]) -> io::Result<usize> {
    let mut done = 0;
    while done < data.len() {
        match nix::unistd::write(fd.as_fd(), &data[done..]) {
            Ok(n) => done += n,
            Err(nix::errno::Errno::EAGAIN) => break,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(done)
}

/// Makes `fd` blocking or not, on the descriptor its owner lends (an
/// `OwnedFd`, a socket; a number someone else owns goes through
/// [`crate::fd::borrowed`] first).
pub fn set_blocking(fd: &impl AsFd, blocking: bool) -> io::Result<()> {
    use nix::fcntl::{fcntl, FcntlArg, OFlag};
    let flags = OFlag::from_bits_retain(fcntl(fd.as_fd(), FcntlArg::F_GETFL)?);
    let flags = if blocking { flags - OFlag::O_NONBLOCK } else { flags | OFlag::O_NONBLOCK };
    fcntl(fd.as_fd(), FcntlArg::F_SETFL(flags))?;
    Ok(())
}

/// Sets SO_RCVTIMEO and SO_SNDTIMEO.
pub fn set_timeout(fd: impl AsFd, seconds: f64) -> io::Result<()> {
    use nix::sys::socket::sockopt::{ReceiveTimeout, SendTimeout};
    use nix::sys::time::TimeVal;
    let tv = TimeVal::new(seconds.trunc() as libc::time_t, (seconds.fract() * 1e6) as libc::suseconds_t);
    socket::setsockopt(&fd, ReceiveTimeout, &tv)?;
    socket::setsockopt(&fd, SendTimeout, &tv)?;
    Ok(())
}

/// A SysV message queue (`useQueue`/`push`/`pop`).
#[derive(Debug, Clone, Copy)]
pub struct MsgQueue {
    pub id: i32,
    pub key: i32,
    /// `IPC_NOWAIT` on send and receive.
    pub nowait: bool,
}

/// The largest message `push()` takes (Swoole: 65536).
pub const MSG_MAX: usize = 65536;

/// A message as msgsnd/msgrcv see it.
#[repr(C)]
struct MsgBuf {
    mtype: libc::c_long,
    mtext: [u8; MSG_MAX],
}

impl MsgQueue {
    /// Opens (creating if needed) the queue with `key`; `capacity` bytes if > 0.
    pub fn open(key: i32, nowait: bool, capacity: i64) -> io::Result<MsgQueue> {
        // SAFETY: msgget on a key; no memory of ours is involved. (SysV
        // message queues: nix has no wrapper for any of msgget, msgctl,
        // msgsnd, msgrcv, ftok.)
        let id = check(unsafe { libc::msgget(key, libc::IPC_CREAT | 0o666) })?;
        if capacity > 0 {
            let mut ds = zeroed_msqid_ds();
            // SAFETY: msgctl reads into / writes from our own msqid_ds.
            check(unsafe { libc::msgctl(id, libc::IPC_STAT, &mut ds) })?;
            ds.msg_qbytes = capacity as libc::msglen_t;
            // SAFETY: as above.
            check(unsafe { libc::msgctl(id, libc::IPC_SET, &mut ds) })?;
        }
        Ok(MsgQueue { id, key, nowait })
    }

    /// The key `ftok(path, 1)` gives.
    pub fn key_of(path: &str) -> io::Result<i32> {
        let c = crate::error::c_string(path)?;
        // SAFETY: ftok reads the path.
        let k = unsafe { libc::ftok(c.as_ptr(), 1) };
        if k == -1 { Err(io::Error::last_os_error()) } else { Ok(k) }
    }

    /// Sends `data` with message type `mtype`. Ok(false) when full and non-blocking.
    pub fn push(&self, mtype: i64, data: &[u8]) -> io::Result<bool> {
        let mut msg = Box::new(MsgBuf { mtype: mtype as libc::c_long, mtext: [0; MSG_MAX] });
        msg.mtext[..data.len()].copy_from_slice(data);
        let flags = if self.nowait { libc::IPC_NOWAIT } else { 0 };
        loop {
            // SAFETY: msg is a valid msgbuf with data.len() bytes of text.
            let rc = unsafe { libc::msgsnd(self.id, (&*msg as *const MsgBuf).cast(), data.len(), flags) };
            if rc == 0 {
                return Ok(true);
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => return Ok(false),
                _ => return Err(e),
            }
        }
    }

    /// Receives one message of type `mtype` (0 = any). Ok(None) when there is
    /// none and non-blocking.
    pub fn pop(&self, mtype: i64, size: usize) -> io::Result<Option<Vec<u8>>> {
        let mut msg = Box::new(MsgBuf { mtype: 0, mtext: [0; MSG_MAX] });
        let size = size.min(MSG_MAX);
        let flags = if self.nowait { libc::IPC_NOWAIT } else { 0 };
        // SAFETY: msg has room for `size` bytes of text.
        let n = unsafe { libc::msgrcv(self.id, (&mut *msg as *mut MsgBuf).cast(), size, mtype as libc::c_long, flags) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return match e.raw_os_error() {
                Some(libc::ENOMSG) | Some(libc::EINTR) | Some(libc::EAGAIN) => Ok(None),
                _ => Err(e),
            };
        }
        Ok(Some(msg.mtext[..n as usize].to_vec()))
    }

    /// (messages waiting, bytes waiting).
    pub fn stat(&self) -> io::Result<(u64, u64)> {
        let mut ds = zeroed_msqid_ds();
        // SAFETY: msgctl fills ds.
        check(unsafe { libc::msgctl(self.id, libc::IPC_STAT, &mut ds) })?;
        Ok((ds.msg_qnum, ds.__msg_cbytes))
    }

    /// Removes the queue from the system.
    pub fn free(&self) -> io::Result<()> {
        // SAFETY: removing our queue.
        check(unsafe { libc::msgctl(self.id, libc::IPC_RMID, std::ptr::null_mut()) }).map(|_| ())
    }
}

/// An all-zero `msqid_ds`, for msgctl to fill.
fn zeroed_msqid_ds() -> libc::msqid_ds {
    // SAFETY: msqid_ds is plain integers (no pointers, no enums): all-zero
    // is a valid value.
    unsafe { std::mem::zeroed() }
}

/// Pins this process to `cpus`.
pub fn set_affinity(cpus: &[usize]) -> io::Result<()> {
    use nix::sched::{sched_setaffinity, CpuSet};
    let mut set = CpuSet::new();
    for &c in cpus {
        set.set(c)?;
    }
    Ok(sched_setaffinity(nix::unistd::Pid::from_raw(0), &set)?)
}

/// The CPUs this process may run on.
pub fn affinity() -> io::Result<Vec<usize>> {
    use nix::sched::{sched_getaffinity, CpuSet};
    let set = sched_getaffinity(nix::unistd::Pid::from_raw(0))?;
    Ok((0..CpuSet::count()).filter(|&c| set.is_set(c).unwrap_or(false)).collect())
}


/// `daemonize`: the calling process runs `before_parent_exit` (PHP's output
/// flushed) and exits, so the shell gets its prompt back; the server goes on
/// in a forked child, in a new session, its stdin from /dev/null and its
/// stdout/stderr to the log file (or /dev/null), as Swoole does. If the fork
/// fails, this process goes on the same way.
pub fn daemonize(before_parent_exit: impl FnOnce()) {
    use std::os::fd::IntoRawFd;
    // SAFETY: the master is single-threaded before it forks anything (rule 2
    // of docs/ARCHITECTURE.md); the parent only exits.
    if let Ok(nix::unistd::ForkResult::Parent { .. }) = unsafe { nix::unistd::fork() } {
        before_parent_exit();
        crate::fork::exit_now(0);
    }
    let _ = nix::unistd::setsid();
    let null = nix::fcntl::open("/dev/null", nix::fcntl::OFlag::O_RDWR, nix::sys::stat::Mode::empty());
    if let Ok(null) = null {
        let _ = nix::unistd::dup2_stdin(&null);
        crate::log::redirect_stdio(std::os::fd::AsRawFd::as_raw_fd(&null));
        if std::os::fd::AsRawFd::as_raw_fd(&null) <= 2 {
            // It is one of the standard descriptors now: keep it open.
            let _ = null.into_raw_fd();
        }
    }
}

/// `kill(pid, signo)`; signal 0 only checks that the process exists. A
/// number nix does not name (a real-time signal) goes to libc as it is.
pub fn send_signal(pid: i32, signo: i32) -> io::Result<()> {
    use nix::sys::signal::{kill, Signal};
    use nix::unistd::Pid;
    let sent = match signo {
        0 => kill(Pid::from_raw(pid), None),
        _ => match Signal::try_from(signo) {
            Ok(sig) => kill(Pid::from_raw(pid), sig),
            // SAFETY: kill(2) with plain integers; the kernel checks them.
            Err(_) => return if unsafe { libc::kill(pid, signo) } == 0 { Ok(()) } else { Err(io::Error::last_os_error()) },
        },
    };
    sent.map_err(io::Error::from)
}

/// A close-on-exec duplicate of `fd`.
pub fn dup_cloexec(fd: impl AsFd) -> io::Result<OwnedFd> {
    fd.as_fd().try_clone_to_owned()
}

/// Makes `fd` this process's descriptor `target` (0, 1, 2: stdin, stdout,
/// stderr), as dup2(2); any other target is EBADF.
pub fn dup_onto(fd: impl AsFd, target: RawFd) -> io::Result<()> {
    use nix::unistd::{dup2_stderr, dup2_stdin, dup2_stdout};
    match target {
        0 => dup2_stdin(fd)?,
        1 => dup2_stdout(fd)?,
        2 => dup2_stderr(fd)?,
        _ => return Err(io::Error::from_raw_os_error(libc::EBADF)),
    }
    Ok(())
}

/// Shuts down one direction of socket `fd` (`read`: SHUT_RD, else SHUT_WR).
pub fn shutdown_socket(fd: impl AsFd, read: bool) -> bool {
    use nix::sys::socket::Shutdown;
    use std::os::fd::AsRawFd;
    socket::shutdown(fd.as_fd().as_raw_fd(), if read { Shutdown::Read } else { Shutdown::Write }).is_ok()
}

/// `setitimer(which, usec)`: the interval timer `which` (ITIMER_REAL,
/// ITIMER_VIRTUAL, ITIMER_PROF) fires every `usec` microseconds (0 clears
/// it). nix has no wrapper for setitimer.
pub fn set_interval_timer(which: i32, usec: i64) -> io::Result<()> {
    let tv = libc::timeval { tv_sec: (usec / 1_000_000) as libc::time_t, tv_usec: (usec % 1_000_000) as libc::suseconds_t };
    let timer = libc::itimerval { it_interval: tv, it_value: tv };
    // SAFETY: `timer` is a valid itimerval; the old value is not asked for.
    if unsafe { libc::setitimer(which as _, &timer, std::ptr::null_mut()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// `setpriority(which, who, priority)` (nix has no wrapper).
pub fn set_priority(which: i64, who: i64, priority: i32) -> io::Result<()> {
    // SAFETY: setpriority(2) with plain integers; the kernel checks them.
    if unsafe { libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, priority) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// `getpriority(which, who)` (nix has no wrapper); -1 is a valid priority,
/// so errno tells a failure apart.
pub fn get_priority(which: i64, who: i64) -> io::Result<i32> {
    nix::errno::Errno::clear();
    // SAFETY: getpriority(2) with plain integers; the kernel checks them.
    let p = unsafe { libc::getpriority(which as libc::__priority_which_t, who as libc::id_t) };
    match nix::errno::Errno::last_raw() {
        0 => Ok(p),
        errno if p == -1 => Err(io::Error::from_raw_os_error(errno)),
        _ => Ok(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_round_trip_and_wait() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let (a, b) = socket_pair(PipeType::Dgram).unwrap();
        write_all(&a, b"ping").unwrap();
        assert_eq!(read_some(&b, 100).unwrap(), b"ping");
        let opts = crate::fork::ForkOptions {
            name: "test",
            id: None,
            signals: crate::fork::ParentSignals::Untouched,
            die_with_parent: false,
        };
        let pid = crate::fork::fork_child(opts, &mut (), |_| 7, |_, code| crate::fork::exit_now(code)).unwrap();
        let r = wait_any(true).unwrap();
        assert_eq!((r.pid, r.code, r.signal), (pid, 7, 0));
    }

    #[test]
    fn socket_pair_of_takes_flags_and_refuses_what_the_kernel_would() {
        let (a, _b) = socket_pair_of(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_NONBLOCK, 0).unwrap();
        assert_eq!(read_some(&a, 8).unwrap_err().kind(), io::ErrorKind::WouldBlock, "SOCK_NONBLOCK was applied");
        set_blocking(&a, true).unwrap();
        set_timeout(&a, 0.05).unwrap();
        assert_eq!(read_some(&a, 8).unwrap_err().kind(), io::ErrorKind::WouldBlock, "the timeout ended the read");
        let errno = |r: io::Result<(OwnedFd, OwnedFd)>| r.unwrap_err().raw_os_error();
        assert_eq!(errno(socket_pair_of(libc::AF_UNIX, libc::SOCK_STREAM, 6)), Some(libc::EPROTONOSUPPORT));
        assert_eq!(errno(socket_pair_of(libc::AF_INET, libc::SOCK_STREAM, 0)), Some(libc::EOPNOTSUPP));
        assert!(socket_pair_of(libc::AF_UNIX, libc::SOCK_DGRAM, libc::PF_UNIX).is_ok());
    }

    #[test]
    fn message_queue_push_pop_stat_free() {
        let q = MsgQueue::open(libc::IPC_PRIVATE, true, -1).unwrap();
        assert!(q.push(1, b"hello").unwrap());
        assert_eq!(q.stat().unwrap(), (1, 5));
        assert_eq!(q.pop(0, 65536).unwrap(), Some(b"hello".to_vec()));
        assert_eq!(q.pop(0, 65536).unwrap(), None, "empty and non-blocking");
        q.free().unwrap();
    }

    #[test]
    fn affinity_round_trip() {
        let cpus = affinity().unwrap();
        assert!(!cpus.is_empty());
        set_affinity(&cpus).unwrap();
    }
}
