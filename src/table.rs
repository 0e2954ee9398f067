//! `Swoole\Table`: a thin face over the core's shared table
//! ([`swoole_core::table`]). Columns are declared, then `create()` maps the
//! memory: a table created before `start()` (or `Swoole\Process::start()`)
//! is shared by every process forked after; created inside a worker, it is
//! that worker's own.
//!
//! Past Swoole: a table made for N rows takes N keys whatever their hashes
//! (Swoole's refuses keys once a bucket's collisions fill its small pool,
//! often long before N), reads take no lock, and a process killed mid-write
//! does not leave a row locked.

use crate::args::{ArrayArg, FloatArg, IntArg, Opt, StrArg};
use crate::exception::swoole_error;
use crate::props::{self, Default as P};
use crate::table_values::{marshal, row_array, value_zval, values, Mode};
use crate::functions::notice_warning;
use crate::zend::{self, ArgError};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::{PhpException, PhpResult};
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use ext_php_rs::zend::ce;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use swoole_core::table::{self as core, ColumnType, Columns, CreateError, Number, KEY_MAX};

/// Swoole's signatures (see [`crate::arginfo`]).
const TABLE_API: &[&str] = &[
    "__construct(int $table_size, float $conflict_proportion = 0.2)",
    "column(string $name, int $type, int $size = 0): bool",
    "create(): bool",
    "destroy(): bool",
    "set(string $key, array $value): bool",
    "add(string $key, array $values): bool",
    "update(string $key, array $values): bool",
    "cmpset(string $key, array $expected, array $values): bool",
    "get(string $key, ?string $field = null): array|string|int|float|false",
    "getdel(string $key, ?string $field = null): array|string|int|float|false",
    "count(): int",
    "del(string $key): bool",
    "delete(string $key): bool",
    "cmpdel(string $key, array $expected): bool",
    "exists(string $key): bool",
    "exist(string $key): bool",
    "incr(string $key, string $column, int|float $incrby = 1): int|float|false",
    "decr(string $key, string $column, int|float $incrby = 1): int|float|false",
    "getSize(): int",
    "getMemorySize(): int",
    "stats(): array|false",
    "rewind(): void",
    "valid(): bool",
    "next(): void",
    "current(): mixed",
    "key(): mixed",
];

/// Rewrites the class's arginfo to Swoole's and lets subclasses' objects
/// keep their class (once, at the first request; `unset($table->size)`
/// throws through [`crate::unset_deny`]).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Table::get_metadata().ce(), TABLE_API);
    crate::subclass::install::<Table>();
}

fn table_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(builder, &[("size", P::Null), ("memorySize", P::Null)])
}

/// Where a table is in its life.
#[derive(Default)]
enum State {
    /// The constructor has not run (a subclass that skipped it).
    #[default]
    Unconstructed,
    /// Columns being declared.
    Defining { rows: u64, columns: Columns },
    /// Mapped. Each operation holds its own reference, so a destroy() from
    /// user code run by a value cast cannot unmap under it.
    Created(Rc<core::Table>),
    Destroyed,
}

#[php_class]
#[php(name = "Swoole\\Table")]
#[php(implements(ce = ce::iterator, stub = "\\Iterator"))]
#[php(implements(ce = ce::countable, stub = "\\Countable"))]
#[php(modifier = table_class)]
#[derive(Default)]
pub struct Table {
    /// Where the table is in its life (and its shared memory once created).
    state: RefCell<State>,
    /// Iteration: the slot to look at next.
    cursor: Cell<usize>,
    /// Iteration: the current row (key, then its data words), copied when reached.
    current: RefCell<Option<(Vec<u8>, Vec<u64>)>>,
}

fn constructor_first() -> PhpException {
    swoole_error("must call constructor first")
}

/// An operation on a table that was never created: Swoole's fatal error.
fn not_created<T>() -> PhpResult<T> {
    zend::fatal("table is not created or has been destroyed");
    Err(ArgError.into())
}

/// Swoole's key rules (with its warnings): 1 to 63 bytes.
fn key_ok(key: &[u8]) -> bool {
    if key.is_empty() {
        zend::fatal_warning("key must not be empty");
        return false;
    }
    if key.len() > KEY_MAX {
        zend::fatal_warning(&format!("key length exceeds the limit of {KEY_MAX} bytes"));
        return false;
    }
    true
}

/// A created table and a key that passed Swoole's rules.
type TableAndKey<'a> = (Rc<core::Table>, std::borrow::Cow<'a, [u8]>);

fn zv(v: impl IntoZval) -> PhpResult<Zval> {
    Ok(v.into_zval(false)?)
}

