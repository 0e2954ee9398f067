//! `Swoole\Table`: fixed-size rows of typed columns in shared memory, keyed by
//! strings of 1 to 63 bytes, shared by every process forked after
//! [`Table::create`].
//!
//! Unlike Swoole's (a bucket per hash plus a small pool for collisions, which
//! fills up long before the declared size when hashes cluster), a table made
//! for N rows holds exactly N keys, whatever their hashes: the rows are N
//! slots taken from a free list, found through an open-addressing index of
//! 2N entries with a per-table random hash seed (so remote input cannot
//! aim keys at one bucket either).
//!
//! - [`layout`]: columns, sizes, where things sit in the mapping.
//! - [`row`]: a slot's seqlock: lock-free consistent reads, one writer.
//! - [`index`]: the open-addressing index and its delete shifting.
//! - [`value`]: the values a table stores and reports.
//! - `ops.rs`: the row operations (get, set, incr, del, ...), methods of
//!   [`Table`] in a file of their own.
//!
//! Concurrency: reads (get, exists, iteration) take no lock and never see a
//! torn row. A write to an existing row locks that row only. Adding or
//! removing a key takes the table's structure lock (a pid-stamped mutex, see
//! [`crate::lock`]); a process that dies holding it is detected, and the
//! next writer rebuilds the index and free list from the slots.

pub mod index;
pub mod layout;
pub mod row;
pub mod value;
mod ops;
#[cfg(test)]
mod tests;

pub use layout::{rounded_size, Column, ColumnError, ColumnType, Columns, Layout, TooBig, KEY_MAX};
pub use value::{decode, Full, Number, Stats, Value};

use crate::lock::{mutex_lock, mutex_unlock, Acquired};
use crate::shm::{SharedRegion, ZeroShared};
use index::Index;
use row::{Key, Slot};
use std::hash::BuildHasher;
use std::io;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// The shared header (first 128 bytes of the mapping).
#[repr(C)]
struct Header {
    /// The structure lock (a [`crate::lock::mutex_lock`] word): inserts and deletes.
    structure: AtomicU32,
    /// The index version: odd while a delete shifts entries.
    version: AtomicU32,
    /// Rows in use.
    num: AtomicU32,
    /// Slots below this were handed out at least once.
    next_unused: AtomicU32,
    /// Free slots (freed by deletes): slot + 1 of the first, 0 when none.
    free_head: AtomicU32,
    /// Longest probe distance an insert had (Swoole's `conflict_max_level`).
    conflict_max_level: AtomicU32,
    /// Inserts, deletes, and inserts that landed away from home.
    insert_count: AtomicU64,
    delete_count: AtomicU64,
    conflict_count: AtomicU64,
    /// Fills the first cache line.
    _pad: [AtomicU64; 3],
    /// Updates of existing rows: hot, so on a cache line of its own.
    update_count: AtomicU64,
}

// SAFETY: all atomics, valid when zeroed (an empty table).
unsafe impl ZeroShared for Header {}

/// How keys are hashed: keyed SipHash (a seed per table, inherited by the
/// forked processes that share it), or a constant for tests of collisions.
#[derive(Clone)]
enum Hasher {
    Keyed(std::collections::hash_map::RandomState),
    #[cfg(test)]
    Constant,
}

/// A created table, as seen by one process.
pub struct Table {
    /// The columns it was created with (fixed from then on).
    columns: Columns,
    /// Where the header, index and slots sit in `region`.
    layout: Layout,
    /// The shared mapping (unmapped in this process on drop).
    region: SharedRegion,
    /// This table's key hash, the same in every process that shares it.
    hasher: Hasher,
}

/// Why `create()` failed: the table cannot be addressed, or not mapped.
#[derive(Debug)]
pub enum CreateError {
    /// Sizes past what the address space can hold.
    TooBig(TooBig),
    /// mmap() refused `bytes` for `rows` rows of `row_bytes`.
    Map { bytes: usize, rows: usize, row_bytes: usize, error: io::Error },
}

impl Table {
    /// Maps a table of `rows` rows (already rounded) with `columns`.
    pub fn create(rows: u64, columns: Columns) -> Result<Table, CreateError> {
        let layout = Layout::new(rows, &columns).map_err(CreateError::TooBig)?;
        let region = SharedRegion::new(layout.bytes)
            .map_err(|error| CreateError::Map {
                bytes: layout.bytes,
                rows: layout.rows,
                row_bytes: layout.row_words * 8,
                error,
            })?;
        Ok(Table { columns, layout, region, hasher: Hasher::Keyed(Default::default()) })
    }

    #[cfg(test)]
    fn with_constant_hash(mut self) -> Table {
        self.hasher = Hasher::Constant;
        self
    }

    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Rows the table holds.
    pub fn size(&self) -> usize {
        self.layout.rows
    }

    /// Bytes of shared memory it maps.
    pub fn memory_size(&self) -> usize {
        self.layout.bytes
    }

    /// Rows in use.
    pub fn count(&self) -> usize {
        self.header().num.load(Ordering::Relaxed) as usize
    }

