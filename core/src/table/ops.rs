//! The table's operations: reads without locks, updates under the row's
//! lock, inserts and deletes under the structure lock too (always taken
//! before a row lock, never while holding one).

use super::layout::{Column, ColumnType, KEY_WORDS, ROW_HEADER_WORDS};
use super::row::{Key, Locked, Read};
use super::value::{string_bytes, Full, Number, Stats, Value};
use super::Table;
use std::sync::atomic::Ordering;

impl Table {
    fn data_at(&self, col: &Column) -> usize {
        ROW_HEADER_WORDS + col.offset
    }

    fn write_value(&self, l: &Locked, col: &Column, v: Value) {
        let at = self.data_at(col);
        match v {
            Value::Int(i) => l.store(at, i as u64),
            Value::Float(f) => l.store(at, f.to_bits()),
            Value::Str(s) => {
                let s = &s[..s.len().min(col.capacity)];
                l.store(at, s.len() as u64);
                for (i, chunk) in s.chunks(8).enumerate() {
                    let mut w = [0u8; 8];
                    w[..chunk.len()].copy_from_slice(chunk);
                    l.store(at + 1 + i, u64::from_ne_bytes(w));
                }
            }
        }
    }

    fn write_values(&self, l: &Locked, values: &[(usize, Value)]) {
        for &(c, v) in values {
            self.write_value(l, self.columns.get(c), v);
        }
    }

    /// Whether every expected value equals the row's (strings byte for byte,
    /// not cut to the column; floats with `==`).
    fn matches(&self, l: &Locked, expected: &[(usize, Value)]) -> bool {
        expected.iter().all(|&(c, v)| {
            let col = self.columns.get(c);
            let at = self.data_at(col);
            match v {
                Value::Int(i) => l.load(at) as i64 == i,
                Value::Float(f) => f64::from_bits(l.load(at)) == f,
                Value::Str(s) => {
                    let stored: Vec<u64> = (0..col.words()).map(|i| l.load(at + i)).collect();
                    string_bytes(&stored) == s
                }
            }
        })
    }

    /// Runs `f` on the locked row of `key`; None when there is none.
    fn with_row<R>(&self, key: &Key, hash: u32, mut f: impl FnMut(&Locked) -> R) -> Option<R> {
        loop {
            let slot = self.find(key, hash)?;
            let l = self.slot(slot).lock();
            if l.holds(key) {
                return Some(f(&l));
            }
            // Deleted (and maybe reused) since it was found: look again.
        }
    }

