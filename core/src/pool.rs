//! `Swoole\Process\Pool` without PHP: the pool's IPC (what a worker's
//! messages come through) and the worker table every process of the pool
//! shares.
//!
//! Everything here is created in the master before any fork, so the workers
//! inherit it:
//!
//! - `SWOOLE_IPC_UNIXSOCK`: one unix datagram socket pair per worker. Any
//!   process of the pool writes a message into the master end; the worker
//!   reads it from its own end. Each datagram is one message, as Swoole.
//! - `SWOOLE_IPC_MSGQUEUE`: a SysV message queue at `$msgqueue_key`; any
//!   program may feed it (`msg_send`, `Swoole\Process::push`). A message is
//!   the raw text of one queue message, whatever its type.
//! - `SWOOLE_IPC_SOCKET`: a listening TCP or unix stream socket; each
//!   connection carries one length-prefixed request ([`crate::pool_socket`]).
//!
//! The master's supervision is [`crate::pool_master`]; a worker's loop is
//! [`crate::pool_worker`].

use crate::listener::{BoundListener, ListenError, SockType};
use crate::process::MsgQueue;
use crate::shm::{SharedSlice, ZeroShared};
use std::io;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{self, sockopt, MsgFlags};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// `SWOOLE_IPC_*`: how messages reach the workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpcType {
    /// No messages: workers run their own code (and loop).
    None,
    /// Per-worker unix datagram sockets; `sendMessage()`.
    UnixSock,
    /// A SysV message queue.
    MsgQueue,
    /// A listening socket; `listen()`, `write()`.
    Socket,
}

impl IpcType {
    /// Swoole's numbering; an unknown value means no IPC, as in Swoole.
    pub fn from_raw(raw: i64) -> IpcType {
        match raw {
            1 => IpcType::UnixSock,
            2 => IpcType::MsgQueue,
            3 => IpcType::Socket,
            _ => IpcType::None,
        }
    }

    /// The `SWOOLE_IPC_*` value.
    pub fn raw(self) -> i64 {
        match self {
            IpcType::None => 0,
            IpcType::UnixSock => 1,
            IpcType::MsgQueue => 2,
            IpcType::Socket => 3,
        }
    }
}

/// How long a worker has to stop after SIGTERM (reload, shutdown) before it
/// is killed: Swoole's default `max_wait_time`.
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(3);
/// The largest message a worker takes (`max_package_size`; Swoole: 2 MiB).
pub const DEFAULT_MAX_PACKAGE_SIZE: usize = 2 * 1024 * 1024;
/// How long `sendMessage()` waits for room in a worker's socket before it
/// gives up (a worker that stopped reading must not hang the sender).
pub const SEND_WAIT: Duration = Duration::from_secs(5);

/// The pool's settings (`set()`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PoolSettings {
    /// Grace period of a stopping worker (`max_wait_time`).
    pub max_wait: Duration,
    /// The largest message (`max_package_size`).
    pub max_package_size: usize,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings { max_wait: DEFAULT_MAX_WAIT, max_package_size: DEFAULT_MAX_PACKAGE_SIZE }
    }
}

/// One worker's row, in memory every process of the pool shares.
#[derive(Default)]
pub struct WorkerSlot {
    /// The pid serving this worker id (0 while none).
    pub pid: AtomicI32,
    /// A worker that called `detach()` leaves its pid here for the master,
    /// which then starts its replacement.
    pub detached: AtomicI32,
}

// SAFETY: atomics only; zero is "no pid".
unsafe impl ZeroShared for WorkerSlot {}

/// One worker's datagram socket pair.
#[derive(Debug)]
struct Pipe {
    /// Where messages for the worker are written (by any process).
    master: OwnedFd,
    /// Where the worker reads them.
    worker: OwnedFd,
}

/// Why `listen()` failed.
#[derive(Debug)]
pub enum PoolListenError {
    /// `listen()` was already called.
    AlreadyListening,
    /// The socket could not be bound or put into listen state.
    Listen(ListenError),
}