    fn header(&self) -> &Header {
        &self.region.slice::<Header>(0, 1)[0]
    }

    fn index(&self) -> Index<'_> {
        Index {
            entries: self.region.slice::<AtomicU64>(layout::HEADER_BYTES, self.layout.index_len),
            version: &self.header().version,
        }
    }

    fn slot(&self, i: usize) -> Slot<'_> {
        Slot(self.region.slice::<AtomicU64>(self.layout.slot_at(i), self.layout.row_words))
    }

    fn hash(&self, key: &[u8]) -> u32 {
        match &self.hasher {
            Hasher::Keyed(state) => state.hash_one(key) as u32,
            #[cfg(test)]
            Hasher::Constant => 7,
        }
    }

    /// The slot holding `key`, found without locks (it may change right after).
    fn find(&self, key: &Key, hash: u32) -> Option<usize> {
        // Nothing is copied for an empty range, so this never allocates.
        let mut nothing = Vec::new();
        self.index().find(hash, |s| matches!(self.slot(s).read(Some(key), 0..0, &mut nothing), row::Read::Hit))
    }

    /// Runs `f` holding the structure lock; a holder that died mid-change is
    /// taken over and the shared structures rebuilt from the slots first.
    fn structurally<R>(&self, f: impl FnOnce() -> R) -> R {
        let word = &self.header().structure;
        loop {
            match mutex_lock(word, false, None) {
                Ok(Acquired::Clean) => break,
                Ok(Acquired::Recovered { dead }) => {
                    crate::log::warning(&format!("Table::lock(): lock process[{dead}] not exists, force unlock"));
                    self.repair();
                    break;
                }
                // Only a relock by this very process fails, which ops never do.
                Err(_) => std::thread::yield_now(),
            }
        }
        let r = f();
        let _ = mutex_unlock(word);
        r
    }

    /// Takes a free slot, or None when every row is in use.
    fn alloc_slot(&self) -> Option<usize> {
        let h = self.header();
        let head = h.free_head.load(Ordering::Relaxed);
        if head != 0 {
            let slot = head as usize - 1;
            let next = self.slot(slot).0[1].load(Ordering::Relaxed) >> 32;
            h.free_head.store(next as u32, Ordering::Relaxed);
            return Some(slot);
        }
        let next = h.next_unused.load(Ordering::Relaxed) as usize;
        if next >= self.layout.rows {
            return None;
        }
        h.next_unused.store(next as u32 + 1, Ordering::Relaxed);
        Some(next)
    }

    /// Puts an emptied slot (key length 0, not in the index) on the free list.
    fn free_slot(&self, slot: usize) {
        let h = self.header();
        let head = h.free_head.load(Ordering::Relaxed) as u64;
        // The key length byte stays 0: nobody takes a free slot for a row.
        self.slot(slot).0[1].store(head << 32, Ordering::Relaxed);
        h.free_head.store(slot as u32 + 1, Ordering::Relaxed);
    }

    /// Under the structure lock, after its holder died: rebuilds the index,
    /// the free list and the row count from the slots themselves.
    fn repair(&self) {
        let h = self.header();
        let index = self.index();
        // A delete that died mid-shift left the version odd already.
        let v = h.version.load(Ordering::Relaxed);
        if v & 1 == 0 {
            h.version.store(v + 1, Ordering::Relaxed);
        }
        std::sync::atomic::fence(Ordering::Release);
        index.clear();
        h.free_head.store(0, Ordering::Relaxed);
        let used = (h.next_unused.load(Ordering::Relaxed) as usize).min(self.layout.rows);
        let mut live = 0u32;
        for s in (0..used).rev() {
            let slot = self.slot(s);
            while !slot.settle() {
                std::thread::yield_now();
            }
            let word1 = slot.0[1].load(Ordering::Relaxed);
            if Slot::is_live_word(word1) {
                let words: Vec<u64> = slot.0[1..=layout::KEY_WORDS].iter().map(|w| w.load(Ordering::Relaxed)).collect();
                index.insert(self.hash(&row::Key::decode(&words)), s);
                live += 1;
            } else {
                self.free_slot(s);
            }
        }
        h.num.store(live, Ordering::Relaxed);
        h.version.fetch_add(1, Ordering::Release);
    }

    /// The next live row at or after slot `from`: its slot, with its key
    /// words then its data copied into `out` (see [`Table::decode_key`]).
    pub fn next_row(&self, from: usize, out: &mut Vec<u64>) -> Option<usize> {
        let used = (self.header().next_unused.load(Ordering::Acquire) as usize).min(self.layout.rows);
        let data = layout::ROW_HEADER_WORDS..self.layout.row_words;
        (from..used).find(|&s| matches!(self.slot(s).read(None, data.clone(), out), row::Read::Hit))
    }

    /// The key of a row copied by [`Table::next_row`].
    pub fn decode_key(words: &[u64]) -> Vec<u8> {
        Key::decode(words)
    }
}
