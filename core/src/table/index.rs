//! The table's key index: open addressing with linear probing over twice as
//! many entries as rows, so a full table still probes ~1.5 entries a hit.
//!
//! An entry is `hash << 32 | slot + 1` (0: empty). Lookups take no lock.
//! Inserts only fill empty entries, so a concurrent lookup can miss only the
//! key being inserted. A delete closes its hole by shifting later entries
//! back (no tombstones, so probes never grow with churn); it runs with the
//! index `version` odd, and a lookup that found nothing while the version
//! moved looks again. Inserts and deletes are serialized by the table's
//! structure lock.

use std::sync::atomic::{fence, AtomicU32, AtomicU64, Ordering};

/// The index entries and the version word deletes bump.
pub struct Index<'a> {
    /// `hash << 32 | slot + 1`, 0 when empty; a power of two of them.
    pub entries: &'a [AtomicU64],
    /// Odd while a delete shifts entries (lookups that found nothing retry).
    pub version: &'a AtomicU32,
}

/// Where a probe for a hash starts and the entries it visits.
fn home(hash: u32, mask: usize) -> usize {
    hash as usize & mask
}

pub fn entry(hash: u32, slot: usize) -> u64 {
    (hash as u64) << 32 | (slot as u64 + 1)
}

pub fn entry_slot(e: u64) -> usize {
    (e as u32 as usize) - 1
}

fn entry_hash(e: u64) -> u32 {
    (e >> 32) as u32
}

impl Index<'_> {
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// Lock-free lookup: the first slot `hit` accepts among the entries of
    /// `hash`, retrying when a concurrent delete may have hidden it.
    pub fn find(&self, hash: u32, mut hit: impl FnMut(usize) -> bool) -> Option<usize> {
        loop {
            let v1 = self.version.load(Ordering::Acquire);
            if v1 & 1 == 1 {
                std::hint::spin_loop();
                continue;
            }
            let mut pos = home(hash, self.mask());
            for _ in 0..self.entries.len() {
                let e = self.entries[pos].load(Ordering::Acquire);
                if e == 0 {
                    break;
                }
                if entry_hash(e) == hash && hit(entry_slot(e)) {
                    return Some(entry_slot(e));
                }
                pos = (pos + 1) & self.mask();
            }
            fence(Ordering::Acquire);
            if self.version.load(Ordering::Relaxed) == v1 {
                return None;
            }
        }
    }

    /// Under the structure lock: the position of the entry for `slot`.
    pub fn position_of(&self, hash: u32, slot: usize) -> Option<usize> {
        let want = entry(hash, slot);
        let mut pos = home(hash, self.mask());
        for _ in 0..self.entries.len() {
            match self.entries[pos].load(Ordering::Relaxed) {
                0 => return None,
                e if e == want => return Some(pos),
                _ => pos = (pos + 1) & self.mask(),
            }
        }
        None
    }

    /// Under the structure lock: publishes `slot` (already written) under
    /// `hash`; returns how far from its home it landed. The index has twice
    /// as many entries as slots, so an empty one always exists.
    pub fn insert(&self, hash: u32, slot: usize) -> usize {
        let mut pos = home(hash, self.mask());
        for distance in 0..self.entries.len() {
            if self.entries[pos].load(Ordering::Relaxed) == 0 {
                self.entries[pos].store(entry(hash, slot), Ordering::Release);
                return distance;
            }
            pos = (pos + 1) & self.mask();
        }
        unreachable!("table index full: it has twice as many entries as rows");
    }

    /// Under the structure lock: removes the entry at `pos`, shifting back
    /// the later entries of its cluster that may live closer to home.
    pub fn remove(&self, mut pos: usize) {
        let mask = self.mask();
        self.version.fetch_add(1, Ordering::Relaxed);
        fence(Ordering::Release);
        let mut next = pos;
        loop {
            next = (next + 1) & mask;
            let e = self.entries[next].load(Ordering::Relaxed);
            if e == 0 {
                break;
            }
            let h = home(entry_hash(e), mask);
            // The entry at `next` may move into the hole at `pos` unless its
            // home lies cyclically in (pos, next].
            let stays = if pos <= next { pos < h && h <= next } else { pos < h || h <= next };
            if !stays {
                self.entries[pos].store(e, Ordering::Relaxed);
                pos = next;
            }
        }
        self.entries[pos].store(0, Ordering::Relaxed);
        self.version.fetch_add(1, Ordering::Release);
    }

    /// Under the structure lock, with the version odd: empties the index.
    pub fn clear(&self) {
        for e in self.entries {
            e.store(0, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(n: usize) -> (Vec<AtomicU64>, AtomicU32) {
        ((0..n).map(|_| AtomicU64::new(0)).collect(), AtomicU32::new(0))
    }

    #[test]
    fn colliding_hashes_fill_the_index_and_deletes_keep_the_rest_findable() {
        let (entries, version) = index(16);
        let ix = Index { entries: &entries, version: &version };
        // Eight entries with one hash, four with another that lands in their cluster.
        for s in 0..8 {
            ix.insert(5, s);
        }
        for s in 8..12 {
            ix.insert(6, s);
        }
        for s in 0..12 {
            let h = if s < 8 { 5 } else { 6 };
            assert_eq!(ix.find(h, |x| x == s), Some(s));
        }
        for s in [0, 3, 8, 7] {
            let h = if s < 8 { 5 } else { 6 };
            let pos = ix.position_of(h, s).unwrap();
            ix.remove(pos);
            assert_eq!(ix.find(h, |x| x == s), None);
        }
        for s in [1, 2, 4, 5, 6, 9, 10, 11] {
            let h = if s < 8 { 5 } else { 6 };
            assert_eq!(ix.find(h, |x| x == s), Some(s), "slot {s}");
        }
        assert_eq!(version.load(Ordering::Relaxed) % 2, 0);
    }

    #[test]
    fn wraps_around_the_end() {
        let (entries, version) = index(8);
        let ix = Index { entries: &entries, version: &version };
        for s in 0..4 {
            assert_eq!(ix.insert(7, s), s);
        }
        ix.remove(ix.position_of(7, 0).unwrap());
        for s in 1..4 {
            assert_eq!(ix.find(7, |x| x == s), Some(s));
        }
        assert_eq!(entries.iter().filter(|e| e.load(Ordering::Relaxed) != 0).count(), 3);
    }
}
