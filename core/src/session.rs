//! Session ids: the `$fd` PHP code sees.
//!
//! A session id is not the OS file descriptor. It starts at 1 (or
//! `start_session_id + 1`), is taken from one counter in shared memory so that
//! no two workers hand out the same id, and is never reused while the server
//! runs. A stale id therefore fails cleanly with 1005 instead of reaching a new
//! client that the kernel gave the same descriptor.

use crate::shm::{SharedSlice, ZeroShared};
use std::fmt;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};

/// The id of one client connection, unique for the life of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub u64);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A map keyed by session id, looked up on every `send()` and close.
///
/// Its hasher is one multiplication instead of std's SipHash (about 100
/// instructions per lookup, 5% of the extension's own work per echoed
/// request): the keys are ids the server hands out in sequence, never a
/// client's bytes, so there is no flooding attack to defend against.
pub type SessionMap<V> = std::collections::HashMap<SessionId, V, std::hash::BuildHasherDefault<SessionHasher>>;

/// [`SessionMap`]'s hasher: Fibonacci hashing of the id, which spreads
/// consecutive ids over both the low bits (the bucket) and the high bits
/// (the tag the map compares first).
#[derive(Default)]
pub struct SessionHasher(u64);

impl std::hash::Hasher for SessionHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, id: u64) {
        self.0 = (self.0 ^ id).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is reached from `SessionId`'s derived `Hash`.
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
}

/// The shared counter behind [`SessionAllocator`].
struct Round(AtomicU64);
// SAFETY: a single atomic, valid at zero.
unsafe impl ZeroShared for Round {}

/// Hands out session ids from shared memory; clone-free, created before fork.
pub struct SessionAllocator {
    /// The last id handed out (`stats()['session_round']`).
    round: SharedSlice<Round>,
}

impl SessionAllocator {
    /// A new allocator whose first id is `start + 1`.
    pub fn new(start: u64) -> std::io::Result<Self> {
        let round: SharedSlice<Round> = SharedSlice::new(1)?;
        round[0].0.store(start, Ordering::Relaxed);
        Ok(SessionAllocator { round })
    }

    /// The next unused id.
    pub fn next_id(&self) -> SessionId {
        SessionId(self.round[0].0.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// The last id handed out.
    pub fn round(&self) -> u64 {
        self.round[0].0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_hasher_spreads_consecutive_ids_over_buckets_and_tags() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<SessionHasher>::default();
        let hashes: Vec<u64> = (1..=1024u64).map(|id| build.hash_one(SessionId(id))).collect();
        // The bucket of a 1024-slot table: every id its own.
        let buckets: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 1023).collect();
        assert_eq!(buckets.len(), 1024);
        // The 7-bit tag the map compares first: all 128 values in use.
        let tags: std::collections::HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert_eq!(tags.len(), 128);
        let mut map = SessionMap::default();
        for id in 1..=10_000u64 {
            map.insert(SessionId(id), id as usize);
        }
        assert!((1..=10_000u64).all(|id| map.get(&SessionId(id)) == Some(&(id as usize))));
    }

    #[test]
    fn ids_start_at_one_and_are_unique_across_processes() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let alloc = SessionAllocator::new(0).unwrap();
        assert_eq!(alloc.next_id(), SessionId(1));
        use crate::fork::{exit_now, fork_child, ForkOptions, ParentSignals};
        let opts = ForkOptions { name: "test", id: None, signals: ParentSignals::Untouched, die_with_parent: false };
        let pid = fork_child(opts, &mut (), |_| alloc.next_id().0 as i32, |_, code| exit_now(code)).unwrap();
        let pid = nix::unistd::Pid::from_raw(pid);
        assert_eq!(nix::sys::wait::waitpid(pid, None).unwrap(), nix::sys::wait::WaitStatus::Exited(pid, 2));
        assert_eq!(alloc.next_id(), SessionId(3), "the parent sees the child's allocation");
        assert_eq!(alloc.round(), 3);
    }

    #[test]
    fn start_session_id_offsets_the_first_id() {
        let alloc = SessionAllocator::new(1000).unwrap();
        assert_eq!(alloc.next_id(), SessionId(1001));
    }
}

/// How many sessions can be open at once across the server (more than
/// `MAX_CONNECTION`, so a free slot is always near).
pub const TABLE_SLOTS: usize = 1 << 17;

