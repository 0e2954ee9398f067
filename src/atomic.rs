//! `Swoole\Atomic` and `Swoole\Atomic\Long`: thin faces over the core's
//! shared counters ([`swoole_core::atomic`]). Made before `start()` (or
//! before `Swoole\Process::start()`), one counter is seen by every process
//! forked after; made inside a worker, it is that worker's own.

use crate::args::{FloatArg, IntArg, Opt};
use crate::exception::swoole_error;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use swoole_core::atomic as core;
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{AtomicI64, AtomicU32};
use swoole_core::lock::timeout_from_secs;

/// Swoole's signatures (see [`crate::arginfo`]).
const ATOMIC_API: &[&str] = &[
    "__construct(int $value = 0)",
    "add(int $add_value = 1): int",
    "sub(int $sub_value = 1): int",
    "get(): int",
    "set(int $value): void",
    "wait(float $timeout = 1.0): bool",
    "wakeup(int $count = 1): bool",
    "cmpset(int $cmp_value, int $new_value): bool",
];
const LONG_API: &[&str] = &[
    "__construct(int $value = 0)",
    "add(int $add_value = 1): int",
    "sub(int $sub_value = 1): int",
    "get(): int",
    "set(int $value): void",
    "cmpset(int $cmp_value, int $new_value): bool",
];

/// Rewrites both classes' arginfo to Swoole's and lets subclasses' objects keep
/// their class (once, at the first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Atomic::get_metadata().ce(), ATOMIC_API);
    crate::shape::shape(AtomicLong::get_metadata().ce(), LONG_API);
    crate::subclass::install::<Atomic>();
    crate::subclass::install::<AtomicLong>();
}

fn no_memory(e: std::io::Error) -> ext_php_rs::exception::PhpException {
    crate::exception::swoole_exception(&format!("global memory allocation failure: {e}"), 501)
}

fn constructor_first() -> ext_php_rs::exception::PhpException {
    swoole_error("must call constructor first")
}

/// Swoole takes any int and keeps its low 32 bits.
fn low32(v: i64) -> u32 {
    v as u32
}

#[php_class]
#[php(name = "Swoole\\Atomic")]
pub struct Atomic {
    /// The shared counter; None until the constructor ran. Shared with the
    /// object's next state when the constructor runs again (which, as in
    /// Swoole, sets the value of the same counter).
    inner: Option<Rc<core::Atomic>>,
    /// `inner`'s word, for the engine-level handlers ([`crate::fast`]): one
    /// load from the object instead of three; valid while `inner` is.
    word: Option<NonNull<AtomicU32>>,
}

impl Atomic {
    fn get_inner(&self) -> PhpResult<&core::Atomic> {
        self.inner.as_deref().ok_or_else(constructor_first)
    }

    /// The counter's word, once constructed (for [`crate::fast`]).
    #[inline]
    pub(crate) fn word(&self) -> Option<&AtomicU32> {
        // SAFETY: points into `inner`'s mapping, which lives as long as `self`.
        self.word.map(|w| unsafe { w.as_ref() })
    }

    fn of(cell: Rc<core::Atomic>) -> Self {
        let word = NonNull::from(cell.word());
        Atomic { inner: Some(cell), word: Some(word) }
    }
}

/// As Swoole, which allocates the counter with the object: a subclass that
/// skips `parent::__construct()` has a counter at 0 (the constructor then
/// sets this same counter). Without memory, the object has none and its
/// methods throw "must call constructor first".
impl Default for Atomic {
    fn default() -> Self {
        match core::Atomic::new(0) {
            Ok(cell) => Atomic::of(Rc::new(cell)),
            Err(_) => Atomic { inner: None, word: None },
        }
    }
}

#[php_impl]
impl Atomic {
    pub fn __construct(value: Opt<IntArg>) -> PhpResult<Self> {
        let value = low32(value.or(1, 0)?);
        if let Some(cell) = crate::exception::constructing_state::<Atomic>().and_then(|a| a.inner.clone()) {
            cell.set(value);
            return Ok(Atomic::of(cell));
        }
        Ok(Atomic::of(Rc::new(core::Atomic::new(value).map_err(no_memory)?)))
    }

    pub fn add(&self, add_value: Opt<IntArg>) -> PhpResult<i64> {
        let n = add_value.or(1, 1)?;
        Ok(self.get_inner()?.add(low32(n)) as i64)
    }