    /// Under the structure lock, for a key known to be absent: writes a new
    /// row (zeroed, then `fill`) and publishes it.
    fn insert(&self, key: &Key, hash: u32, fill: impl FnOnce(&Locked)) -> Result<(), Full> {
        let slot = self.alloc_slot().ok_or(Full)?;
        {
            let l = self.slot(slot).lock();
            for i in 1..self.layout.row_words {
                l.store(i, 0);
            }
            fill(&l);
            // The key last: until then the slot is not anybody's row.
            for i in (0..KEY_WORDS).rev() {
                l.store(1 + i, key.words[i]);
            }
        }
        let distance = self.index().insert(hash, slot) as u64;
        let h = self.header();
        h.num.fetch_add(1, Ordering::Relaxed);
        h.insert_count.fetch_add(1, Ordering::Relaxed);
        if distance > 0 {
            h.conflict_count.fetch_add(1, Ordering::Relaxed);
            h.conflict_max_level.fetch_max(distance as u32, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Update in place if `key` exists (`update` then counts), else insert
    /// with `fill` under the structure lock (re-checking first).
    fn upsert<R>(
        &self,
        key: &[u8],
        mut update: impl FnMut(&Locked) -> R,
        fill: impl FnOnce(&Locked) -> R,
    ) -> Result<R, Full> {
        let k = Key::new(key);
        let hash = self.hash(key);
        if let Some(r) = self.with_row(&k, hash, &mut update) {
            self.header().update_count.fetch_add(1, Ordering::Relaxed);
            return Ok(r);
        }
        self.structurally(|| {
            if let Some(r) = self.with_row(&k, hash, &mut update) {
                self.header().update_count.fetch_add(1, Ordering::Relaxed);
                return Ok(r);
            }
            let mut out = None;
            self.insert(&k, hash, |l| out = Some(fill(l)))?;
            Ok(out.expect("fill ran"))
        })
    }

    /// `set()`: the given columns of `key`, which is created (other columns 0) if new.
    pub fn set(&self, key: &[u8], values: &[(usize, Value)]) -> Result<(), Full> {
        self.upsert(key, |l| self.write_values(l, values), |l| self.write_values(l, values))
    }

    /// `add()`: creates `key` with `values`; false (nothing written) if it exists.
    pub fn add(&self, key: &[u8], values: &[(usize, Value)]) -> Result<bool, Full> {
        let k = Key::new(key);
        let hash = self.hash(key);
        if self.find(&k, hash).is_some() {
            return Ok(false);
        }
        self.structurally(|| {
            if self.find(&k, hash).is_some() {
                return Ok(false);
            }
            self.insert(&k, hash, |l| self.write_values(l, values)).map(|()| true)
        })
    }

    /// `update()`: the given columns of an existing `key`; false if absent.
    pub fn update(&self, key: &[u8], values: &[(usize, Value)]) -> bool {
        self.update_if(key, &[], values)
    }

    /// `cmpset()`: writes `values` if every `expected` value matches, atomically.
    pub fn cmpset(&self, key: &[u8], expected: &[(usize, Value)], values: &[(usize, Value)]) -> bool {
        self.update_if(key, expected, values)
    }

    fn update_if(&self, key: &[u8], expected: &[(usize, Value)], values: &[(usize, Value)]) -> bool {
        let done = self.with_row(&Key::new(key), self.hash(key), |l| {
            let ok = self.matches(l, expected);
            if ok {
                self.write_values(l, values);
            }
            ok
        });
        if done == Some(true) {
            self.header().update_count.fetch_add(1, Ordering::Relaxed);
        }
        done == Some(true)
    }

    /// `incr()`/`decr()` of a number column (a new key starts at 0); the new value.
    pub fn incr(&self, key: &[u8], col: usize, by: Number) -> Result<Number, Full> {
        let column = self.columns.get(col);
        let at = self.data_at(column);
        let apply = |l: &Locked| {
            let new = match (column.ty, by) {
                (ColumnType::Float, by) => {
                    let by = match by {
                        Number::Float(f) => f,
                        Number::Int(i) => i as f64,
                    };
                    Number::Float(f64::from_bits(l.load(at)) + by)
                }
                (_, by) => {
                    let by = match by {
                        Number::Int(i) => i,
                        Number::Float(f) => f as i64,
                    };
                    Number::Int((l.load(at) as i64).wrapping_add(by))
                }
            };
            match new {
                Number::Int(i) => l.store(at, i as u64),
                Number::Float(f) => l.store(at, f.to_bits()),
            }
            new
        };
        self.upsert(key, apply, apply)
    }

    /// `get()`: copies the row's data words into `out`; false if `key` is absent.
    pub fn get(&self, key: &[u8], out: &mut Vec<u64>) -> bool {
        let data = ROW_HEADER_WORDS..self.layout.row_words;
        self.read_into(key, data, out)
    }

    /// `get($key, $field)`: copies only column `col` (as [`decode`] expects it at its offset).
    pub fn get_column(&self, key: &[u8], col: usize, out: &mut Vec<u64>) -> bool {
        let c = self.columns.get(col);
        let at = self.data_at(c);
        if !self.read_into(key, at..at + c.words(), out) {
            return false;
        }
        out.splice(0..0, std::iter::repeat_n(0, c.offset));
        true
    }

    fn read_into(&self, key: &[u8], words: std::ops::Range<usize>, out: &mut Vec<u64>) -> bool {
        let k = Key::new(key);
        let found = self
            .index()
            .find(self.hash(key), |s| matches!(self.slot(s).read(Some(&k), words.clone(), out), Read::Hit));
        found.is_some()
    }

    /// `exists()`.
    pub fn exists(&self, key: &[u8]) -> bool {
        self.find(&Key::new(key), self.hash(key)).is_some()
    }

    /// `del()`.
    pub fn del(&self, key: &[u8]) -> bool {
        self.delete_if(key, &[], None)
    }

    /// `cmpdel()`: deletes `key` if every expected value matches.
    pub fn cmpdel(&self, key: &[u8], expected: &[(usize, Value)]) -> bool {
        self.delete_if(key, expected, None)
    }

    /// `getdel()`: the row's data words (see [`Table::get`]) into `out`, then deleted.
    pub fn getdel(&self, key: &[u8], out: &mut Vec<u64>) -> bool {
        self.delete_if(key, &[], Some(out))
    }

    fn delete_if(&self, key: &[u8], expected: &[(usize, Value)], mut out: Option<&mut Vec<u64>>) -> bool {
        let k = Key::new(key);
        let hash = self.hash(key);
        if self.find(&k, hash).is_none() {
            return false;
        }
        self.structurally(|| {
            // Under the structure lock the key cannot move or vanish but through us.
            let Some(slot) = self.find(&k, hash) else { return false };
            {
                let l = self.slot(slot).lock();
                if !l.holds(&k) || !self.matches(&l, expected) {
                    return false;
                }
                if let Some(out) = out.as_mut() {
                    out.clear();
                    out.extend((ROW_HEADER_WORDS..self.layout.row_words).map(|i| l.load(i)));
                }
                l.store(1, 0);
            }
            let index = self.index();
            if let Some(pos) = index.position_of(hash, slot) {
                index.remove(pos);
            }
            self.free_slot(slot);
            let h = self.header();
            h.num.fetch_sub(1, Ordering::Relaxed);
            h.delete_count.fetch_add(1, Ordering::Relaxed);
            true
        })
    }

    pub fn stats(&self) -> Stats {
        let h = self.header();
        let num = h.num.load(Ordering::Relaxed) as u64;
        Stats {
            num,
            conflict_count: h.conflict_count.load(Ordering::Relaxed),
            conflict_max_level: h.conflict_max_level.load(Ordering::Relaxed) as u64,
            insert_count: h.insert_count.load(Ordering::Relaxed),
            update_count: h.update_count.load(Ordering::Relaxed),
            delete_count: h.delete_count.load(Ordering::Relaxed),
            available_slice_num: self.layout.rows as u64 - num.min(self.layout.rows as u64),
            total_slice_num: self.layout.rows as u64,
        }
    }
}