/// The pool's resources: created by the constructor and `listen()`,
/// inherited by every worker, released with the PHP object.
pub struct Pool {
    /// How messages reach the workers.
    ipc: IpcType,
    /// `SWOOLE_IPC_UNIXSOCK`: one socket pair per worker.
    pipes: Vec<Pipe>,
    /// `SWOOLE_IPC_MSGQUEUE`: the queue.
    queue: Option<MsgQueue>,
    /// The queue was made for this pool alone (key 0): removed with it.
    private_queue: bool,
    /// `SWOOLE_IPC_SOCKET`: the listening socket, once `listen()` ran.
    listener: Option<BoundListener>,
    /// The worker table, shared with every worker.
    slots: SharedSlice<WorkerSlot>,
    /// The process that made the pool (only it removes the queue and the
    /// unix socket file).
    owner: i32,
}

/// Makes a socket's buffers big enough for a whole message (the kernel caps
/// them at `net.core.wmem_max`/`rmem_max`).
fn size_buffers(fd: &OwnedFd, bytes: usize) {
    let n = bytes.min(i32::MAX as usize);
    let _ = socket::setsockopt(fd, sockopt::SndBuf, &n);
    let _ = socket::setsockopt(fd, sockopt::RcvBuf, &n);
}

impl Pool {
    /// The pool's IPC for `worker_num` workers. `msgqueue_key` 0 makes a
    /// private queue.
    pub fn new(worker_num: usize, ipc: IpcType, msgqueue_key: i32) -> io::Result<Pool> {
        let mut pipes = Vec::new();
        if ipc == IpcType::UnixSock {
            for _ in 0..worker_num {
                let (master, worker) = crate::process::socket_pair(crate::process::PipeType::Dgram)?;
                size_buffers(&master, DEFAULT_MAX_PACKAGE_SIZE * 2);
                size_buffers(&worker, DEFAULT_MAX_PACKAGE_SIZE * 2);
                pipes.push(Pipe { master, worker });
            }
        }
        let queue = match ipc {
            IpcType::MsgQueue => Some(MsgQueue::open(msgqueue_key, false, -1)?),
            _ => None,
        };
        Ok(Pool {
            ipc,
            pipes,
            queue,
            private_queue: msgqueue_key == libc::IPC_PRIVATE,
            listener: None,
            slots: SharedSlice::new(worker_num)?,
            owner: nix::unistd::getpid().as_raw(),
        })
    }

    pub fn ipc(&self) -> IpcType {
        self.ipc
    }

    pub fn worker_num(&self) -> usize {
        self.slots.len()
    }

    /// `listen($host, $port, $backlog)`: a TCP socket, or a unix one when
    /// `host` is `unix:/path`.
    pub fn listen(&mut self, host: &str, port: u16, backlog: i32) -> Result<(), PoolListenError> {
        if self.listener.is_some() {
            return Err(PoolListenError::AlreadyListening);
        }
        let bound = match host.strip_prefix("unix:") {
            Some(path) if path.starts_with('/') => BoundListener::bind(path, 0, SockType::UnixStream),
            _ if host.contains(':') => BoundListener::bind(host, port, SockType::Tcp6),
            _ => BoundListener::bind(host, port, SockType::Tcp),
        }
        .map_err(PoolListenError::Listen)?;
        bound.listen(backlog).map_err(PoolListenError::Listen)?;
        self.listener = Some(bound);
        Ok(())
    }

    /// The listening socket (`SWOOLE_IPC_SOCKET` after `listen()`).
    pub fn listener_fd(&self) -> Option<RawFd> {
        self.listener.as_ref().map(BoundListener::raw_fd)
    }

    /// The queue (`SWOOLE_IPC_MSGQUEUE`).
    pub fn queue(&self) -> Option<MsgQueue> {
        self.queue
    }