    pub fn sub(&self, sub_value: Opt<IntArg>) -> PhpResult<i64> {
        let n = sub_value.or(1, 1)?;
        Ok(self.get_inner()?.sub(low32(n)) as i64)
    }

    pub fn get(&self) -> PhpResult<i64> {
        Ok(self.get_inner()?.get() as i64)
    }

    pub fn set(&self, value: IntArg) -> PhpResult<()> {
        let v = value.get(1)?;
        self.get_inner()?.set(low32(v));
        Ok(())
    }

    /// Sleeps while the value is 0 (see [`core::Atomic::wait`]); `$timeout`
    /// ≤ 0 waits for ever, as in Swoole.
    pub fn wait(&self, timeout: Opt<FloatArg>) -> PhpResult<bool> {
        let secs = timeout.or(1, 1.0)?;
        Ok(self.get_inner()?.wait(timeout_from_secs(secs)))
    }

    pub fn wakeup(&self, count: Opt<IntArg>) -> PhpResult<bool> {
        let n = count.or(1, 1)?;
        Ok(self.get_inner()?.wakeup(n.clamp(i32::MIN as i64, i32::MAX as i64) as i32))
    }

    pub fn cmpset(&self, cmp_value: IntArg, new_value: IntArg) -> PhpResult<bool> {
        let (cmp, new) = (cmp_value.get(1)?, new_value.get(2)?);
        Ok(self.get_inner()?.cmpset(low32(cmp), low32(new)))
    }
}

#[php_class]
#[php(name = "Swoole\\Atomic\\Long")]
pub struct AtomicLong {
    /// The shared counter; None until the constructor ran (see [`Atomic`]).
    inner: Option<Rc<core::AtomicLong>>,
    /// `inner`'s word (see [`Atomic`]).
    word: Option<NonNull<AtomicI64>>,
}

impl AtomicLong {
    fn get_inner(&self) -> PhpResult<&core::AtomicLong> {
        self.inner.as_deref().ok_or_else(constructor_first)
    }

    /// The counter's word, once constructed (for [`crate::fast`]).
    #[inline]
    pub(crate) fn word(&self) -> Option<&AtomicI64> {
        // SAFETY: points into `inner`'s mapping, which lives as long as `self`.
        self.word.map(|w| unsafe { w.as_ref() })
    }

    fn of(cell: Rc<core::AtomicLong>) -> Self {
        let word = NonNull::from(cell.word());
        AtomicLong { inner: Some(cell), word: Some(word) }
    }
}

/// As [`Atomic`]'s: the counter comes with the object, at 0.
impl Default for AtomicLong {
    fn default() -> Self {
        match core::AtomicLong::new(0) {
            Ok(cell) => AtomicLong::of(Rc::new(cell)),
            Err(_) => AtomicLong { inner: None, word: None },
        }
    }
}

#[php_impl]
impl AtomicLong {
    pub fn __construct(value: Opt<IntArg>) -> PhpResult<Self> {
        let value = value.or(1, 0)?;
        if let Some(cell) = crate::exception::constructing_state::<AtomicLong>().and_then(|a| a.inner.clone()) {
            cell.set(value);
            return Ok(AtomicLong::of(cell));
        }
        Ok(AtomicLong::of(Rc::new(core::AtomicLong::new(value).map_err(no_memory)?)))
    }

    pub fn add(&self, add_value: Opt<IntArg>) -> PhpResult<i64> {
        let n = add_value.or(1, 1)?;
        Ok(self.get_inner()?.add(n))
    }

    pub fn sub(&self, sub_value: Opt<IntArg>) -> PhpResult<i64> {
        let n = sub_value.or(1, 1)?;
        Ok(self.get_inner()?.sub(n))
    }

    pub fn get(&self) -> PhpResult<i64> {
        Ok(self.get_inner()?.get())
    }

    pub fn set(&self, value: IntArg) -> PhpResult<()> {
        let v = value.get(1)?;
        self.get_inner()?.set(v);
        Ok(())
    }

    pub fn cmpset(&self, cmp_value: IntArg, new_value: IntArg) -> PhpResult<bool> {
        let (cmp, new) = (cmp_value.get(1)?, new_value.get(2)?);
        Ok(self.get_inner()?.cmpset(cmp, new))
    }
}
