//! One slot of a table: a seqlock word, the key, the column data.
//!
//! The lock word is `writer pid << 32 | sequence`. A writer turns an even
//! sequence odd (stamping its pid), writes, then makes it even again. A
//! reader copies the words it needs between two loads of the lock word and
//! retries if the sequence moved or was odd: readers never write shared
//! memory, so they never block each other, and never see half a write. A
//! writer that died mid-write leaves the sequence odd; whoever waits on it
//! notices the dead pid and ends the write (the row may then be partly
//! updated, which is logged).

use super::layout::{KEY_MAX, KEY_WORDS};
use crate::futex;
use std::sync::atomic::{fence, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// After spinning this long on a locked row, check whether its writer lives.
const STUCK: Duration = Duration::from_millis(2);

/// A key as the words a slot stores it in (length byte first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// As a slot stores it: compared word by word.
    pub words: [u64; KEY_WORDS],
    /// Words that hold the length and the bytes; the rest are zero.
    pub used: usize,
}

impl Key {
    /// `bytes` must be 1..=63 long.
    pub fn new(bytes: &[u8]) -> Key {
        debug_assert!(!bytes.is_empty() && bytes.len() <= KEY_MAX);
        let mut raw = [0u8; KEY_WORDS * 8];
        raw[0] = bytes.len() as u8;
        raw[1..=bytes.len()].copy_from_slice(bytes);
        let mut words = [0u64; KEY_WORDS];
        for (w, chunk) in words.iter_mut().zip(raw.chunks_exact(8)) {
            *w = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        }
        Key { words, used: (bytes.len() + 1).div_ceil(8) }
    }

    /// The key's bytes back from a slot's key words.
    pub fn decode(words: &[u64]) -> Vec<u8> {
        let mut raw = Vec::with_capacity(KEY_WORDS * 8);
        for w in words.iter().take(KEY_WORDS) {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let len = (raw[0] as usize).min(KEY_MAX);
        raw[1..=len].to_vec()
    }
}

/// Waiting for a row's writer: spin, then yield, and now and then check that
/// the writer still lives.
#[derive(Default)]
struct Backoff {
    /// Waits so far: the first ones only spin.
    spins: u32,
    /// When the wait began to yield (the clock of the liveness check).
    since: Option<Instant>,
}

impl Backoff {
    /// One step of waiting on `slot`, whose lock word `w` was seen held.
    fn pause(&mut self, slot: &Slot, w: u64) {
        self.spins += 1;
        if self.spins < 128 {
            std::hint::spin_loop();
            return;
        }
        std::thread::yield_now();
        let start = *self.since.get_or_insert_with(Instant::now);
        if start.elapsed() >= STUCK {
            slot.end_dead_write(w);
            self.since = Some(Instant::now());
        }
    }
}

/// A slot's words: `[0]` the lock, `[1..=8]` the key, then the data.
#[derive(Clone, Copy)]
pub struct Slot<'a>(pub &'a [AtomicU64]);

/// A slot locked for writing by this process; unlocked on drop.
pub struct Locked<'a> {
    /// The slot written.
    slot: Slot<'a>,
    /// The odd sequence the lock took.
    seq: u32,
}

impl Locked<'_> {
    pub fn words(&self) -> &[AtomicU64] {
        self.slot.0
    }

    /// Whether the slot holds `key` (stable while locked).
    pub fn holds(&self, key: &Key) -> bool {
        self.slot.has_key(key)
    }

    pub fn load(&self, i: usize) -> u64 {
        self.slot.0[i].load(Ordering::Relaxed)
    }

    pub fn store(&self, i: usize, v: u64) {
        self.slot.0[i].store(v, Ordering::Relaxed)
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        self.slot.0[0].store(self.seq.wrapping_add(1) as u64, Ordering::Release);
    }
}

/// What a seqlock read found.
pub enum Read {
    /// The slot held the key; the words asked for were copied.
    Hit,
    /// The slot holds another key, or none.
    Miss,
}

impl<'a> Slot<'a> {
    fn lock_word(&self) -> &AtomicU64 {
        &self.0[0]
    }