    /// Worker `id`'s end of its socket pair (`SWOOLE_IPC_UNIXSOCK`).
    pub fn worker_fd(&self, id: usize) -> Option<BorrowedFd<'_>> {
        self.pipes.get(id).map(|p| p.worker.as_fd())
    }

    /// The end any process writes worker `id`'s messages into.
    pub fn master_fd(&self, id: usize) -> Option<BorrowedFd<'_>> {
        self.pipes.get(id).map(|p| p.master.as_fd())
    }

    /// The shared row of worker `id`.
    pub fn slot(&self, id: usize) -> Option<&WorkerSlot> {
        self.slots.get(id)
    }

    /// The pid serving worker `id` now (0 while none).
    pub fn worker_pid(&self, id: usize) -> i32 {
        self.slot(id).map_or(0, |s| s.pid.load(Ordering::Acquire))
    }

    /// `sendMessage($data, $dst)`: one datagram into worker `dst`'s socket,
    /// waiting up to [`SEND_WAIT`] for room.
    pub fn send_message(&self, dst: usize, data: &[u8]) -> io::Result<()> {
        let pipe = self.pipes.get(dst).ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        send_datagram(pipe.master.as_fd(), data, SEND_WAIT)
    }
}

/// Sends `data` as one datagram on `fd`, waiting up to `wait` while the
/// receiver's queue is full. The descriptor's own blocking mode (shared by
/// every process holding it) is left alone.
pub fn send_datagram(fd: BorrowedFd<'_>, data: &[u8], wait: Duration) -> io::Result<()> {
    let deadline = Instant::now() + wait;
    loop {
        let e = match socket::send(fd.as_raw_fd(), data, MsgFlags::MSG_DONTWAIT | MsgFlags::MSG_NOSIGNAL) {
            Ok(_) => return Ok(()),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e @ nix::errno::Errno::EAGAIN) => e,
            Err(e) => return Err(e.into()),
        };
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(e.into());
        }
        let _ = poll(&mut [PollFd::new(fd, PollFlags::POLLOUT)], poll_ms(left));
    }
}

