//! Single-producer single-consumer message rings in shared memory, and the
//! doorbells that wake their readers: how a PROCESS-mode reactor thread and
//! an event worker pass connection traffic without a system call per
//! message.
//!
//! Each (reactor thread, worker) pair has one ring each way, created before
//! any fork, so a worker's replacement finds the packets its predecessor did
//! not take. A reader takes a message off the ring *before* handling it: a
//! worker that is killed loses only the message it was handling, as in
//! Swoole, and one that stops (reload, `max_request`) leaves the rest to its
//! successor. A message of one record is read where it lies
//! ([`Inlet::next_with`]): the reader copies out what it keeps (a worker,
//! the PHP string onReceive gets) or applies it (a reactor thread writes a
//! reply from the ring to the socket), and the record is taken right after,
//! before any user callback runs.
//!
//! A record is a 24-byte header (check-then-parse, as in mini-redis) and its
//! payload, padded to 8 bytes. A message larger than [`MAX_RECORD`] travels
//! as several records (first ... last); a reader that meets a record that is
//! not a first one without a message in progress drops it (the rest of a
//! message whose beginning died with a killed worker).

use crate::message::{Kind, Message, MessageRef};
use crate::session::SessionId;
use bytes::Bytes;
use std::collections::VecDeque;
use std::io;
use nix::sys::eventfd::{EfdFlags, EventFd};
use std::os::fd::{AsRawFd, RawFd};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Bytes of each ring's data area.
pub const RING_BYTES: usize = 256 * 1024;
/// The largest payload slice one record carries: half the ring, less a
/// header, so that a record always fits once the reader caught up (see
/// `try_push`) and a 64 KiB packet with its framing (or a 64 KiB reply with
/// a prefix) is one record, which readers take in place.
pub const MAX_RECORD: usize = RING_BYTES / 2 - RECORD_HEADER;
/// Record header: total length u32, flags u8, kind u8, aux u16, session u64,
/// payload length u32, padding u32.
const RECORD_HEADER: usize = 24;
/// Flags of a record.
const FIRST: u8 = 1;
const LAST: u8 = 2;
/// A record that only says "continue at the start of the data area".
const WRAP: u8 = 4;

/// The shared part of one ring: where the reader and the writer are.
#[repr(C)]
struct RingHeader {
    /// Bytes ever taken by the reader.
    head: AtomicU64,
    /// Pads the two positions onto different cache lines.
    _pad: [u64; 7],
    /// Bytes ever published by the writer.
    tail: AtomicU64,
    _pad2: [u64; 7],
}

/// Bytes of one ring in the mapping: its header, then its data area.
const RING_STRIDE: usize = std::mem::size_of::<RingHeader>() + RING_BYTES;

/// Several rings in one shared mapping, made before fork.
pub struct RingSet {
    base: NonNull<u8>,
    count: usize,
}

// SAFETY: the mapping lives as long as the set; the positions are atomics
// and each data byte is written by the one producer before it publishes it.
unsafe impl Send for RingSet {}
unsafe impl Sync for RingSet {}

impl RingSet {
    pub fn new(count: usize) -> io::Result<RingSet> {
        let base = crate::shm::map_shared(RING_STRIDE * count.max(1))?;
        Ok(RingSet { base, count: count.max(1) })
    }

    /// Ring `i`.
    pub fn ring(&self, i: usize) -> Ring<'_> {
        assert!(i < self.count, "ring {i} of {}", self.count);
        // SAFETY: inside the mapping; the header is zero-initialised atomics.
        let start = unsafe { self.base.as_ptr().add(i * RING_STRIDE) };
        Ring { header: unsafe { &*(start as *const RingHeader) }, data: unsafe { start.add(std::mem::size_of::<RingHeader>()) } }
    }
}

impl Drop for RingSet {
    fn drop(&mut self) {
        // SAFETY: unmapping what new() mapped.
        unsafe { libc::munmap(self.base.as_ptr().cast(), RING_STRIDE * self.count) };
    }
}

/// One ring: its positions and its data area.
#[derive(Clone, Copy)]
pub struct Ring<'a> {
    header: &'a RingHeader,
    data: *mut u8,
}

/// The head of one record read off a ring.
struct Record {
    /// [`FIRST`] / [`LAST`]: where the record sits in its message.
    flags: u8,
    /// The message's [`Kind`], as a byte.
    kind: u8,
    /// The message's small extra field.
    aux: u16,
    /// The message's session.
    session: u64,
}

