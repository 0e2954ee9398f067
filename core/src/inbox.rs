//! Every worker's inbox: a unix datagram socket any process of the server can
//! write to, so that `send()`/`close()` on a session reach the worker that owns
//! the connection (Swoole forwards through the owner's pipe the same way).
//!
//! A message is one or more datagrams: a fixed header (check-then-parse, as in
//! mini-redis's framing) followed by a slice of the payload. Messages larger
//! than one datagram are split and put back together by (sender, message id).
//!
//! PROCESS mode's connection traffic between reactor threads and event
//! workers goes over shared-memory rings instead ([`crate::ring`]).

use crate::session::SessionId;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::io;
use std::time::Instant;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{self, MsgFlags};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};

pub use crate::message::{Kind, Message, SendFileRequest, TaskHeader};

/// This thread's id (cached; read again in a forked child).
fn own_tid() -> u32 {
    let pid = nix::unistd::getpid().as_raw() as u32;
    TID.with(|t| {
        let (cached_pid, tid) = t.get();
        if cached_pid == pid {
            return tid;
        }
        let tid = nix::unistd::gettid().as_raw() as u32;
        t.set((pid, tid));
        NEXT_ID.with(|n| n.set(0));
        tid
    })
}

/// Ids of this thread's inbox messages (unique together with its thread id),
/// so a receiver can join the chunks of one message.
fn next_message_id() -> u64 {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// Header: kind u8, last-chunk flag u8, aux u16, sender thread id u32,
/// message id u64, session u64, total payload length u64 (little-endian).
const HEADER: usize = 32;
/// Payload bytes per datagram: well under the socket buffer, so a datagram is
/// never refused for its size.
pub const CHUNK: usize = 64 * 1024 - HEADER;
/// The socket buffer each inbox asks for (room for several chunks).
const SOCKET_BUFFER: i32 = 4 * 1024 * 1024;

thread_local! {
    /// This process's own inbox read end, while it serves one.
    static OWN: Cell<Option<RawFd>> = const { Cell::new(None) };
    /// The own inbox's messages read but not handled yet (taken while a send
    /// waited for room elsewhere, or packed several to a datagram), and the
    /// partial ones.
    static BACKLOG: RefCell<Reassembler> = RefCell::new(Default::default());
    /// The last message id this thread used (reset in a forked child).
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
    /// This thread's id for chunk headers, with the pid it was read in (a
    /// forked child must not send under its parent's id).
    static TID: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
    /// One receive buffer per process (a datagram is at most this big).
    static RECV_BUF: RefCell<Vec<u8>> = RefCell::new(vec![0u8; HEADER + CHUNK]);
}

/// Marks `fd` as this process's inbox (a worker or task worker), so sends
/// that wait for room keep it drained: two processes sending to each other's
/// full inbox would otherwise wait for each other forever.
pub fn serve_own(fd: Option<RawFd>) {
    OWN.with(|o| o.set(fd));
    BACKLOG.with(|b| *b.borrow_mut() = Default::default());
}

/// Receives one datagram from `fd` into the process's buffer and hands it to `f`.
fn recv_one<R>(fd: RawFd, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    RECV_BUF.with(|b| {
        let mut buf = b.borrow_mut();
        loop {
            match socket::recv(fd, &mut buf[..], MsgFlags::MSG_DONTWAIT) {
                Ok(n) => return Some(f(&buf[..n])),
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => return None,
            }
        }
    })
}

/// Moves what waits in the own inbox into the backlog.
fn drain_own_into_backlog() {
    let Some(fd) = OWN.with(|o| o.get()) else { return };
    BACKLOG.with(|b| {
        let re = &mut *b.borrow_mut();
        while recv_one(fd, |d| re.push(d)).is_some() {}
    });
}

/// The next whole message of the own inbox (the backlog first), reading no
/// more datagrams than it needs: a task worker that reaches its
/// `task_max_request` leaves the rest in the socket for its successor.
pub fn next_own() -> Option<Message> {
    if let Some(m) = BACKLOG.with(|b| b.borrow_mut().pop()) {
        return Some(m);
    }
    let fd = OWN.with(|o| o.get())?;
    loop {
        recv_one(fd, |d| BACKLOG.with(|b| b.borrow_mut().push(d)))?;
        if let Some(m) = BACKLOG.with(|b| b.borrow_mut().pop()) {
            return Some(m);
        }
    }
}

/// Takes the own inbox's messages read and not handled (a worker ending on
/// a failure gives them back to its inbox for its successor).
pub fn take_own_ready() -> Vec<Message> {
    BACKLOG.with(|b| b.borrow_mut().ready.drain(..).collect())
}

/// Sends one datagram gathered from `parts`, waiting while the inbox is full.
fn send_datagram(fd: RawFd, parts: &[&[u8]], deadline: Option<Instant>) -> io::Result<()> {
    let iov: Vec<io::IoSlice> = parts.iter().map(|p| io::IoSlice::new(p)).collect();
    loop {
        match socket::sendmsg::<()>(fd, &iov, &[], MsgFlags::MSG_DONTWAIT, None) {
            Ok(_) => return Ok(()),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::EAGAIN) => {
                if !wait_for_room(fd, deadline) {
                    return Err(io::Error::from(io::ErrorKind::TimedOut));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// The inboxes of all workers: (read end, write end) per worker id, created
/// before fork so every process holds every write end. They close when the
/// last holder of the server's shared state drops it (the end of `start()`).
pub struct Inboxes {
    /// Per worker id: the end it reads, the end every process writes to.
    ends: Vec<(OwnedFd, OwnedFd)>,
}

impl Inboxes {
    pub fn new(workers: usize) -> io::Result<Inboxes> {
        use nix::sys::socket::{setsockopt, socketpair, sockopt, AddressFamily, SockFlag, SockType};
        let mut ends = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (read, write) = socketpair(AddressFamily::Unix, SockType::Datagram, None, SockFlag::SOCK_CLOEXEC)?;
            for fd in [&read, &write] {
                // Best effort, as before: the kernel caps them at its maximum.
                let _ = setsockopt(fd, sockopt::SndBuf, &(SOCKET_BUFFER as usize));
                let _ = setsockopt(fd, sockopt::RcvBuf, &(SOCKET_BUFFER as usize));
            }
            ends.push((read, write));
        }
        Ok(Inboxes { ends })
    }

    /// Worker `id`'s read end (the worker makes it non-blocking and polls it).
    pub fn read_end(&self, id: usize) -> Option<RawFd> {
        self.read_fd(id).map(|fd| fd.as_raw_fd())
    }

    /// [`Inboxes::read_end`], lent by its owner: what a system call on it
    /// (`fcntl`, `register`) takes while the inboxes are at hand.
    pub fn read_fd(&self, id: usize) -> Option<BorrowedFd<'_>> {
        self.ends.get(id).map(|e| e.0.as_fd())
    }

    /// Sends a `kind` message about `session` to worker `id`'s inbox, in
    /// chunks straight from `payload` (blocking while the inbox is full).
    pub fn send(&self, id: usize, kind: Kind, session: SessionId, payload: &[u8]) -> io::Result<()> {
        self.send_aux(id, kind, session, 0, payload)
    }

    /// [`Inboxes::send`] with the header's `aux` field set.
    pub fn send_aux(&self, id: usize, kind: Kind, session: SessionId, aux: u16, payload: &[u8]) -> io::Result<()> {
        self.send_until(id, kind, session, aux, payload, None)
    }

    /// [`Inboxes::send_aux`] that gives up (`TimedOut`) when the inbox has
    /// no room by `deadline` (`socket_send_timeout` of `finish()`).
    pub fn send_until(
        &self,
        id: usize,
        kind: Kind,
        session: SessionId,
        aux: u16,
        payload: &[u8],
        deadline: Option<Instant>,
    ) -> io::Result<()> {
        let Some(fd) = self.ends.get(id).map(|e| e.1.as_raw_fd()) else { return Err(io::Error::from_raw_os_error(libc::EINVAL)) };
        // Thread ids are unique across the system (the main thread's is the
        // pid): chunks of two reactor threads never mix.
        let sender = own_tid();
        let msg_id = next_message_id();
        let total = payload.len();
        let mut offset = 0;
        loop {
            let end = (offset + CHUNK).min(total);
            let last = end == total;
            let mut head = [0u8; HEADER];
            head[0] = kind as u8;
            head[1] = last as u8;
            head[2..4].copy_from_slice(&aux.to_le_bytes());
            head[4..8].copy_from_slice(&sender.to_le_bytes());
            head[8..16].copy_from_slice(&msg_id.to_le_bytes());
            head[16..24].copy_from_slice(&session.0.to_le_bytes());
            head[24..32].copy_from_slice(&(total as u64).to_le_bytes());
            send_datagram(fd, &[&head, &payload[offset..end]], deadline)?;
            offset = end;
            if last {
                return Ok(());
            }
        }
    }
}

/// Waits until `fd` takes a datagram, draining the own inbox meanwhile;
/// false once `deadline` has passed.
fn wait_for_room(fd: RawFd, deadline: Option<Instant>) -> bool {
    let own = OWN.with(|o| o.get());
    let now = Instant::now();
    if deadline.is_some_and(|d| d <= now) {
        return false;
    }
    let ms = deadline.map_or(1000, |d| (d - now).as_millis().clamp(1, 1000) as u16);
    // Both are inbox ends the server's shared state holds open.
    let own_readable = crate::fd::borrowed(fd, |peer| {
        let Some(own) = own else {
            let _ = poll(&mut [PollFd::new(peer, PollFlags::POLLOUT)], ms);
            return Ok(false);
        };
        crate::fd::borrowed(own, |own| {
            let mut pfds = [PollFd::new(peer, PollFlags::POLLOUT), PollFd::new(own, PollFlags::POLLIN)];
            let _ = poll(&mut pfds, ms);
            Ok(pfds[1].revents().is_some_and(|r| r.contains(PollFlags::POLLIN)))
        })
    });
    if own_readable.unwrap_or(false) {
        drain_own_into_backlog();
    }
    true
}

/// Puts chunked messages back together on the receiving side.
#[derive(Default)]
pub struct Reassembler {
    /// Partial messages by (sender thread id, message id).
    partial: HashMap<(u32, u64), Message>,
    /// Whole messages not taken yet, oldest first.
    ready: VecDeque<Message>,
}

/// Whether this process's own inbox has a message half read, or messages
/// read and not handled (a datagram may pack several): a stopping worker
/// handles them first, so its successor never gets a tail and none is lost.
pub fn own_has_pending() -> bool {
    BACKLOG.with(|b| {
        let b = b.borrow();
        !b.partial.is_empty() || !b.ready.is_empty()
    })
}

/// Whether this process's own inbox has whole messages read and not
/// handled yet (a send that waited for room read them): no readiness event
/// will report them.
pub fn own_has_ready() -> bool {
    BACKLOG.with(|b| !b.borrow().ready.is_empty())
}

impl Reassembler {
    /// The oldest whole message received.
    pub fn pop(&mut self) -> Option<Message> {
        self.ready.pop_front()
    }

    /// Takes one datagram: the message it completes, if any, becomes ready.
    /// Malformed datagrams are dropped (they can only come from a bug).
    pub fn push(&mut self, dgram: &[u8]) {
        if dgram.len() < HEADER {
            return;
        }
        let Some(kind) = Kind::from_u8(dgram[0]) else { return };
        let last = dgram[1] != 0;
        let aux = u16::from_le_bytes([dgram[2], dgram[3]]);
        let field = |r: std::ops::Range<usize>| u64::from_le_bytes(dgram[r].try_into().unwrap_or([0; 8]));
        let sender = u32::from_le_bytes([dgram[4], dgram[5], dgram[6], dgram[7]]);
        let msg_id = field(8..16);
        let session = SessionId(field(16..24));
        let total = field(24..32) as usize;
        let body = &dgram[HEADER..];
        let key = (sender, msg_id);
        if last && !self.partial.contains_key(&key) {
            // The common case: a message in one datagram.
            if body.len() == total {
                self.ready.push_back(Message { kind, session, aux, payload: body.to_vec() });
            }
            return;
        }
        let entry = self.partial.entry(key).or_insert_with(|| Message {
            kind,
            session,
            aux,
            payload: Vec::with_capacity(total.min(64 << 20)),
        });
        entry.payload.extend_from_slice(body);
        if last && let Some(msg) = self.partial.remove(&key).filter(|m| m.payload.len() == total) {
            self.ready.push_back(msg);
        }
    }
}

/// How long [`recv_timeout`] polls without sleeping: a `taskwait()` on a short
/// task is answered within this, and a sleep/wake-up pair costs more.
const SPIN_BEFORE_SLEEP: std::time::Duration = std::time::Duration::from_micros(50);

/// Waits up to `timeout` for the next whole message on a (non-blocking)
/// inbox read end; `None` when the time is up.
pub fn recv_timeout(fd: RawFd, re: &mut Reassembler, timeout: std::time::Duration) -> Option<Message> {
    let start = std::time::Instant::now();
    let deadline = start + timeout;
    loop {
        if let Some(m) = re.pop() {
            return Some(m);
        }
        if recv_one(fd, |d| re.push(d)).is_some() {
            continue;
        }
        // A short task answers within microseconds: look again for a while
        // before paying for a sleep and a wake-up.
        if start.elapsed() < SPIN_BEFORE_SLEEP {
            std::hint::spin_loop();
            continue;
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return None;
        }
        let ms = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
        let ms = PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX);
        // An inbox read end the caller holds open.
        let _ = crate::fd::borrowed(fd, |fd| Ok(poll(&mut [PollFd::new(fd, PollFlags::POLLIN)], ms)));
    }
}

/// Reads every datagram waiting on an inbox read end.
pub fn drain(fd: RawFd, re: &mut Reassembler) -> Vec<Message> {
    while recv_one(fd, |d| re.push(d)).is_some() {}
    re.ready.drain(..).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_chunked_messages_arrive_whole() {
        let inboxes = Inboxes::new(1).unwrap();
        let fd = inboxes.read_end(0).unwrap();
        let big: Vec<u8> = (0..200_000u32).map(|i| i as u8).collect();
        inboxes.send(0, Kind::Send, SessionId(7), b"hi").unwrap();
        inboxes.send(0, Kind::Send, SessionId(8), &big).unwrap();
        inboxes.send(0, Kind::Reset, SessionId(9), &[]).unwrap();
        let mut re = Reassembler::default();
        let got = drain(fd, &mut re);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].payload, b"hi");
        assert_eq!((got[1].session, got[1].payload.len()), (SessionId(8), 200_000));
        assert_eq!(got[1].payload, big);
        assert_eq!((got[2].kind, got[2].session), (Kind::Reset, SessionId(9)));
    }

    #[test]
    fn task_header_round_trip_and_recv_timeout() {
        let h = TaskHeader { flags: 6, worker: 1, task_id: 42, reply: 3, origin: 4242 };
        let payload = h.encode(b"data");
        assert_eq!(TaskHeader::decode(&payload), Some((h, &b"data"[..])));
        assert_eq!(TaskHeader::decode(b"short"), None);
        let inboxes = Inboxes::new(1).unwrap();
        crate::process::set_blocking(&inboxes.read_fd(0).unwrap(), false).unwrap();
        let fd = inboxes.read_end(0).unwrap();
        let mut re = Reassembler::default();
        let t = std::time::Instant::now();
        assert_eq!(recv_timeout(fd, &mut re, std::time::Duration::from_millis(30)), None);
        assert!(t.elapsed() >= std::time::Duration::from_millis(29));
        inboxes.send(0, Kind::Finish, SessionId(0), &payload).unwrap();
        let got = recv_timeout(fd, &mut re, std::time::Duration::from_secs(1)).unwrap();
        assert_eq!((got.kind, got.payload), (Kind::Finish, payload));
    }

    #[test]
    fn garbage_is_dropped() {
        let mut re = Reassembler::default();
        re.push(b"short");
        re.push(&[9u8; HEADER]);
        assert_eq!(re.pop(), None, "short and unknown-kind datagrams are dropped");
    }

    #[test]
    fn dropping_the_inboxes_closes_their_sockets() {
        let inboxes = Inboxes::new(1).unwrap();
        // A second handle on the write end: it outlives the Inboxes.
        let writer = nix::unistd::dup(&inboxes.ends[0].1).unwrap();
        assert!(nix::unistd::write(&writer, b"x").is_ok(), "the read end is open");
        drop(inboxes);
        // With the read end closed, a datagram has nowhere to go.
        assert!(nix::unistd::write(&writer, b"x").is_err(), "the read end outlived its Inboxes");
    }

}