/// One slot of the session table.
#[derive(Default)]
struct Slot {
    /// The session in this slot (0 = free).
    session: AtomicU64,
    /// The worker (BASE) or reactor thread (PROCESS) that holds the connection.
    owner: AtomicU32,
    /// Set when the connection closed and its onClose has not finished: the
    /// session no longer takes sends, but `getClientInfo()` still answers.
    closing: AtomicU32,
    /// `bind($fd, $uid)`: the user id (0 = unbound), for dispatch_mode 5.
    uid: AtomicU64,
    /// `protect($fd)`: exempt from heartbeat checks.
    protected: AtomicU32,
    /// The port (index into `$server->ports`) the connection came in on.
    port: AtomicU32,
    /// `pause()` is in effect: the holder reads no more from it (set by
    /// whoever calls pause(), so it holds at once, before its message arrives).
    paused: AtomicU32,
    /// The OS socket fd (`socket_fd`; the key of dispatch_mode 2).
    socket_fd: AtomicI32,
    /// The listening socket's fd and port.
    server_fd: AtomicI32,
    server_port: AtomicU32,
    /// The peer's port and address (an IPv4 address as v4-mapped v6).
    remote_port: AtomicU32,
    remote_ip: [AtomicU64; 2],
    /// PROXY protocol: 1 when `remote_*` is the client a balancer named and
    /// `proxy_*` the balancer (the socket's own peer).
    proxied: AtomicU32,
    proxy_port: AtomicU32,
    proxy_ip: [AtomicU64; 2],
    /// `f64` bits: when the connection was accepted, last read, last
    /// written and last handed to a worker.
    connect_time: AtomicU64,
    last_recv_time: AtomicU64,
    last_send_time: AtomicU64,
    last_dispatch_time: AtomicU64,
    /// Bytes queued for the peer and not yet written (for 1009 in PROCESS
    /// mode, where the worker does not hold the queue).
    send_queued_bytes: AtomicU64,
    /// PROCESS mode: bytes a reactor thread read and handed to workers that
    /// no worker has taken yet (`max_queued_bytes`).
    recv_queued_bytes: AtomicU64,
    /// `SWOOLE_WEBSOCKET_STATUS_*` (0: no handshake), set by the worker that
    /// parses the connection, so `isEstablished()` and a broadcast answer in
    /// every process.
    websocket_status: AtomicU32,
}
// SAFETY: atomics, valid at zero.
unsafe impl ZeroShared for Slot {}

/// What the process holding a connection publishes about it, so every other
/// process can answer `getClientInfo()` (PROCESS mode) and dispatch on it.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedFacts {
    pub owner: usize,
    pub socket_fd: i32,
    pub server_fd: i32,
    pub server_port: u16,
    pub remote: SocketAddr,
    /// The balancer that sent a PROXY header naming `remote`.
    pub proxy: Option<SocketAddr>,
    pub connect_time: f64,
    pub last_recv_time: f64,
    pub last_send_time: f64,
    pub last_dispatch_time: f64,
    pub uid: u64,
    pub send_queued_bytes: u64,
    pub recv_queued_bytes: u64,
    pub closing: bool,
    pub port: usize,
}

/// The three facts `send()` checks before it forwards (PROCESS mode): one
/// read of the session's slot instead of the whole [`SharedFacts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendState {
    /// The reactor thread (or worker) holding the connection.
    pub owner: usize,
    /// The connection closed; its onClose has not run everywhere yet.
    pub closing: bool,
    /// Bytes queued for it that the kernel has not taken
    /// (`socket_buffer_size` is checked against them).
    pub send_queued_bytes: u64,
}

/// Stores an address as a port and a v6 address (IPv4 v4-mapped).
fn store_addr(port: &AtomicU32, ip: &[AtomicU64; 2], addr: SocketAddr) {
    port.store(addr.port() as u32, Ordering::Relaxed);
    let v6 = match addr.ip() {
        IpAddr::V4(a) => a.to_ipv6_mapped(),
        IpAddr::V6(a) => a,
    };
    let bits = u128::from(v6);
    ip[0].store((bits >> 64) as u64, Ordering::Relaxed);
    ip[1].store(bits as u64, Ordering::Relaxed);
}

/// The address [`store_addr`] stored.
fn load_addr(port: &AtomicU32, ip: &[AtomicU64; 2]) -> SocketAddr {
    let bits = ((ip[0].load(Ordering::Relaxed) as u128) << 64) | ip[1].load(Ordering::Relaxed) as u128;
    let v6 = Ipv6Addr::from(bits);
    let addr = v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(IpAddr::V6(v6));
    SocketAddr::new(addr, port.load(Ordering::Relaxed) as u16)
}

/// `closing` of a TLS session still in its handshake (1: closing).
const HANDSHAKING: u32 = 2;