/// The largest payload buffer a reader keeps for the next message: the
/// ring's size (a larger message's buffer is freed after it).
const KEEP_BUFFER: usize = RING_BYTES;

fn padded(n: usize) -> usize {
    n.div_ceil(8) * 8
}

impl Ring<'_> {
    /// Whether nothing is waiting to be read.
    pub fn is_empty(&self) -> bool {
        self.header.head.load(Ordering::Acquire) == self.header.tail.load(Ordering::SeqCst)
    }

    /// Writes one record if it fits now; false when the ring is too full.
    fn try_push(&self, flags: u8, kind: u8, aux: u16, session: u64, payload: &[u8]) -> bool {
        let need = RECORD_HEADER + padded(payload.len());
        debug_assert!(need <= RING_BYTES / 2);
        let head = self.header.head.load(Ordering::Acquire);
        let mut tail = self.header.tail.load(Ordering::Relaxed);
        let offset = (tail % RING_BYTES as u64) as usize;
        let to_end = RING_BYTES - offset;
        let wrap = if to_end < need { to_end } else { 0 };
        if (tail - head) as usize + wrap + need > RING_BYTES {
            return false;
        }
        // SAFETY: the bytes from tail up to head + RING_BYTES are ours to
        // write (the reader is past them); offsets stay inside the data area.
        unsafe {
            if wrap > 0 {
                let at = self.data.add(offset);
                std::ptr::write_unaligned(at as *mut u32, wrap as u32);
                *at.add(4) = WRAP;
                tail += wrap as u64;
            }
            let at = self.data.add((tail % RING_BYTES as u64) as usize);
            let mut head_bytes = [0u8; RECORD_HEADER];
            head_bytes[0..4].copy_from_slice(&(need as u32).to_le_bytes());
            head_bytes[4] = flags;
            head_bytes[5] = kind;
            head_bytes[6..8].copy_from_slice(&aux.to_le_bytes());
            head_bytes[8..16].copy_from_slice(&session.to_le_bytes());
            head_bytes[16..20].copy_from_slice(&(payload.len() as u32).to_le_bytes());
            std::ptr::copy_nonoverlapping(head_bytes.as_ptr(), at, RECORD_HEADER);
            std::ptr::copy_nonoverlapping(payload.as_ptr(), at.add(RECORD_HEADER), payload.len());
        }
        // Publish; SeqCst pairs with the reader's doorbell check (Dekker).
        self.header.tail.store(tail + need as u64, Ordering::SeqCst);
        true
    }

    /// Takes the next record off the ring, appending its payload to `payload`.
    #[cfg(test)]
    fn pop(&self, payload: &mut Vec<u8>) -> Option<Record> {
        self.take(|r, bytes| {
            payload.extend_from_slice(bytes);
            Record { ..*r }
        })
    }

    /// Takes the next record off the ring: `f` sees its head and its payload
    /// where it lies in shared memory, and the reader's position moves past
    /// it as soon as `f` returns. So `f` copies out what it keeps and does
    /// nothing that may not finish (no user callback): a reader killed
    /// after this lost this record only, one killed inside `f` none.
    fn take<R>(&self, f: impl FnOnce(&Record, &[u8]) -> R) -> Option<R> {
        loop {
            let head = self.header.head.load(Ordering::Relaxed);
            let tail = self.header.tail.load(Ordering::Acquire);
            if head == tail {
                return None;
            }
            let offset = (head % RING_BYTES as u64) as usize;
            // SAFETY: the writer published these bytes (tail is past them),
            // and does not write them again before the head moved past them.
            unsafe {
                let at = self.data.add(offset);
                let len = std::ptr::read_unaligned(at as *const u32) as usize;
                let flags = *at.add(4);
                if flags & WRAP != 0 || len < RECORD_HEADER || len > RING_BYTES - offset {
                    // A wrap marker (or, defensively, anything that does not
                    // fit): continue at the start of the data area. A skip
                    // past what was published can only be garbage: drop all.
                    let skip = if flags & WRAP != 0 { len } else { RING_BYTES - offset };
                    let next = head + skip as u64;
                    self.header.head.store(if next > tail || !next.is_multiple_of(8) { tail } else { next }, Ordering::Release);
                    continue;
                }
                if head + len as u64 > tail {
                    // Torn or garbage: never read past what was published.
                    self.header.head.store(tail, Ordering::Release);
                    return None;
                }
                let mut h = [0u8; RECORD_HEADER];
                std::ptr::copy_nonoverlapping(at, h.as_mut_ptr(), RECORD_HEADER);
                let n = (u32::from_le_bytes(h[16..20].try_into().unwrap_or_default()) as usize).min(len - RECORD_HEADER);
                let record = Record {
                    flags,
                    kind: h[5],
                    aux: u16::from_le_bytes([h[6], h[7]]),
                    session: u64::from_le_bytes(h[8..16].try_into().unwrap_or_default()),
                };
                let out = f(&record, std::slice::from_raw_parts(at.add(RECORD_HEADER), n));
                // Taken before it is handled: a reader killed while handling
                // it loses this message only.
                self.header.head.store(head + len as u64, Ordering::Release);
                return Some(out);
            }
        }
    }
}

