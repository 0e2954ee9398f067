//! What a table stores and reports: a column's [`Value`], an incr/decr
//! [`Number`], the [`Full`] refusal, `stats()`'s [`Stats`], and reading a
//! value back out of a row's words. A leaf: `mod.rs` and `ops.rs` both use it.

use super::layout::{Column, ColumnType};

/// A value to store or compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Int(i64),
    Float(f64),
    Str(&'a [u8]),
}

/// An incr/decr amount and its result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

/// The table is full: the key is new and every row is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

/// `stats()`: Swoole's keys. There is no conflict pool, so the "slices" are
/// the table's rows: `available_slice_num` is how many are free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Rows in use.
    pub num: u64,
    /// Inserts whose index entry is not at its hash's home.
    pub conflict_count: u64,
    /// The longest probe an insert made.
    pub conflict_max_level: u64,
    /// Rows added, updated (existing rows written) and deleted, as Swoole counts them.
    pub insert_count: u64,
    pub update_count: u64,
    pub delete_count: u64,
    /// Free rows.
    pub available_slice_num: u64,
    /// All rows.
    pub total_slice_num: u64,
}

/// Bytes of a string value stored in `words` (its length word first).
pub fn string_bytes(words: &[u64]) -> &[u8] {
    let len = words[0] as usize;
    let body = &words[1..];
    // SAFETY: any u64 memory is valid as bytes; the length was clamped to the
    // column's capacity when written, and `body` holds that many bytes.
    let bytes = unsafe { std::slice::from_raw_parts(body.as_ptr().cast::<u8>(), body.len() * 8) };
    &bytes[..len.min(bytes.len())]
}

/// A column's value from a row's data words (from [`Table::get`]).
pub fn decode<'a>(col: &Column, data: &'a [u64]) -> Value<'a> {
    let w = &data[col.offset..col.offset + col.words()];
    match col.ty {
        ColumnType::Int => Value::Int(w[0] as i64),
        ColumnType::Float => Value::Float(f64::from_bits(w[0])),
        ColumnType::String => Value::Str(string_bytes(w)),
    }
}