impl Table {
    /// The created table, or Swoole's error for each other state.
    fn created(&self) -> PhpResult<Rc<core::Table>> {
        match &*self.state.borrow() {
            State::Created(t) => Ok(t.clone()),
            State::Defining { .. } => not_created(),
            State::Unconstructed | State::Destroyed => Err(constructor_first()),
        }
    }

    /// The created table and a valid key, or None (warned) for a bad key.
    fn with_key<'a>(&self, key: StrArg<'a>) -> PhpResult<Option<TableAndKey<'a>>> {
        let key = key.bytes(1)?;
        let t = self.created()?;
        Ok(key_ok(&key).then_some((t, key)))
    }

    /// A method taking a key and an array of values (to write, or `Expected`).
    fn with_values(
        &self,
        key: StrArg,
        array: ArrayArg,
        mode: Mode,
        op: impl FnOnce(&core::Table, &[u8], &[(usize, core::Value)]) -> bool,
    ) -> PhpResult<bool> {
        let key = key.bytes(1)?;
        let array = array.get(2)?;
        let t = self.created()?;
        if !key_ok(&key) {
            return Ok(false);
        }
        let Some(cells) = marshal(&t, array, &key, mode) else { return pending_or(false) };
        Ok(op(&t, &key, &values(&cells)))
    }

    fn delete_key(&self, key: StrArg) -> PhpResult<bool> {
        let Some((t, key)) = self.with_key(key)? else { return Ok(false) };
        Ok(t.del(&key))
    }

    fn exists_key(&self, key: StrArg) -> PhpResult<bool> {
        let Some((t, key)) = self.with_key(key)? else { return Ok(false) };
        Ok(t.exists(&key))
    }

    /// `get`/`getdel` with an optional field: a row array, one value, or false.
    fn read(&self, key: StrArg, field: Opt<StrArg>, delete: bool) -> PhpResult<Zval> {
        let key = key.bytes(1)?;
        let field = match field.0 {
            Some(f) if !f.0.is_null() => Some(f.bytes(2)?),
            _ => None,
        };
        let t = self.created()?;
        if !key_ok(&key) {
            return zv(false);
        }
        let col = match &field {
            // As Swoole: false for an unknown field, the row untouched.
            Some(name) => match t.columns().find(name) {
                Some((i, _)) => Some(i),
                None => return zv(false),
            },
            None => None,
        };
        let mut data = Vec::new();
        let found = match (delete, col) {
            (true, _) => t.getdel(&key, &mut data),
            (false, Some(c)) => t.get_column(&key, c, &mut data),
            (false, None) => t.get(&key, &mut data),
        };
        if !found {
            return zv(false);
        }
        Ok(match col {
            Some(c) => value_zval(t.columns().get(c), &data),
            None => zv(row_array(&t, &data))?,
        })
    }

    fn add_to(&self, key: StrArg, column: StrArg, by: Option<&Zval>, sign: i64, op: &str) -> PhpResult<Zval> {
        let key = key.bytes(1)?;
        let column = column.bytes(2)?;
        let t = self.created()?;
        if !key_ok(&key) {
            return zv(false);
        }
        let Some((c, col)) = t.columns().find(&column) else {
            zend::fatal_warning(&format!("column[{}] does not exist", String::from_utf8_lossy(&column)));
            return zv(false);
        };
        let by = match (col.ty, by) {
            (ColumnType::String, _) => {
                zend::fatal_warning(&format!("can't execute '{op}' on a string type column"));
                return zv(false);
            }
            (ColumnType::Float, by) => Number::Float(sign as f64 * by.map_or(1.0, zend::cast_double)),
            (ColumnType::Int, by) => Number::Int(by.map_or(1, zend::cast_long).wrapping_mul(sign)),
        };
        if zend::exception_pending() {
            return Err(ArgError.into());
        }
        match t.incr(&key, c, by) {
            Ok(Number::Int(i)) => zv(i),
            Ok(Number::Float(f)) => zv(f),
            Err(core::Full) => {
                zend::fatal_warning("unable to allocate memory");
                zv(false)
            }
        }
    }

    /// Moves the iteration to the next live row at or after the cursor.
    fn forward(&self, t: &core::Table) {
        let mut words = Vec::new();
        let found = t.next_row(self.cursor.get(), &mut words);
        *self.current.borrow_mut() = found.map(|slot| {
            self.cursor.set(slot + 1);
            let key = core::Table::decode_key(&words);
            (key, words.split_off(swoole_core::table::layout::KEY_WORDS))
        });
        if found.is_none() {
            self.cursor.set(t.size());
        }
    }
}