/// The writing end of a ring, with the records that did not fit yet.
#[derive(Default)]
pub struct Outlet {
    /// Records waiting for room, oldest first: (flags, kind, aux, session,
    /// payload). A packet cut from a connection's input buffer waits as a
    /// view of it ([`Outlet::send_shared`]), anything else as a copy.
    overflow: VecDeque<(u8, u8, u16, u64, Bytes)>,
}

impl Outlet {
    /// Queues `payload` as one message (several records if large), writing
    /// what fits now; the rest waits for [`Outlet::pump`] (copied).
    pub fn send(&mut self, ring: Ring<'_>, kind: Kind, aux: u16, session: SessionId, payload: &[u8]) {
        self.send_from(ring, kind, aux, session, payload, |r| Bytes::copy_from_slice(&payload[r]));
    }

    /// [`Outlet::send`] of a packet the caller holds as [`Bytes`]: what
    /// waits for room keeps a view of it, not a copy (under load most of a
    /// busy worker's 64 KiB packets wait: its ring holds three).
    pub fn send_shared(&mut self, ring: Ring<'_>, kind: Kind, aux: u16, session: SessionId, payload: &Bytes) {
        self.send_from(ring, kind, aux, session, payload, |r| payload.slice(r));
    }

    /// Cuts `payload` into records, writing those that fit now and keeping
    /// `keep(range)` of the others.
    fn send_from(&mut self, ring: Ring<'_>, kind: Kind, aux: u16, session: SessionId, payload: &[u8],
        keep: impl Fn(std::ops::Range<usize>) -> Bytes) {
        let mut at = 0;
        loop {
            let end = (at + MAX_RECORD).min(payload.len());
            let flags = if at == 0 { FIRST } else { 0 } | if end == payload.len() { LAST } else { 0 };
            if !(self.overflow.is_empty() && ring.try_push(flags, kind as u8, aux, session.0, &payload[at..end])) {
                self.overflow.push_back((flags, kind as u8, aux, session.0, keep(at..end)));
            }
            if end == payload.len() {
                return;
            }
            at = end;
        }
    }

    /// Writes queued records that fit now; true when none is left.
    pub fn pump(&mut self, ring: Ring<'_>) -> bool {
        while let Some((flags, kind, aux, session, payload)) = self.overflow.front() {
            if !ring.try_push(*flags, *kind, *aux, *session, payload) {
                return false;
            }
            self.overflow.pop_front();
        }
        true
    }

    /// Whether records wait for room.
    pub fn is_backed_up(&self) -> bool {
        !self.overflow.is_empty()
    }
}

/// Writes one whole message, waiting for room as long as it takes (a worker
/// writing to a reactor thread, which always makes progress).
pub fn send_blocking(ring: Ring<'_>, bell: &Doorbell, kind: Kind, aux: u16, session: SessionId, payload: &[u8]) {
    let mut out = Outlet::default();
    out.send(ring, kind, aux, session, payload);
    let mut spins = 0u32;
    while !out.pump(ring) {
        // The reader is behind: make sure it is awake, then give it time.
        bell.ring();
        spins += 1;
        if spins < 100 {
            std::hint::spin_loop();
        } else {
            std::thread::sleep(std::time::Duration::from_micros(50));
        }
    }
}

/// The reading end of a ring: puts multi-record messages back together.
#[derive(Default)]
pub struct Inlet {
    /// A message whose first records arrived.
    partial: Option<Message>,
    /// The payload buffer of the last message handled, handed back with
    /// [`Reader::recycle`]: the next message is read into it, so a steady
    /// stream of messages allocates nothing.
    spare: Vec<u8>,
}

/// What one record did to the message being read.
enum Step<R> {
    /// A message of one record, handled in place: what the handler returned.
    Handled(R),
    /// The last record of a message of several: the message is whole in
    /// `partial`.
    Whole,
    /// Nothing to hand out yet (a first or middle record, or one dropped).
    More,
}