/// Which worker owns each open session, in shared memory, so any process
/// (another worker, a user process) can reach a connection: Swoole's
/// `session_list`. An id is only handed out when its slot is free, so a slot
/// never holds two live sessions.
pub struct SessionTable {
    slots: SharedSlice<Slot>,
}

impl SessionTable {
    pub fn new() -> std::io::Result<Self> {
        Ok(SessionTable { slots: SharedSlice::new(TABLE_SLOTS)? })
    }

    fn slot(&self, id: SessionId) -> &Slot {
        &self.slots[(id.0 as usize) % TABLE_SLOTS]
    }

    /// The slot of `id` while it holds that session.
    fn live(&self, id: SessionId) -> Option<&Slot> {
        let slot = self.slot(id);
        (id.0 != 0 && slot.session.load(Ordering::Acquire) == id.0).then_some(slot)
    }

    /// A new session for `owner`: the next id whose slot is free, claimed.
    pub fn open(&self, alloc: &SessionAllocator, owner: usize) -> SessionId {
        loop {
            let id = alloc.next_id();
            let slot = self.slot(id);
            if slot.session.compare_exchange(0, id.0, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
                slot.owner.store(owner as u32, Ordering::Release);
                slot.closing.store(0, Ordering::Relaxed);
                slot.uid.store(0, Ordering::Relaxed);
                slot.protected.store(0, Ordering::Relaxed);
                slot.send_queued_bytes.store(0, Ordering::Relaxed);
                slot.recv_queued_bytes.store(0, Ordering::Relaxed);
                slot.port.store(0, Ordering::Relaxed);
                slot.paused.store(0, Ordering::Relaxed);
                slot.websocket_status.store(0, Ordering::Relaxed);
                for t in [&slot.last_recv_time, &slot.last_send_time, &slot.last_dispatch_time] {
                    t.store(0, Ordering::Relaxed);
                }
                return id;
            }
        }
    }

    /// Records where an open session's connection comes from.
    pub fn publish(&self, id: SessionId, socket_fd: i32, server: (i32, u16), remote: SocketAddr, now: f64) {
        let Some(slot) = self.live(id) else { return };
        slot.socket_fd.store(socket_fd, Ordering::Relaxed);
        slot.server_fd.store(server.0, Ordering::Relaxed);
        slot.server_port.store(server.1 as u32, Ordering::Relaxed);
        store_addr(&slot.remote_port, &slot.remote_ip, remote);
        slot.proxied.store(0, Ordering::Relaxed);
        slot.connect_time.store(now.to_bits(), Ordering::Relaxed);
    }

    /// A PROXY header named the real client `remote` of a connection from
    /// the balancer `proxy`.
    pub fn publish_proxied(&self, id: SessionId, remote: SocketAddr, proxy: SocketAddr) {
        let Some(slot) = self.live(id) else { return };
        store_addr(&slot.remote_port, &slot.remote_ip, remote);
        store_addr(&slot.proxy_port, &slot.proxy_ip, proxy);
        slot.proxied.store(1, Ordering::Release);
    }

    /// `pause()` / `resume()`: false if `id` is not open.
    pub fn set_paused(&self, id: SessionId, paused: bool) -> bool {
        let Some(slot) = self.live(id) else { return false };
        slot.paused.store(paused as u32, Ordering::SeqCst);
        true
    }

    /// Whether `pause()` is in effect for `id`.
    pub fn is_paused(&self, id: SessionId) -> bool {
        self.live(id).is_some_and(|s| s.paused.load(Ordering::SeqCst) != 0)
    }

    /// Records the port an open session came in on.
    pub fn set_port(&self, id: SessionId, port: usize) {
        if let Some(slot) = self.live(id) {
            slot.port.store(port as u32, Ordering::Relaxed);
        }
    }

    /// Bytes arrived (and were handed on) at `now`.
    pub fn touch_recv(&self, id: SessionId, now: f64) {
        if let Some(slot) = self.live(id) {
            slot.last_recv_time.store(now.to_bits(), Ordering::Relaxed);
            slot.last_dispatch_time.store(now.to_bits(), Ordering::Relaxed);
        }
    }

    /// Bytes were sent at `now`; `queued` remain unwritten.
    pub fn touch_send(&self, id: SessionId, now: f64, queued: usize) {
        if let Some(slot) = self.live(id) {
            slot.last_send_time.store(now.to_bits(), Ordering::Relaxed);
            slot.send_queued_bytes.store(queued as u64, Ordering::Relaxed);
        }
    }

