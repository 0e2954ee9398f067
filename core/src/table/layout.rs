//! Columns and the shape of a table's shared memory: how rows are sized, where
//! each column sits in a row, and how many bytes the whole table maps.
//!
//! Everything is counted in 8-byte words, so that every byte of the table is
//! read and written through `AtomicU64` (no torn or racy plain accesses).
//!
//! ```text
//! header   2 cache lines     locks, counters (see Header)
//! index    2 × size words    open addressing: (hash << 32 | slot + 1), 0 = empty
//! slots    size × row words  [lock][key: len byte + 63 bytes][column data ...]
//! ```

use std::fmt;

/// Longest key, in bytes (Swoole's `SW_TABLE_KEY_SIZE` - 1).
pub const KEY_MAX: usize = 63;
/// Words of a slot before its data: the lock word, then 64 key bytes.
pub const ROW_HEADER_WORDS: usize = 1 + KEY_WORDS;
/// Words holding a key (its length byte, then up to 63 bytes).
pub const KEY_WORDS: usize = 8;
/// Bytes of the header (two cache lines: the hot update counter has its own).
pub const HEADER_BYTES: usize = 128;
/// Smallest table (Swoole rounds up to at least 2⁶ rows).
pub const MIN_ROWS: u64 = 64;
/// Largest table (Swoole's cap, 2³¹ rows).
pub const MAX_ROWS: u64 = 0x8000_0000;
/// Largest string column, in bytes (rounded up to 8), as Swoole's limit: the
/// capacity plus its length word must stay within 32 bits.
pub const STRING_MAX: u64 = (u32::MAX as u64 - 8) / 8 * 8;

/// `Swoole\Table::TYPE_*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int = 1,
    Float = 2,
    String = 3,
}

impl ColumnType {
    pub fn from_swoole(ty: i64) -> Option<ColumnType> {
        match ty {
            1 => Some(ColumnType::Int),
            2 => Some(ColumnType::Float),
            3 => Some(ColumnType::String),
            _ => None,
        }
    }
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// As given to `column()` (any bytes, even empty).
    pub name: Vec<u8>,
    /// How its value is stored and returned.
    pub ty: ColumnType,
    /// Strings: bytes a value may hold (the size asked, rounded up to 8 as Swoole does).
    pub capacity: usize,
    /// Word offset of the value in a row's data.
    pub offset: usize,
}

impl Column {
    /// Words the value takes: one for numbers; a length word plus the bytes for strings.
    pub fn words(&self) -> usize {
        match self.ty {
            ColumnType::Int | ColumnType::Float => 1,
            ColumnType::String => 1 + self.capacity / 8,
        }
    }
}

/// Why `column()` refused a column (each with Swoole's log message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnError {
    UnknownType,
    Exists(Vec<u8>),
    TooLarge(Vec<u8>),
}

impl fmt::Display for ColumnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnError::UnknownType => write!(f, "unknown column type"),
            ColumnError::Exists(n) => write!(f, "column[{}] already exists", String::from_utf8_lossy(n)),
            ColumnError::TooLarge(n) => write!(f, "column[{}] size is too large", String::from_utf8_lossy(n)),
        }
    }
}

/// The columns of a table, in the order they were declared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// In declaration order: rows come back to PHP in this order.
    list: Vec<Column>,
    /// Words of row data.
    data_words: usize,
}

impl Columns {
    /// Adds a column; `size` counts only for strings (at least 1: the caller
    /// checks that, with Swoole's warning).
    pub fn add(&mut self, name: &[u8], ty: ColumnType, size: u64) -> Result<(), ColumnError> {
        if self.find(name).is_some() {
            return Err(ColumnError::Exists(name.to_vec()));
        }
        let capacity = match ty {
            ColumnType::String => {
                let rounded = size.checked_next_multiple_of(8).filter(|&r| r <= STRING_MAX);
                rounded.ok_or_else(|| ColumnError::TooLarge(name.to_vec()))? as usize
            }
            _ => 8,
        };
        let col = Column { name: name.to_vec(), ty, capacity, offset: self.data_words };
        self.data_words += col.words();
        self.list.push(col);
        Ok(())
    }

    /// The column named `name` and its position.
    pub fn find(&self, name: &[u8]) -> Option<(usize, &Column)> {
        self.list.iter().enumerate().find(|(_, c)| c.name == name)
    }