impl Inlet {
    /// The next whole message on `ring`, if one is there.
    pub fn next(&mut self, ring: Ring<'_>) -> Option<Message> {
        self.next_with(ring, |m| m.to_message())
    }

    /// Hands the next whole message on `ring`, if one is there, to `f`,
    /// and returns what it returned. A message of one record is seen where
    /// it lies in shared memory (no copy: `f` copies out what it keeps, see
    /// [`Ring::take`]); one of several records is put together in the
    /// inlet's buffer first, and `f` runs once its last record was taken.
    pub fn next_with<R>(&mut self, ring: Ring<'_>, mut f: impl FnMut(MessageRef<'_>) -> R) -> Option<R> {
        loop {
            let step = ring.take(|r, payload| self.record(r, payload, &mut f))?;
            match step {
                Step::Handled(out) => return Some(out),
                Step::Whole => {
                    let m = self.partial.take()?;
                    let out = f(m.as_ref());
                    self.recycle(m.payload);
                    return Some(out);
                }
                Step::More => continue,
            }
        }
    }

    /// One record taken off the ring: handled at once (a message of one
    /// record), added to the message in progress, or dropped.
    fn record<R>(&mut self, r: &Record, payload: &[u8], f: &mut impl FnMut(MessageRef<'_>) -> R) -> Step<R> {
        let Some(kind) = Kind::from_u8(r.kind) else { return Step::More };
        let session = SessionId(r.session);
        if r.flags & FIRST != 0 {
            // A new message (a partial one before it died with its writer).
            if let Some(dead) = self.partial.take() {
                self.recycle(dead.payload);
            }
            if r.flags & LAST != 0 {
                return Step::Handled(f(MessageRef { kind, session, aux: r.aux, payload }));
            }
            let mut buf = std::mem::take(&mut self.spare);
            buf.clear();
            buf.extend_from_slice(payload);
            self.partial = Some(Message { kind, session, aux: r.aux, payload: buf });
            return Step::More;
        }
        // The tail of a message whose start is lost is dropped.
        let Some(p) = self.partial.as_mut() else { return Step::More };
        p.payload.extend_from_slice(payload);
        if r.flags & LAST != 0 { Step::Whole } else { Step::More }
    }

    /// Keeps `buf` (a handled message's payload) for the next message.
    fn recycle(&mut self, mut buf: Vec<u8>) {
        if buf.capacity() <= KEEP_BUFFER && buf.capacity() > self.spare.capacity() {
            buf.clear();
            self.spare = buf;
        }
    }
}

/// Wakes a reader that sleeps in epoll: an eventfd, written only when the
/// reader said it is about to sleep.
pub struct Doorbell {
    /// Counter the reader polls (non-blocking; inherited by every fork).
    efd: EventFd,
    /// Index of this bell's flag in the shared flags.
    slot: usize,
    flags: std::sync::Arc<crate::shm::SharedSlice<SleepFlag>>,
}

/// 1 while the reader may sleep (it found its rings empty).
#[derive(Default)]
pub struct SleepFlag(AtomicU32);
// SAFETY: one atomic, valid at zero.
unsafe impl crate::shm::ZeroShared for SleepFlag {}

/// The doorbells of one side (every worker's, or every reactor thread's).
pub fn doorbells(n: usize) -> io::Result<Vec<Doorbell>> {
    let flags = std::sync::Arc::new(crate::shm::SharedSlice::<SleepFlag>::new(n)?);
    (0..n)
        .map(|slot| {
            let efd = EventFd::from_value_and_flags(0, EfdFlags::EFD_NONBLOCK | EfdFlags::EFD_CLOEXEC)?;
            Ok(Doorbell { efd, slot, flags: flags.clone() })
        })
        .collect()
}

impl Doorbell {
    fn flag(&self) -> &AtomicU32 {
        &self.flags[self.slot].0
    }

    /// The fd the reader registers for readability, with mio (edge-triggered).
    ///
    /// The reader never reads the counter back: every write is a new edge
    /// for epoll, so a wake-up needs no reset, and a read would be one more
    /// system call per wake-up (a u64 counter incremented once per sleep
    /// cannot fill).
    pub fn fd(&self) -> RawFd {
        self.efd.as_raw_fd()
    }