/// False, unless a cast threw: then the exception goes up.
fn pending_or(v: bool) -> PhpResult<bool> {
    if zend::exception_pending() { Err(ArgError.into()) } else { Ok(v) }
}

#[php_impl]
impl Table {
    pub const TYPE_INT: i64 = 1;
    pub const TYPE_STRING: i64 = 3;
    pub const TYPE_FLOAT: i64 = 2;

    pub fn __construct(table_size: IntArg, conflict_proportion: Opt<FloatArg>) -> PhpResult<Self> {
        crate::exception::constructed_once::<Table>(|t| !matches!(*t.state.borrow(), State::Unconstructed))?;
        let size = table_size.get(1)?;
        // Accepted for compatibility; there is no conflict pool to size.
        let _ = conflict_proportion.or(2, 0.2)?;
        let state = State::Defining { rows: core::rounded_size(size), columns: Columns::default() };
        Ok(Table { state: RefCell::new(state), ..Default::default() })
    }

    pub fn column(&self, name: StrArg, r#type: IntArg, size: Opt<IntArg>) -> PhpResult<bool> {
        let name = name.bytes(1)?;
        let ty = r#type.get(2)?;
        let size = size.or(3, 0)?;
        let mut state = self.state.borrow_mut();
        if matches!(*state, State::Unconstructed | State::Destroyed) {
            return Err(constructor_first());
        }
        if ty == Self::TYPE_STRING && size < 1 {
            zend::fatal_warning("the length of string type values has to be more than zero");
            return Ok(false);
        }
        let State::Defining { columns, .. } = &mut *state else {
            zend::fatal_warning("unable to add column after table has been created");
            return Ok(false);
        };
        let Some(kind) = ColumnType::from_swoole(ty) else {
            swoole_core::log::warning("Table::add_column(): unknown column type");
            return Ok(false);
        };
        match columns.add(&name, kind, size as u64) {
            Ok(()) => Ok(true),
            Err(e) => {
                swoole_core::log::warning(&format!("Table::add_column(): {e}"));
                Ok(false)
            }
        }
    }

    pub fn create(self_: &mut ZendClassObject<Table>) -> PhpResult<bool> {
        let (rows, columns) = match &*self_.state.borrow() {
            State::Defining { rows, columns } => (*rows, columns.clone()),
            State::Created(_) => {
                zend::fatal_warning("the table has already been created");
                return Ok(false);
            }
            State::Unconstructed | State::Destroyed => return Err(constructor_first()),
        };
        let table = match core::Table::create(rows, columns) {
            Ok(t) => t,
            Err(e) => {
                let why = match e {
                    CreateError::TooBig(tb) => {
                        format!("{} rows of {} bytes do not fit in the address space", tb.rows, tb.row_bytes)
                    }
                    CreateError::Map { bytes, rows, row_bytes, error } => {
                        format!("{rows} rows of {row_bytes} bytes need {bytes} bytes of shared memory: {error}")
                    }
                };
                zend::fatal(&format!("unable to allocate memory: {why}"));
                return Ok(false);
            }
        };
        let (size, memory) = (table.size() as i64, table.memory_size() as i64);
        *self_.state.borrow_mut() = State::Created(Rc::new(table));
        let obj = self_.get_mut_zend_obj();
        props::set(obj, "size", size);
        props::set(obj, "memorySize", memory);
        Ok(true)
    }

    pub fn destroy(&self) -> PhpResult<bool> {
        let _ = self.created()?;
        *self.state.borrow_mut() = State::Destroyed;
        *self.current.borrow_mut() = None;
        Ok(true)
    }

    pub fn set(&self, key: StrArg, value: ArrayArg) -> PhpResult<bool> {
        self.with_values(key, value, Mode::Write, |t, key, vals| match t.set(key, vals) {
            Ok(()) => true,
            Err(core::Full) => {
                notice_warning(&format!("failed to set('{}'), unable to allocate memory", String::from_utf8_lossy(key)));
                false
            }
        })
    }

    pub fn add(&self, key: StrArg, values: ArrayArg) -> PhpResult<bool> {
        self.with_values(key, values, Mode::Write, |t, key, vals| match t.add(key, vals) {
            Ok(added) => added,
            Err(core::Full) => {
                notice_warning(&format!("failed to add('{}'), unable to allocate memory", String::from_utf8_lossy(key)));
                false
            }
        })
    }

    pub fn update(&self, key: StrArg, values: ArrayArg) -> PhpResult<bool> {
        self.with_values(key, values, Mode::Write, |t, key, vals| t.update(key, vals))
    }