    /// The output queue of `id` changed to `queued` bytes.
    pub fn set_queued(&self, id: SessionId, queued: usize) {
        if let Some(slot) = self.live(id) {
            slot.send_queued_bytes.store(queued as u64, Ordering::Relaxed);
        }
    }

    /// `n` more (or, negative, fewer) bytes of `id` wait for a worker; the
    /// new total (0 if `id` is not open).
    pub fn queue_recv(&self, id: SessionId, n: i64) -> u64 {
        let Some(slot) = self.live(id) else { return 0 };
        let old = slot.recv_queued_bytes.fetch_add(n as u64, Ordering::AcqRel);
        old.wrapping_add(n as u64)
    }

    /// Bytes of `id` that wait for a worker.
    pub fn recv_queued(&self, id: SessionId) -> u64 {
        self.live(id).map_or(0, |s| s.recv_queued_bytes.load(Ordering::Acquire))
    }

    /// `bind($fd, $uid)`: once per connection; false if `id` is not open
    /// or already bound.
    pub fn bind(&self, id: SessionId, uid: u64) -> bool {
        let Some(slot) = self.live(id) else { return false };
        slot.closing.load(Ordering::Acquire) == 0
            && slot.uid.compare_exchange(0, uid, Ordering::AcqRel, Ordering::Relaxed).is_ok()
    }

    /// The uid bound to `id` (0 when none).
    pub fn uid(&self, id: SessionId) -> u64 {
        self.live(id).map_or(0, |s| s.uid.load(Ordering::Acquire))
    }

    /// `protect($fd, $on)`: false if `id` is not open.
    pub fn protect(&self, id: SessionId, on: bool) -> bool {
        let Some(slot) = self.live(id) else { return false };
        slot.protected.store(on as u32, Ordering::Relaxed);
        true
    }

    /// Records `id`'s WebSocket status (the handshake done: 3).
    pub fn set_websocket_status(&self, id: SessionId, status: u32) {
        if let Some(slot) = self.live(id) {
            slot.websocket_status.store(status, Ordering::Release);
        }
    }

    /// `id`'s WebSocket status (0 when not open or no handshake).
    pub fn websocket_status(&self, id: SessionId) -> u32 {
        self.live(id).map_or(0, |s| s.websocket_status.load(Ordering::Acquire))
    }

    /// Whether `id` is exempt from heartbeat checks.
    pub fn is_protected(&self, id: SessionId) -> bool {
        self.live(id).is_some_and(|s| s.protected.load(Ordering::Relaxed) != 0)
    }

    /// Everything known about `id`, while its slot holds it (open or
    /// closing; not while it handshakes).
    pub fn facts(&self, id: SessionId) -> Option<SharedFacts> {
        let slot = self.live(id).filter(|s| s.closing.load(Ordering::Acquire) != HANDSHAKING)?;
        let f = |a: &AtomicU64| f64::from_bits(a.load(Ordering::Relaxed));
        let proxied = slot.proxied.load(Ordering::Acquire) != 0;
        Some(SharedFacts {
            owner: slot.owner.load(Ordering::Acquire) as usize,
            socket_fd: slot.socket_fd.load(Ordering::Relaxed),
            server_fd: slot.server_fd.load(Ordering::Relaxed),
            server_port: slot.server_port.load(Ordering::Relaxed) as u16,
            remote: load_addr(&slot.remote_port, &slot.remote_ip),
            proxy: proxied.then(|| load_addr(&slot.proxy_port, &slot.proxy_ip)),
            connect_time: f(&slot.connect_time),
            last_recv_time: f(&slot.last_recv_time),
            last_send_time: f(&slot.last_send_time),
            last_dispatch_time: f(&slot.last_dispatch_time),
            uid: slot.uid.load(Ordering::Relaxed),
            send_queued_bytes: slot.send_queued_bytes.load(Ordering::Relaxed),
            recv_queued_bytes: slot.recv_queued_bytes.load(Ordering::Relaxed),
            closing: slot.closing.load(Ordering::Acquire) != 0,
            port: slot.port.load(Ordering::Relaxed) as usize,
        })
    }

    /// What `send()` checks, as [`SessionTable::facts`] reports it (none
    /// for a session still in its TLS handshake), reading no more.
    pub fn send_state(&self, id: SessionId) -> Option<SendState> {
        let slot = self.live(id)?;
        let closing = slot.closing.load(Ordering::Acquire);
        if closing == HANDSHAKING {
            return None;
        }
        Some(SendState {
            owner: slot.owner.load(Ordering::Acquire) as usize,
            closing: closing != 0,
            send_queued_bytes: slot.send_queued_bytes.load(Ordering::Relaxed),
        })
    }

