//! PHP values in and out of a `Swoole\Table` row: the arrays given to
//! `set()`/`cmpset()`... turned into typed column values (cast as PHP's
//! `(int)`, `(float)`, `(string)` do, as Swoole does), and rows turned back
//! into PHP arrays.

use crate::zend;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::borrow::Cow;
use swoole_core::table::{self as core, Column, ColumnType, Value};

/// A column value taken from PHP (strings borrowed from the array when they can be).
pub enum Cell<'a> {
    Int(i64),
    Float(f64),
    Str(Cow<'a, [u8]>),
}

/// What the array is for: values to write (strings cut to their column,
/// unknown columns ignored), or values a row must hold (`cmpset`, `cmpdel`:
/// every key must be a column, nothing is cut).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Values to store.
    Write,
    /// Values a row must hold.
    Expected,
}

/// The array's values by column; None when refused (warned) or when a cast
/// threw (the exception is pending).
pub fn marshal<'a>(t: &core::Table, ht: &'a ZendHashTable, key: &[u8], mode: Mode) -> Option<Vec<(usize, Cell<'a>)>> {
    let columns = t.columns();
    if mode == Mode::Expected {
        // Refuse the whole condition before any cast can run user code.
        if ht.is_empty() {
            zend::fatal_warning("expected values must not be empty");
            return None;
        }
        let mut it = ht.iter();
        while let Some((k, _)) = it.next_zval() {
            let Some(name) = k.zend_str() else {
                zend::fatal_warning("expected values must use column names");
                return None;
            };
            if columns.find(name.as_bytes()).is_none() {
                zend::fatal_warning(&format!("column[{}] does not exist", String::from_utf8_lossy(name.as_bytes())));
                return None;
            }
        }
    }
    let mut cells = Vec::with_capacity(ht.len());
    let mut it = ht.iter();
    while let Some((k, v)) = it.next_zval() {
        let Some((i, col)) = k.zend_str().and_then(|name| columns.find(name.as_bytes())) else { continue };
        let cell = match col.ty {
            ColumnType::Int => Cell::Int(zend::cast_long(v)),
            ColumnType::Float => Cell::Float(zend::cast_double(v)),
            ColumnType::String => {
                let s = zend::cast_bytes(v)?;
                if mode == Mode::Write && s.len() > col.capacity {
                    swoole_core::log::warning(&format!(
                        "table_marshal_values(): [key={},field={}]string value is too long",
                        String::from_utf8_lossy(key),
                        String::from_utf8_lossy(&col.name)
                    ));
                }
                Cell::Str(s)
            }
        };
        if zend::exception_pending() {
            return None;
        }
        cells.push((i, cell));
    }
    Some(cells)
}

/// The core's view of marshalled cells.
pub fn values<'b>(cells: &'b [(usize, Cell<'_>)]) -> Vec<(usize, Value<'b>)> {
    cells
        .iter()
        .map(|(i, c)| {
            let v = match c {
                Cell::Int(n) => Value::Int(*n),
                Cell::Float(f) => Value::Float(*f),
                Cell::Str(s) => Value::Str(s),
            };
            (*i, v)
        })
        .collect()
}

/// One column's value from a row's data words.
pub fn value_zval(col: &Column, data: &[u64]) -> Zval {
    match core::decode(col, data) {
        Value::Int(i) => i.into_zval(false).unwrap_or_default(),
        Value::Float(f) => f.into_zval(false).unwrap_or_default(),
        Value::Str(s) => zend::bytes_zval(s),
    }
}

/// The row as `['column' => value, ...]`, in column order.
pub fn row_array(t: &core::Table, data: &[u64]) -> ZBox<ZendHashTable> {
    let columns = t.columns();
    let mut a = ZendHashTable::with_capacity(columns.len() as u32);
    for col in columns.iter() {
        let _ = a.insert(String::from_utf8_lossy(&col.name).as_ref(), value_zval(col, data));
    }
    a
}