/// `left` as poll's timeout: whole milliseconds, at least 1.
pub(crate) fn poll_ms(left: Duration) -> PollTimeout {
    PollTimeout::try_from(left.as_millis().clamp(1, i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX)
}

impl Drop for Pool {
    fn drop(&mut self) {
        if nix::unistd::getpid().as_raw() != self.owner {
            return;
        }
        if let (Some(q), true) = (self.queue, self.private_queue) {
            let _ = q.free();
        }
        if let Some(path) = self.listener.as_ref().and_then(|l| l.path.clone()) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether `fd` becomes readable within `ms` milliseconds (tests).
#[cfg(test)]
fn readable(fd: BorrowedFd<'_>, ms: u16) -> bool {
    poll(&mut [PollFd::new(fd, PollFlags::POLLIN)], ms) == Ok(1)
}

/// Receives one datagram into `buf` without blocking: `Ok(None)` when
/// there is none, `Ok(Some(Err(len)))` when it was larger than `buf` (it is
/// dropped), otherwise the message length.
pub fn recv_datagram(fd: RawFd, buf: &mut [u8]) -> io::Result<Option<Result<usize, usize>>> {
    loop {
        // MSG_TRUNC: the answer is the datagram's real size.
        match socket::recv(fd, buf, MsgFlags::MSG_DONTWAIT | MsgFlags::MSG_TRUNC) {
            Ok(n) => return Ok(Some(if n > buf.len() { Err(n) } else { Ok(n) })),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::EAGAIN) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Puts `fd` into this process's event loop, level-triggered (as Swoole's
/// reactor), under `token`: its events reach the loop handler's `on_other`.
pub fn loop_add(fd: RawFd, token: mio::Token, write: bool) -> io::Result<()> {
    loop_ctl(libc::EPOLL_CTL_ADD, fd, token, write)
}

/// Changes what `fd` (added with [`loop_add`]) waits for.
pub fn loop_mod(fd: RawFd, token: mio::Token, write: bool) -> io::Result<()> {
    loop_ctl(libc::EPOLL_CTL_MOD, fd, token, write)
}

/// Takes `fd` out of the loop.
pub fn loop_del(fd: RawFd) {
    let _ = loop_ctl(libc::EPOLL_CTL_DEL, fd, mio::Token(0), false);
}

fn loop_ctl(op: i32, fd: RawFd, token: mio::Token, write: bool) -> io::Result<()> {
    let interest = crate::event_loop::Interest2 { read: !write, write };
    crate::event_loop::with(|l| l.level_ctl(op, fd, interest, token.0))?
}

/// A loop handler that passes every callback on to `inner`, except the
/// signals in `drop_signals`; with `keep_alive` the loop does not end for
/// want of work (a queue worker's queue, a master about to fork).
pub(crate) struct Relay<'a> {
    pub inner: &'a mut dyn crate::event_loop::LoopHandler,
    pub drop_signals: &'static [i32],
    pub keep_alive: bool,
}

impl crate::event_loop::LoopHandler for Relay<'_> {
    fn on_signal(&mut self, signo: i32) -> crate::event_loop::Flow {
        if self.drop_signals.contains(&signo) { crate::event_loop::Flow::Continue } else { self.inner.on_signal(signo) }
    }
    fn on_user_fd(&mut self, fd: RawFd, readable: bool, writable: bool) -> crate::event_loop::Flow {
        self.inner.on_user_fd(fd, readable, writable)
    }
    fn on_timer(&mut self, due: crate::timer::Due) -> crate::event_loop::Flow {
        self.inner.on_timer(due)
    }
    fn on_defer(&mut self) -> crate::event_loop::Flow {
        self.inner.on_defer()
    }
    fn on_cycle(&mut self) -> crate::event_loop::Flow {
        self.inner.on_cycle()
    }
    fn plan(&mut self) -> crate::event_loop::Plan {
        let p = self.inner.plan();
        crate::event_loop::Plan { keep_alive: p.keep_alive || self.keep_alive, ..p }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unixsock_messages_are_datagrams_and_too_big_ones_are_reported() {
        let pool = Pool::new(2, IpcType::UnixSock, 0).unwrap();
        assert_eq!(pool.worker_num(), 2);
        pool.send_message(1, b"hello").unwrap();
        pool.send_message(1, b"").unwrap();
        pool.send_message(1, &[7u8; 100]).unwrap();
        assert!(readable(pool.worker_fd(1).unwrap(), 1000));
        let fd = pool.worker_fd(1).unwrap().as_raw_fd();
        let mut buf = [0u8; 64];
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Ok(5)));
        assert_eq!(&buf[..5], b"hello");
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Ok(0)));
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Err(100)), "larger than the buffer: dropped");
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), None);
        assert!(pool.send_message(2, b"x").is_err(), "no worker 2");
        assert_eq!(pool.worker_fd(0).map(|f| f.as_raw_fd() >= 0), Some(true));
    }

    #[test]
    fn a_private_queue_goes_with_its_pool_and_listen_twice_fails() {
        let pool = Pool::new(1, IpcType::MsgQueue, 0).unwrap();
        let q = pool.queue().unwrap();
        assert!(q.push(3, b"x").unwrap());
        drop(pool);
        assert!(q.stat().is_err(), "the private queue was removed");

        let mut pool = Pool::new(1, IpcType::Socket, 0).unwrap();
        pool.listen("127.0.0.1", 0, 16).unwrap();
        assert!(pool.listener_fd().is_some());
        assert!(matches!(pool.listen("127.0.0.1", 0, 16), Err(PoolListenError::AlreadyListening)));
        let path = std::env::temp_dir().join(format!("swoole-pool-{}.sock", std::process::id()));
        let mut unix = Pool::new(1, IpcType::Socket, 0).unwrap();
        unix.listen(&format!("unix:{}", path.display()), 0, 16).unwrap();
        assert!(path.exists());
        drop(unix);
        assert!(!path.exists(), "the socket file goes with the pool");
    }

    #[test]
    fn ipc_numbers_round_trip() {
        for raw in 0..4 {
            assert_eq!(IpcType::from_raw(raw).raw(), raw);
        }
        assert_eq!(IpcType::from_raw(7), IpcType::None);
    }
}