    /// The connection closed; the slot stays until [`SessionTable::close`]
    /// (after onClose ran), so the session reads as closing meanwhile.
    pub fn mark_closing(&self, id: SessionId) {
        if let Some(slot) = self.live(id) {
            slot.closing.store(1, Ordering::Release);
        }
    }

    /// A TLS session still in its handshake is hidden as a closing one is
    /// (no owner, not listed, sends from other processes refused) until
    /// `handshaking` is false: it is no connection yet for PHP (as Swoole).
    pub fn set_handshaking(&self, id: SessionId, handshaking: bool) {
        if let Some(slot) = self.live(id) {
            slot.closing.store(if handshaking { HANDSHAKING } else { 0 }, Ordering::Release);
        }
    }

    /// Frees the slot of a closed session.
    pub fn close(&self, id: SessionId) {
        let _ = self.slot(id).session.compare_exchange(id.0, 0, Ordering::AcqRel, Ordering::Relaxed);
    }

    /// The worker (BASE) or reactor thread (PROCESS) holding `id`, if it is
    /// open and not closing.
    pub fn owner(&self, id: SessionId) -> Option<usize> {
        let slot = self.live(id)?;
        let owner = slot.owner.load(Ordering::Acquire) as usize;
        (slot.closing.load(Ordering::Acquire) == 0).then_some(owner)
    }

    /// Every open session, ascending.
    pub fn open_sessions(&self) -> Vec<SessionId> {
        let mut v: Vec<SessionId> = self
            .slots
            .iter()
            .filter(|s| s.closing.load(Ordering::Acquire) == 0)
            .map(|s| s.session.load(Ordering::Acquire))
            .filter(|&s| s != 0)
            .map(SessionId)
            .collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn ids_skip_occupied_slots_and_owners_are_found() {
        let alloc = SessionAllocator::new(0).unwrap();
        let table = SessionTable::new().unwrap();
        let a = table.open(&alloc, 3);
        assert_eq!(a, SessionId(1));
        assert_eq!(table.owner(a), Some(3));
        // An id that maps onto a's slot while a is open is skipped.
        alloc.round[0].0.store(TABLE_SLOTS as u64, Ordering::Relaxed);
        let b = table.open(&alloc, 1);
        assert_eq!(b, SessionId(TABLE_SLOTS as u64 + 2));
        assert_eq!(table.open_sessions(), vec![a, b]);
        table.close(a);
        assert_eq!(table.owner(a), None);
        assert_eq!(table.open_sessions(), vec![b]);
    }

    #[test]
    fn a_handshaking_session_is_hidden_until_ready() {
        let alloc = SessionAllocator::new(0).unwrap();
        let table = SessionTable::new().unwrap();
        let a = table.open(&alloc, 0);
        table.set_handshaking(a, true);
        assert_eq!(table.owner(a), None);
        assert_eq!(table.facts(a), None);
        assert!(table.open_sessions().is_empty());
        table.set_handshaking(a, false);
        assert_eq!(table.owner(a), Some(0));
        assert_eq!(table.open_sessions(), vec![a]);
    }

    #[test]
    fn facts_bind_and_closing() {
        let alloc = SessionAllocator::new(0).unwrap();
        let table = SessionTable::new().unwrap();
        let a = table.open(&alloc, 2);
        let peer: SocketAddr = "10.1.2.3:4567".parse().unwrap();
        table.publish(a, 33, (5, 9501), peer, 100.5);
        table.touch_recv(a, 101.0);
        let f = table.facts(a).unwrap();
        assert_eq!((f.owner, f.socket_fd, f.server_fd, f.server_port), (2, 33, 5, 9501));
        assert_eq!((f.remote, f.connect_time, f.last_recv_time), (peer, 100.5, 101.0));
        assert!(table.bind(a, 77));
        assert!(!table.bind(a, 78), "a connection binds once");
        assert_eq!(table.uid(a), 77);
        table.mark_closing(a);
        assert_eq!(table.owner(a), None, "a closing session takes no sends");
        assert!(table.facts(a).unwrap().closing);
        assert!(table.open_sessions().is_empty());
        table.close(a);
        assert_eq!(table.facts(a), None);
        let v6: SocketAddr = "[2001:db8::1]:80".parse().unwrap();
        let b = table.open(&alloc, 0);
        table.publish(b, 1, (1, 1), v6, 0.0);
        assert_eq!(table.facts(b).unwrap().remote, v6);
    }
}