    pub fn cmpset(&self, key: StrArg, expected: ArrayArg, values: ArrayArg) -> PhpResult<bool> {
        let key = key.bytes(1)?;
        let (expected, new) = (expected.get(2)?, values.get(3)?);
        let t = self.created()?;
        if !key_ok(&key) {
            return Ok(false);
        }
        let Some(want) = marshal(&t, expected, &key, Mode::Expected) else { return pending_or(false) };
        let Some(new) = marshal(&t, new, &key, Mode::Write) else { return pending_or(false) };
        Ok(t.cmpset(&key, &crate::table_values::values(&want), &crate::table_values::values(&new)))
    }

    pub fn get(&self, key: StrArg, field: Opt<StrArg>) -> PhpResult<Zval> {
        self.read(key, field, false)
    }

    pub fn getdel(&self, key: StrArg, field: Opt<StrArg>) -> PhpResult<Zval> {
        self.read(key, field, true)
    }

    /// `count()`; `$mode` 1 (`COUNT_RECURSIVE`, undeclared as in Swoole)
    /// counts every column of every row.
    pub fn count(&self, mode: Opt<IntArg>) -> PhpResult<i64> {
        let mode = mode.or(1, 0)?;
        Ok(match &*self.state.borrow() {
            State::Created(t) if mode == 1 => (t.count() * t.columns().len()) as i64,
            State::Created(t) => t.count() as i64,
            _ => 0,
        })
    }

    pub fn del(&self, key: StrArg) -> PhpResult<bool> {
        self.delete_key(key)
    }

    pub fn delete(&self, key: StrArg) -> PhpResult<bool> {
        self.delete_key(key)
    }

    pub fn cmpdel(&self, key: StrArg, expected: ArrayArg) -> PhpResult<bool> {
        self.with_values(key, expected, Mode::Expected, |t, key, want| t.cmpdel(key, want))
    }

    pub fn exists(&self, key: StrArg) -> PhpResult<bool> {
        self.exists_key(key)
    }

    pub fn exist(&self, key: StrArg) -> PhpResult<bool> {
        self.exists_key(key)
    }

    pub fn incr(&self, key: StrArg, column: StrArg, incrby: Option<&Zval>) -> PhpResult<Zval> {
        self.add_to(key, column, incrby, 1, "incr")
    }

    pub fn decr(&self, key: StrArg, column: StrArg, incrby: Option<&Zval>) -> PhpResult<Zval> {
        self.add_to(key, column, incrby, -1, "decr")
    }

    #[php(name = "getSize")]
    pub fn get_size(&self) -> i64 {
        match &*self.state.borrow() {
            State::Defining { rows, .. } => *rows as i64,
            State::Created(t) => t.size() as i64,
            State::Unconstructed | State::Destroyed => 0,
        }
    }

    #[php(name = "getMemorySize")]
    pub fn get_memory_size(&self) -> i64 {
        match &*self.state.borrow() {
            State::Created(t) => t.memory_size() as i64,
            _ => 0,
        }
    }

    pub fn stats(&self) -> PhpResult<Zval> {
        let State::Created(t) = &*self.state.borrow() else { return zv(false) };
        let s = t.stats();
        let mut a = ext_php_rs::types::ZendHashTable::with_capacity(8);
        for (k, v) in [
            ("num", s.num),
            ("conflict_count", s.conflict_count),
            ("conflict_max_level", s.conflict_max_level),
            ("insert_count", s.insert_count),
            ("update_count", s.update_count),
            ("delete_count", s.delete_count),
            ("available_slice_num", s.available_slice_num),
            ("total_slice_num", s.total_slice_num),
        ] {
            let _ = a.insert(k, v as i64);
        }
        zv(a)
    }

    pub fn rewind(&self) -> PhpResult<()> {
        let t = self.created()?;
        self.cursor.set(0);
        self.forward(&t);
        Ok(())
    }

    pub fn valid(&self) -> PhpResult<bool> {
        let _ = self.created()?;
        Ok(self.current.borrow().is_some())
    }

    pub fn next(&self) -> PhpResult<()> {
        let t = self.created()?;
        self.forward(&t);
        Ok(())
    }

    pub fn current(&self) -> PhpResult<Zval> {
        let t = self.created()?;
        match &*self.current.borrow() {
            Some((_, data)) => zv(row_array(&t, data)),
            None => Ok(Zval::null()),
        }
    }

    pub fn key(&self) -> PhpResult<Zval> {
        let _ = self.created()?;
        match &*self.current.borrow() {
            Some((key, _)) => Ok(zend::bytes_zval(key)),
            None => Ok(Zval::null()),
        }
    }
}