    /// Writer side: wakes the reader if it is (about to be) asleep.
    pub fn ring(&self) {
        if self.flag().load(Ordering::SeqCst) == 1 && self.flag().swap(0, Ordering::SeqCst) == 1 {
            // (It cannot fail short of a counter at its maximum, which still wakes.)
            let _ = self.efd.write(1);
        }
    }

    /// Reader side, before it sleeps: from now on writers ring. The reader
    /// must look at its rings once more after this (a message may have
    /// arrived just before), and not sleep if one is there.
    pub fn prepare_sleep(&self) {
        self.flag().store(1, Ordering::SeqCst);
    }

    /// Reader side: awake again (writers need not ring).
    pub fn awake(&self) {
        self.flag().store(0, Ordering::Relaxed);
    }

}

/// The rings and doorbells between the reactor threads and the event workers
/// of a PROCESS-mode server.
pub struct Links {
    /// Reactor thread `r` to worker `w`: ring `r * worker_num + w`.
    to_worker: RingSet,
    /// Worker `w` to reactor thread `r`: ring `w * reactor_num + r`.
    to_reactor: RingSet,
    /// Wakes worker `w`.
    pub worker_bells: Vec<Doorbell>,
    /// Wakes reactor thread `r`.
    pub reactor_bells: Vec<Doorbell>,
    pub worker_num: usize,
    pub reactor_num: usize,
}

impl Links {
    pub fn new(worker_num: usize, reactor_num: usize) -> io::Result<Links> {
        Ok(Links {
            to_worker: RingSet::new(worker_num * reactor_num)?,
            to_reactor: RingSet::new(worker_num * reactor_num)?,
            worker_bells: doorbells(worker_num)?,
            reactor_bells: doorbells(reactor_num)?,
            worker_num,
            reactor_num,
        })
    }

    /// The ring from reactor thread `r` to worker `w`.
    pub fn to_worker(&self, r: usize, w: usize) -> Ring<'_> {
        self.to_worker.ring(r * self.worker_num + w)
    }

    /// The ring from worker `w` to reactor thread `r`.
    pub fn to_reactor(&self, w: usize, r: usize) -> Ring<'_> {
        self.to_reactor.ring(w * self.reactor_num + r)
    }
}

/// A reader's side of several rings (a worker's from every reactor thread,
/// or a reactor thread's from every worker), read in turn.
pub struct Reader {
    inlets: Vec<Inlet>,
    /// The ring being read, and how many messages it gave in this turn.
    current: usize,
    taken: usize,
}

/// Messages taken from one ring before the next ring's turn.
const TURN: usize = 64;

impl Reader {
    pub fn new(rings: usize) -> Reader {
        Reader { inlets: (0..rings.max(1)).map(|_| Inlet::default()).collect(), current: 0, taken: 0 }
    }

    /// The next message from any of `rings(i)`, taking turns so that no
    /// ring starves the others.
    pub fn next<'a>(&mut self, rings: impl Fn(usize) -> Ring<'a>) -> Option<Message> {
        self.next_with(rings, |m| m.to_message())
    }

    /// [`Reader::next`] handed to `f` as [`Inlet::next_with`] does: a
    /// message of one record in place, in shared memory.
    pub fn next_with<'a, R>(&mut self, rings: impl Fn(usize) -> Ring<'a>, mut f: impl FnMut(MessageRef<'_>) -> R)
        -> Option<R> {
        let n = self.inlets.len();
        if self.taken >= TURN {
            self.current = (self.current + 1) % n;
            self.taken = 0;
        }
        for k in 0..n {
            let i = (self.current + k) % n;
            if let Some(out) = self.inlets[i].next_with(rings(i), &mut f) {
                if k != 0 {
                    self.current = i;
                    self.taken = 0;
                }
                self.taken += 1;
                return Some(out);
            }
        }
        None
    }

    /// Hands back the payload of the message [`Reader::next`] gave last,
    /// once it is handled: the ring it came from reads its next message
    /// into that buffer.
    pub fn recycle(&mut self, buf: Vec<u8>) {
        self.inlets[self.current].recycle(buf);
    }

    /// Whether a message of several records was begun and not finished.
    pub fn has_partial(&self) -> bool {
        self.inlets.iter().any(|i| i.partial.is_some())
    }

    /// Whether all of `rings(i)` are empty.
    pub fn all_empty<'a>(&self, rings: impl Fn(usize) -> Ring<'a>) -> bool {
        (0..self.inlets.len()).all(|i| rings(i).is_empty())
    }
}

#[cfg(test)]
#[path = "ring_tests.rs"]
mod tests;