    pub fn get(&self, i: usize) -> &Column {
        &self.list[i]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Column> {
        self.list.iter()
    }

    pub fn data_words(&self) -> usize {
        self.data_words
    }
}

/// Swoole's row count for `table_size`: a power of two, at least 64, at most
/// 2³¹ (the size is taken as an unsigned 32-bit number first, as Swoole does).
pub fn rounded_size(table_size: i64) -> u64 {
    let asked = table_size as u32 as u64;
    if asked >= MAX_ROWS { MAX_ROWS } else { asked.next_power_of_two().max(MIN_ROWS) }
}

/// Where everything sits in a created table's mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Rows (slots): the table holds exactly this many keys.
    pub rows: usize,
    /// Index entries (2 × rows, so probes stay short even when full).
    pub index_len: usize,
    /// Words of one slot: header plus data.
    pub row_words: usize,
    /// Words of row data.
    pub data_words: usize,
    /// Byte offset of the first slot.
    pub slots_at: usize,
    /// Bytes to map.
    pub bytes: usize,
}

/// The table is too big to address (the caller reports the sizes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooBig {
    /// Rows asked for.
    pub rows: u64,
    /// Bytes of one row.
    pub row_bytes: u64,
}

impl Layout {
    pub fn new(rows: u64, columns: &Columns) -> Result<Layout, TooBig> {
        let data_words = columns.data_words();
        let row_words = ROW_HEADER_WORDS + data_words;
        let too_big = TooBig { rows, row_bytes: (row_words as u64).saturating_mul(8) };
        let rows_us = usize::try_from(rows).map_err(|_| too_big)?;
        let index_len = rows_us.checked_mul(2).ok_or(too_big)?;
        let slots_at = index_len.checked_mul(8).and_then(|b| b.checked_add(HEADER_BYTES)).ok_or(too_big)?;
        let bytes = row_words
            .checked_mul(8)
            .and_then(|r| r.checked_mul(rows_us))
            .and_then(|s| s.checked_add(slots_at))
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or(too_big)?;
        Ok(Layout { rows: rows_us, index_len, row_words, data_words, slots_at, bytes })
    }

    /// Byte offset of slot `i`.
    pub fn slot_at(&self, i: usize) -> usize {
        self.slots_at + i * self.row_words * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_as_swoole() {
        assert_eq!(rounded_size(0), 64);
        assert_eq!(rounded_size(64), 64);
        assert_eq!(rounded_size(65), 128);
        assert_eq!(rounded_size(1000), 1024);
        assert_eq!(rounded_size(-1), MAX_ROWS);
        assert_eq!(rounded_size((1 << 32) + 5), 64);
    }

    #[test]
    fn columns_pack_in_words() {
        let mut c = Columns::default();
        c.add(b"i", ColumnType::Int, 2).unwrap();
        c.add(b"s", ColumnType::String, 10).unwrap();
        c.add(b"f", ColumnType::Float, 0).unwrap();
        assert_eq!(c.add(b"s", ColumnType::Int, 0), Err(ColumnError::Exists(b"s".to_vec())));
        assert_eq!(c.add(b"big", ColumnType::String, u32::MAX as u64), Err(ColumnError::TooLarge(b"big".to_vec())));
        assert!(c.add(b"ok", ColumnType::String, STRING_MAX).is_ok());
        let s = c.find(b"s").unwrap().1;
        assert_eq!((s.capacity, s.offset, s.words()), (16, 1, 3));
        assert_eq!(c.find(b"f").unwrap().1.offset, 4);
    }

    #[test]
    fn layout_counts_every_byte() {
        let mut c = Columns::default();
        c.add(b"i", ColumnType::Int, 0).unwrap();
        c.add(b"f", ColumnType::Float, 0).unwrap();
        c.add(b"s", ColumnType::String, 64).unwrap();
        let l = Layout::new(1 << 20, &c).unwrap();
        // lock + key (9 words) + 1 + 1 + 9 data words = 20 words = 160 bytes a row, plus 16 of index.
        assert_eq!(l.row_words, 20);
        assert_eq!(l.bytes, HEADER_BYTES + (1 << 20) * (160 + 16));
        assert!(Layout::new(MAX_ROWS, &c).is_ok());
    }
}