    /// Plain key comparison of the slot's key words (callers order it).
    fn has_key(&self, key: &Key) -> bool {
        (0..key.used).all(|i| self.0[1 + i].load(Ordering::Relaxed) == key.words[i])
    }

    /// Whether the slot holds some key (its length byte is not 0).
    pub fn is_live_word(word1: u64) -> bool {
        word1 & 0xff != 0
    }

    /// Waits out a write in progress: returns the even lock word to read from.
    /// A write whose writer is gone is ended here (logged).
    fn stable(&self) -> u64 {
        let mut backoff = Backoff::default();
        loop {
            let w = self.lock_word().load(Ordering::Acquire);
            if w & 1 == 0 {
                return w;
            }
            backoff.pause(self, w);
        }
    }

    /// If the writer stamped in lock word `w` is gone, ends its write.
    fn end_dead_write(&self, w: u64) -> bool {
        let writer = (w >> 32) as u32;
        if !futex::process_gone(writer) {
            return false;
        }
        let done = (w as u32).wrapping_add(1) as u64;
        if self.lock_word().compare_exchange(w, done, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
            crate::log::warning(&format!("TableRow::lock(): lock process[{writer}] not exists, force unlock"));
        }
        true
    }

    /// Copies the slot's key and the data words `data` (relative to the
    /// slot's start) into `out` if it holds `key`, all from one consistent
    /// version of the row. With `key` None, copies any live row (iteration)
    /// and the key words as well.
    pub fn read(&self, key: Option<&Key>, data: std::ops::Range<usize>, out: &mut Vec<u64>) -> Read {
        loop {
            let before = self.stable();
            out.clear();
            let hit = match key {
                Some(k) => self.has_key(k),
                None => Self::is_live_word(self.0[1].load(Ordering::Relaxed)),
            };
            if hit {
                if key.is_none() {
                    out.extend(self.0[1..=KEY_WORDS].iter().map(|w| w.load(Ordering::Relaxed)));
                }
                out.extend(self.0[data.clone()].iter().map(|w| w.load(Ordering::Relaxed)));
            }
            fence(Ordering::Acquire);
            if self.lock_word().load(Ordering::Relaxed) == before {
                return if hit { Read::Hit } else { Read::Miss };
            }
        }
    }

    /// Locks the slot for writing.
    pub fn lock(self) -> Locked<'a> {
        let me = (futex::pid() as u64) << 32;
        let mut backoff = Backoff::default();
        loop {
            let w = self.lock_word().load(Ordering::Relaxed);
            let seq = w as u32;
            if seq & 1 == 0 {
                let odd = seq.wrapping_add(1);
                if self.lock_word().compare_exchange_weak(w, me | odd as u64, Ordering::Acquire, Ordering::Relaxed).is_ok()
                {
                    // Readers that see any of the writes below also see the odd sequence.
                    fence(Ordering::Release);
                    return Locked { slot: self, seq: odd };
                }
                continue;
            }
            backoff.pause(&self, w);
        }
    }

    /// Ends any write left by a dead writer (table repair); false while a
    /// live writer holds the row.
    pub fn settle(&self) -> bool {
        let w = self.lock_word().load(Ordering::Acquire);
        w & 1 == 0 || self.end_dead_write(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_words() {
        for k in [&b"a"[..], b"0123456", b"01234567", &[7u8; KEY_MAX]] {
            let key = Key::new(k);
            assert_eq!(Key::decode(&key.words), k);
            assert_eq!(key.used, (k.len() + 1).div_ceil(8));
        }
    }

    #[test]
    fn a_locked_row_reads_after_unlock() {
        let words: Vec<AtomicU64> = (0..12).map(|_| AtomicU64::new(0)).collect();
        let slot = Slot(&words);
        let key = Key::new(b"k");
        {
            let l = slot.lock();
            for (i, w) in key.words.iter().enumerate() {
                l.store(1 + i, *w);
            }
            l.store(10, 42);
        }
        let mut out = Vec::new();
        assert!(matches!(slot.read(Some(&key), 10..11, &mut out), Read::Hit));
        assert_eq!(out, [42]);
        assert!(matches!(slot.read(Some(&Key::new(b"x")), 10..11, &mut out), Read::Miss));
        assert_eq!(words[0].load(Ordering::Relaxed) & 1, 0);
    }
}
