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
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
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

fn check(rc: libc::c_int) -> io::Result<libc::c_int> {
    if rc < 0 { Err(io::Error::last_os_error()) } else { Ok(rc) }
}

/// Makes a socket's buffers big enough for a whole message (the kernel caps
/// them at `net.core.wmem_max`/`rmem_max`).
fn size_buffers(fd: RawFd, bytes: usize) {
    let n = bytes.min(i32::MAX as usize) as libc::c_int;
    for opt in [libc::SO_SNDBUF, libc::SO_RCVBUF] {
        // SAFETY: setting an int option on our own socket.
        unsafe { libc::setsockopt(fd, libc::SOL_SOCKET, opt, (&n as *const libc::c_int).cast(), 4) };
    }
}

impl Pool {
    /// The pool's IPC for `worker_num` workers. `msgqueue_key` 0 makes a
    /// private queue.
    pub fn new(worker_num: usize, ipc: IpcType, msgqueue_key: i32) -> io::Result<Pool> {
        let mut pipes = Vec::new();
        if ipc == IpcType::UnixSock {
            for _ in 0..worker_num {
                let (a, b) = crate::process::socket_pair(crate::process::PipeType::Dgram)?;
                // SAFETY: socket_pair handed us two fresh descriptors.
                let (master, worker) = unsafe { (OwnedFd::from_raw_fd(a), OwnedFd::from_raw_fd(b)) };
                size_buffers(master.as_raw_fd(), DEFAULT_MAX_PACKAGE_SIZE * 2);
                size_buffers(worker.as_raw_fd(), DEFAULT_MAX_PACKAGE_SIZE * 2);
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
            // SAFETY: getpid has no preconditions.
            owner: unsafe { libc::getpid() },
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
    pub fn worker_fd(&self, id: usize) -> Option<RawFd> {
        self.pipes.get(id).map(|p| p.worker.as_raw_fd())
    }

    /// The end any process writes worker `id`'s messages into.
    pub fn master_fd(&self, id: usize) -> Option<RawFd> {
        self.pipes.get(id).map(|p| p.master.as_raw_fd())
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
        let fd = self.master_fd(dst).ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        send_datagram(fd, data, SEND_WAIT)
    }
}

/// Sends `data` as one datagram on `fd`, waiting up to `wait` while the
/// receiver's queue is full. The descriptor's own blocking mode (shared by
/// every process holding it) is left alone.
pub fn send_datagram(fd: RawFd, data: &[u8], wait: Duration) -> io::Result<()> {
    let deadline = Instant::now() + wait;
    loop {
        // SAFETY: sending from our buffer on a descriptor we were given.
        let n = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
        if n >= 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) => {}
            _ => return Err(e),
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(e);
        }
        let mut pfd = libc::pollfd { fd, events: libc::POLLOUT, revents: 0 };
        // SAFETY: one pollfd of ours.
        unsafe { libc::poll(&mut pfd, 1, left.as_millis().clamp(1, i32::MAX as u128) as i32) };
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // SAFETY: getpid has no preconditions.
        if unsafe { libc::getpid() } != self.owner {
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
fn readable(fd: RawFd, ms: i32) -> bool {
    let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd of ours.
    unsafe { libc::poll(&mut pfd, 1, ms) == 1 }
}

/// Receives one datagram into `buf` without blocking: `Ok(None)` when
/// there is none, `Ok(Some(Err(len)))` when it was larger than `buf` (it is
/// dropped), otherwise the message length.
pub fn recv_datagram(fd: RawFd, buf: &mut [u8]) -> io::Result<Option<Result<usize, usize>>> {
    loop {
        // SAFETY: receiving into our buffer; MSG_TRUNC reports the real size.
        let n = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT | libc::MSG_TRUNC) };
        if n >= 0 {
            let n = n as usize;
            return Ok(Some(if n > buf.len() { Err(n) } else { Ok(n) }));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) => return Ok(None),
            _ => return Err(e),
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
    crate::event_loop::with(|_| ())?;
    let epfd = crate::event_loop::poll_fd().ok_or_else(|| io::Error::other("no event loop"))?;
    let events = if write { libc::EPOLLOUT } else { libc::EPOLLIN } as u32;
    let mut ev = libc::epoll_event { events, u64: token.0 as u64 };
    // SAFETY: registering a descriptor of ours with this process's epoll
    // instance; mio hands the token back from `u64`.
    check(unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) }).map(|_| ())
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
        let fd = pool.worker_fd(1).unwrap();
        assert!(readable(fd, 1000));
        let mut buf = [0u8; 64];
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Ok(5)));
        assert_eq!(&buf[..5], b"hello");
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Ok(0)));
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), Some(Err(100)), "larger than the buffer: dropped");
        assert_eq!(recv_datagram(fd, &mut buf).unwrap(), None);
        assert!(pool.send_message(2, b"x").is_err(), "no worker 2");
        assert_eq!(pool.worker_fd(0).map(|f| f >= 0), Some(true));
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
